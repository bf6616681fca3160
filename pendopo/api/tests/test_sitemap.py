"""sitemap.xml lists live public pages and the Site's public documents; robots.txt names it."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, **extra) -> list[str]:
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    tree = ET.parse(io.BytesIO(response.content))  # noqa: S314 - our own output
    return [loc.text for loc in tree.findall(".//s:url/s:loc", NS)]


@pytest.mark.django_db
def test_sitemap_lists_pages_and_agency_documents_with_absolute_urls(client):
    document = get_document_model().objects.get(title="Jadwal puskesmas keliling (contoh)")

    urls = locations(client, HTTP_HOST="localhost")

    assert "http://localhost/berita/contoh-berita-1/" in urls
    assert f"http://localhost{document.url}" in urls
    assert all(url.startswith("http://localhost") for url in urls)


@pytest.mark.django_db
def test_documents_behind_a_view_restriction_stay_out(client):
    root = Collection.get_first_root_node()
    secret = root.add_child(name="Rahasia")
    restriction = CollectionViewRestriction.objects.create(
        collection=secret, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.first())
    hidden = get_document_model().objects.create(
        title="Internal", collection=secret, file=ContentFile(b"x", name="internal.txt")
    )

    urls = locations(client, HTTP_HOST="localhost")

    assert not any(url.endswith(hidden.url) for url in urls)


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()

    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
