"""Public pages: home, listings, details, structured data, and bad input never a 500."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from pendopo.agenda.models import EventPage
from pendopo.news.models import AnnouncementPage, NewsPage


def jsonld_blocks(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


@pytest.mark.django_db
def test_home_shows_identity_news_announcements_agenda_directory_and_kecamatan(client):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="id">' in html
    assert "<h1>Pemerintah Kabupaten Banyuwangi</h1>" in html
    assert "Berita terbaru" in html and "Festival budaya digelar" in html
    assert "Jadwal pelayanan selama libur nasional" in html  # a valid announcement
    assert "Seleksi terbuka jabatan pimpinan tinggi" not in html  # expired
    assert "Rapat koordinasi penanggulangan bencana" in html  # upcoming event
    assert "Kecamatan (25)" in html and "Dinas (19)" in html
    assert html.count('href="/profil/wilayah/') >= 25
    assert "Konten demonstrasi" in html or "konten contoh" in html


@pytest.mark.django_db
def test_every_page_carries_the_government_organization_jsonld(client):
    for path in ["/", "/profil/", "/berita/", "/perangkat-daerah/dinkes/", "/cari/?q=pasar"]:
        blocks = jsonld_blocks(client.get(path).content.decode())

        organisation = [b for b in blocks if b["@type"] == "GovernmentOrganization"]
        assert organisation, path
        assert organisation[0]["name"] == "Pemerintah Kabupaten Banyuwangi"
        assert organisation[0]["areaServed"]["identifier"] == "35.10"


@pytest.mark.django_db
def test_a_news_page_has_open_graph_and_news_article_data(client):
    response = client.get("/berita/contoh-berita-1/")

    html = response.content.decode()
    article = next(b for b in jsonld_blocks(html) if b["@type"] == "NewsArticle")
    assert article["headline"] == "Festival budaya digelar di Taman Blambangan"
    assert article["datePublished"] == timezone.localdate().isoformat()
    assert '<meta property="og:type" content="article">' in html
    assert (
        '<meta property="og:title" content="Festival budaya digelar di Taman Blambangan">' in html
    )
    assert 'property="og:image"' in html
    assert "https://wa.me/?text=" in html


@pytest.mark.django_db
def test_news_listing_paginates_ten_per_page(client):
    total = NewsPage.objects.live().count()

    first = client.get("/berita/").content.decode()
    second = client.get("/berita/?page=2").content.decode()

    assert total == 16
    assert first.count('<article class="card"') == 10
    assert second.count('<article class="card"') == 6
    assert "Halaman 2 dari 2" in second


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["page=abc", "page=-1", "page=99999999999999999999", "page=%00"])
def test_a_malformed_page_number_still_shows_a_page(client, query):
    assert client.get(f"/berita/?{query}").status_code == 200


@pytest.mark.django_db
def test_announcements_list_only_valid_ones_and_keep_an_archive(client):
    current = client.get("/pengumuman/").content.decode()
    archive = client.get("/pengumuman/?arsip=1").content.decode()

    assert "Jadwal pelayanan selama libur nasional" in current
    assert "Penutupan sementara jalan untuk festival" not in current  # starts in 2 days
    assert "Seleksi terbuka jabatan pimpinan tinggi" not in current
    assert "Seleksi terbuka jabatan pimpinan tinggi" in archive


@pytest.mark.django_db
def test_announcement_validity_cannot_end_before_it_starts():
    from django.core.exceptions import ValidationError

    page = AnnouncementPage(
        title="X",
        valid_from=datetime.date(2026, 3, 16),
        valid_until=datetime.date(2026, 3, 15),
        intro="x",
    )

    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "Tanggal akhir tidak boleh sebelum tanggal mulai berlaku." in str(error.value)


@pytest.mark.django_db
def test_event_times_are_shown_in_wib_and_published_with_the_offset(client):
    event = EventPage.objects.get(slug="contoh-agenda-1")
    event.start = datetime.datetime(2030, 3, 16, 23, 30, tzinfo=datetime.UTC)  # 06:30 WIB, 17th
    event.end = event.start + datetime.timedelta(hours=2)
    event.save_revision().publish()

    html = client.get("/agenda/contoh-agenda-1/").content.decode()

    assert "Minggu, 17 Maret 2030 06:30" in html
    data = next(b for b in jsonld_blocks(html) if b["@type"] == "Event")
    assert data["startDate"] == "2030-03-17T06:30:00+07:00"
    assert data["organizer"]["name"] == "Badan Penanggulangan Bencana Daerah"


@pytest.mark.django_db
def test_agenda_lists_coming_events_and_past_ones_separately(client):
    coming = client.get("/agenda/").content.decode()
    past = client.get("/agenda/?waktu=lalu").content.decode()

    assert "Sosialisasi layanan pengaduan masyarakat" not in coming
    assert "Sosialisasi layanan pengaduan masyarakat" in past
    assert "Rapat koordinasi penanggulangan bencana" in coming


@pytest.mark.django_db
def test_an_event_cannot_end_before_it_starts():
    from django.core.exceptions import ValidationError

    start = timezone.now()
    page = EventPage(title="X", start=start, end=start - datetime.timedelta(hours=1), intro="x")

    with pytest.raises(ValidationError, match="Waktu selesai tidak boleh sebelum waktu mulai"):
        page.clean()


@pytest.mark.django_db
def test_profile_pages_exist(client):
    for path, text in [
        ("/profil/", "Sejarah"),
        ("/profil/sejarah/", "18 Desember"),
        ("/profil/visi-misi/", "Visi dan Misi"),
        ("/profil/pimpinan/", "Bupati"),
        ("/profil/geografi/", "Jumlah penduduk"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert text in response.content.decode(), path


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/tidak-ada/",
        "/berita/tidak-ada/",
        "/profil/wilayah/%ZZ/",
        "/documents/999999/x.pdf",
        "/" + "a" * 2000 + "/",
    ],
)
def test_unknown_paths_get_an_indonesian_404(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


@pytest.mark.django_db
def test_a_disallowed_host_gets_a_400_not_a_500(client):
    response = client.get("/", HTTP_HOST="evil.example.com")

    assert response.status_code == 400
    assert "Permintaan tidak dapat diproses" in response.content.decode()


@pytest.mark.django_db
def test_robots_and_sitemap(client):
    robots = client.get("/robots.txt").content.decode()
    sitemap = client.get("/sitemap.xml")

    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    assert sitemap.status_code == 200
    assert b"/berita/contoh-berita-1/" in sitemap.content


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]

    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_a_browser_asking_for_english_still_gets_indonesian(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert '<html lang="id">' in html
    assert "Langsung ke isi" in html


@pytest.mark.django_db
def test_choosing_english_translates_the_interface_but_marks_content_indonesian(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/berita/"})

    html = client.get("/berita/").content.decode()
    assert response.status_code == 302
    assert '<html lang="en">' in html
    assert "Skip to content" in html and "Search this site" in html
    assert '<article class="card" lang="id">' in html


@pytest.mark.django_db
def test_search_answers_head_requests(client):
    assert client.head("/cari/", {"q": "jalan"}).status_code == 200


@pytest.mark.django_db
def test_routable_pages_have_their_own_canonical_url(client):
    district = client.get("/profil/wilayah/glenmore/?utm_source=x").content.decode()
    documents = client.get("/perangkat-daerah/dinkes/dokumen/").content.decode()

    assert '<link rel="canonical" href="http://localhost/profil/wilayah/glenmore/">' in district
    assert (
        '<link rel="canonical" href="http://localhost/perangkat-daerah/dinkes/dokumen/">'
        in documents
    )


@pytest.mark.django_db
def test_an_expired_form_gets_the_portal_403_page(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)

    response = strict.post("/i18n/setlang/", {"language": "en"})

    assert response.status_code == 403
    assert "Formulir kedaluwarsa" in response.content.decode()
