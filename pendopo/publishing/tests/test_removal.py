"""Withdraw with notice, 410 Gone or a redirect when removed, purge of every showing page."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from pendopo.core.errors import DomainError, PermissionDeniedError
from pendopo.core.models import Event
from pendopo.news.models import NewsPage
from pendopo.publishing.selectors import urls_to_purge
from pendopo.publishing.services import withdraw_page

User = get_user_model()
PURGED: list[str] = []


class RecordingBackend:
    """A frontend cache that records what it is asked to purge (the outside world)."""

    def __init__(self, params):
        pass

    def purge(self, url):
        PURGED.append(url)

    def purge_batch(self, urls):
        PURGED.extend(urls)

    def invalidates_hostname(self, hostname):
        return True


def _user(username, group_name):
    user = User.objects.create_user(username, f"{username}@example.invalid", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.django_db
def test_a_withdrawn_page_stays_readable_with_a_banner_saying_when_and_why(client):
    moderator = _user("uji.tarik", "Moderator Dinas Kesehatan")
    page = NewsPage.objects.get(slug="contoh-dinkes-1")

    withdraw_page(page=page, by=moderator, reason="Jadwal vaksinasi diganti; lihat berita baru.")

    response = client.get("/berita/contoh-dinkes-1/", HTTP_HOST="dinkes.localhost")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Halaman ini telah ditarik" in html
    assert "Jadwal vaksinasi diganti; lihat berita baru." in html
    assert "WIB" in html  # the time is shown in the regency's zone
    assert Event.objects.filter(kind="page_withdrawn", object_id=str(page.pk)).exists()


@pytest.mark.django_db
def test_withdrawing_needs_publish_rights_and_a_reason():
    editor = _user("uji.tarik.editor", "Editor Dinas Kesehatan")
    moderator = _user("uji.tarik.mod", "Moderator Dinas Kesehatan")
    page = NewsPage.objects.get(slug="contoh-dinkes-1")

    with pytest.raises(PermissionDeniedError):
        withdraw_page(page=page, by=editor, reason="Alasan.")
    with pytest.raises(DomainError, match="wajib"):
        withdraw_page(page=page, by=moderator, reason="   ")
    with pytest.raises(DomainError, match="1000"):
        withdraw_page(page=page, by=moderator, reason="x" * 1001)


@pytest.mark.django_db
def test_the_withdraw_screen_refuses_an_empty_reason_with_400_and_works_with_one(client):
    moderator = _user("uji.tarik.layar", "Moderator Dinas Kesehatan")
    page = NewsPage.objects.get(slug="contoh-dinkes-1")
    client.force_login(moderator)
    url = reverse("publishing_withdraw", args=[page.pk])

    empty = client.post(url, {"reason": ""})
    done = client.post(url, {"reason": "Data keliru."})

    assert empty.status_code == 400
    assert done.status_code == 302
    assert page.withdrawal.reason == "Data keliru."


@pytest.mark.django_db
def test_an_unpublished_page_answers_410_on_every_host_until_published_again(client):
    page = NewsPage.objects.get(slug="contoh-dinkes-1")

    page.unpublish()
    regency = client.get("/perangkat-daerah/dinkes/berita/contoh-dinkes-1/")
    agency = client.get("/berita/contoh-dinkes-1/", HTTP_HOST="dinkes.localhost")
    never = client.get("/berita/tidak-pernah-ada/")
    nul = client.get("/berita/contoh-dinkes-1%00/")
    page.save_revision().publish()
    back = client.get("/perangkat-daerah/dinkes/berita/contoh-dinkes-1/")

    assert regency.status_code == agency.status_code == 410
    assert "Halaman sudah dihapus" in regency.content.decode()
    assert never.status_code == nul.status_code == 404
    assert back.status_code == 200


@pytest.mark.django_db
def test_a_deleted_page_answers_410_and_a_redirect_wins_over_410(client, portal_site):
    page = NewsPage.objects.get(slug="contoh-berita-3")
    other = NewsPage.objects.get(slug="contoh-berita-4")
    NewsPage.objects.get(slug="contoh-berita-5").delete()

    page.delete()
    Redirect.add_redirect("/berita/contoh-berita-4", redirect_to=other.url, site=None)
    other.unpublish()

    assert client.get("/berita/contoh-berita-3/").status_code == 410
    assert client.get("/berita/contoh-berita-5/").status_code == 410
    assert client.get("/berita/contoh-berita-4/").status_code in (301, 302)


@pytest.mark.django_db
def test_an_agency_item_purges_itself_its_lists_the_agency_the_home_and_the_feeds():
    page = NewsPage.objects.get(slug="contoh-dinkes-1")

    urls = urls_to_purge(page)

    pages = [u for u in urls if "/feeds/" not in u]
    feeds = [u for u in urls if "/feeds/" in u]
    assert "http://localhost/perangkat-daerah/dinkes/feeds/berita.rss" in feeds
    assert "http://localhost/feeds/berita.atom" in feeds
    assert "http://dinkes.localhost/feeds/berita.rss" in feeds
    assert "http://localhost/feeds/agregasi.json" in feeds
    assert not [u for u in feeds if "pengumuman" in u or "agenda" in u]
    assert pages == sorted(
        [
            "http://localhost/",
            "http://localhost/berita/",
            "http://localhost/perangkat-daerah/dinkes/",
            "http://localhost/perangkat-daerah/dinkes/berita/",
            "http://localhost/perangkat-daerah/dinkes/berita/contoh-dinkes-1/",
            "http://dinkes.localhost/",
            "http://dinkes.localhost/berita/",
            "http://dinkes.localhost/berita/contoh-dinkes-1/",
        ]
    )


@pytest.mark.django_db
@override_settings(WAGTAILFRONTENDCACHE={"test": {"BACKEND": f"{__name__}.RecordingBackend"}})
def test_publishing_purges_every_page_that_shows_the_item():
    page = NewsPage.objects.get(slug="contoh-dinkes-1")
    PURGED.clear()

    page.save_revision().publish()

    assert set(urls_to_purge(page)) <= set(PURGED)
    assert "http://localhost/berita/" in PURGED
