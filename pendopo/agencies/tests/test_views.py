"""The agency directory and agency sub-sites, on the regency host and on their own host."""

import pytest

from pendopo.core.seo import canonical_url
from pendopo.news.models import NewsPage


@pytest.mark.django_db
def test_the_directory_groups_the_56_agencies_by_kind(client):
    response = client.get("/perangkat-daerah/")

    html = response.content.decode()
    assert response.status_code == 200
    headings = [
        "Sekretariat",
        "Inspektorat",
        "Badan",
        "Dinas",
        "Satuan Polisi Pamong Praja",
        "Rumah Sakit Umum Daerah",
        "Kecamatan",
    ]
    positions = [html.index(f'">{h}</h2>') for h in headings]
    assert positions == sorted(positions)
    assert html.count('<li>\n    <h3><a href="/perangkat-daerah/') == 56
    assert "kec_glenmore@banyuwangikab.go.id" in html


@pytest.mark.django_db
def test_an_agency_sub_site_shows_its_profile_and_own_news(client):
    response = client.get("/perangkat-daerah/dinkes/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Dinas Kesehatan</h1>" in html
    assert "Vaksinasi anak sekolah di puskesmas" in html
    assert "Wi-Fi publik ditambah di balai desa" not in html  # Diskominfo's news


@pytest.mark.django_db
def test_the_agency_host_serves_the_sub_site_with_its_own_navigation(client):
    response = client.get("/", HTTP_HOST="dinkes.localhost")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Dinas Kesehatan</h1>" in html
    assert '<a href="/berita/">Berita</a>' in html
    assert '<a href="/dokumen/">Dokumen</a>' in html
    assert "Perangkat Daerah</a>" not in html  # the regency's menu is not shown


@pytest.mark.django_db
def test_agency_news_is_listed_on_both_sites_with_one_canonical_url(client):
    item = NewsPage.objects.get(slug="contoh-dinkes-1")

    regency_list = client.get("/berita/").content.decode()
    agency_list = client.get("/berita/", HTTP_HOST="dinkes.localhost").content.decode()
    on_agency_host = client.get("/berita/contoh-dinkes-1/", HTTP_HOST="dinkes.localhost")

    assert item.title in regency_list
    assert item.title in agency_list
    assert canonical_url(item) == "http://localhost/perangkat-daerah/dinkes/berita/contoh-dinkes-1/"
    assert f'<link rel="canonical" href="{canonical_url(item)}">' in on_agency_host.content.decode()


@pytest.mark.django_db
def test_the_agency_documents_page_lists_its_collection(client):
    response = client.get("/perangkat-daerah/dinkes/dokumen/")

    assert response.status_code == 200
    assert "Jadwal puskesmas keliling (contoh)" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/perangkat-daerah/tidak-ada/", "/perangkat-daerah/dinkes/x/"])
def test_unknown_agency_paths_are_404(client, path):
    assert client.get(path).status_code == 404
