"""Content types of issue 4 and the editorial history every page type must have."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry

from pendopo.news.models import NewsPage


@pytest.mark.django_db
def test_tags_are_one_per_normalised_form_whatever_the_case_or_spacing():
    first = NewsPage.objects.get(slug="contoh-berita-3")
    second = NewsPage.objects.get(slug="contoh-berita-4")

    first.tags.add("Banjir Bandang")
    first.save()
    field = NewsPage._meta.get_field("tags").formfield()
    second.tags.set(field.clean("banjir  bandang, BANJIR BANDANG, Jalan"))
    second.save()

    assert Tag.objects.filter(name__iexact="banjir bandang").count() == 1
    assert [t.name for t in second.tags.order_by("name")] == ["Banjir Bandang", "Jalan"]


@pytest.mark.django_db
def test_a_news_item_shows_its_gallery_and_tags_with_focal_point_crops(client):
    response = client.get("/berita/contoh-berita-1/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Galeri foto" in html
    assert html.count("fill-600x400-c100") == 3
    assert "fill-800x450-c100" in html  # the lead image is cropped around its focal point
    assert '<span class="tag">Budaya</span>' in html


@pytest.mark.django_db
def test_galleries_downloads_and_announcement_attachments_are_public_pages(client):
    galleries = client.get("/galeri/")
    gallery = client.get("/galeri/contoh-galeri-festival/")
    downloads = client.get("/unduhan/")
    announcement = client.get("/pengumuman/contoh-pengumuman-2/")

    assert galleries.status_code == gallery.status_code == downloads.status_code == 200
    assert "Festival budaya (galeri contoh)" in galleries.content.decode()
    assert 'href="https://www.youtube.com/@BanyuwangiTV"' in gallery.content.decode()
    assert "<iframe" not in gallery.content.decode()  # no third-party origin on public pages
    assert "Jadwal puskesmas keliling (contoh)" in downloads.content.decode()
    assert "Daftar peserta (contoh)" in announcement.content.decode()


def _page_types_with_a_live_page():
    models = [m for m in apps.get_models() if issubclass(m, Page) and m is not Page]
    return sorted(models, key=lambda m: m._meta.label)


@pytest.mark.django_db
def test_every_page_type_has_revisions_compare_and_an_audit_log(admin_client):
    checked = []
    for model in _page_types_with_a_live_page():
        page = model.objects.live().order_by("pk").first()
        if page is None:
            continue
        first = page.save_revision(user=None, log_action=True)
        page.title = page.title + " (direvisi)"
        second = page.save_revision(log_action=True)

        history = admin_client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
        compare = admin_client.get(
            reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[page.pk, first.pk, second.pk],
            )
        )

        assert history.status_code == 200, model
        assert compare.status_code == 200, model
        assert "(direvisi)" in compare.content.decode(), model
        assert PageLogEntry.objects.filter(page=page, action="wagtail.edit").exists(), model
        checked.append(model._meta.label)

    for required in [
        "news.NewsPage",
        "news.AnnouncementPage",
        "news.GalleryPage",
        "news.DownloadsPage",
        "agenda.EventPage",
        "services.ServiceStandardPage",
        "agencies.AgencyPage",
        "portal.HomePage",
    ]:
        assert required in checked
