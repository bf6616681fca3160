"""Site search at /cari/: live, public pages of the current site; exact title first."""

import re

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import PageViewRestriction

from pendopo.news.models import NewsIndexPage, NewsPage


def result_titles(html: str) -> list[str]:
    block = html.split('<ol class="results">', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'<li><a href="[^"]*">([^<]*)</a>', block)


@pytest.mark.django_db
def test_search_finds_a_live_news_page(client):
    response = client.get("/cari/", {"q": "festival budaya"})

    assert response.status_code == 200
    assert "Festival budaya digelar di Taman Blambangan" in result_titles(response.content.decode())


@pytest.mark.django_db
def test_an_exact_title_match_ranks_first(client):
    title = "Lomba desa wisata tingkat kabupaten"

    titles = result_titles(client.get("/cari/", {"q": title.upper()}).content.decode())

    assert titles[0] == title


@pytest.mark.django_db
def test_results_page_is_noindex_and_the_title_never_repeats_the_query(client):
    html = client.get("/cari/", {"q": "rahasia-kata-unik"}).content.decode()

    assert '<meta name="robots" content="noindex, follow">' in html
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "rahasia-kata-unik" not in title


@pytest.mark.django_db
def test_a_query_longer_than_the_cap_gets_a_400_in_indonesian(client):
    cap = settings.PENDOPO_SEARCH_MAX_QUERY_LENGTH

    ok = client.get("/cari/", {"q": "a" * cap})
    too_long = client.get("/cari/", {"q": "a" * (cap + 1)})

    assert cap == 100
    assert ok.status_code == 200
    assert too_long.status_code == 400
    assert "Kata kunci terlalu panjang: paling banyak 100 karakter." in too_long.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "   ", "%", "'; DROP TABLE", "a\x00b", "((((", '"', "*:*"])
def test_odd_queries_never_give_a_500(client, query):
    assert client.get("/cari/", {"q": query}).status_code in (200, 400)


@pytest.mark.django_db
def test_drafts_and_private_pages_are_not_found(client):
    index = NewsIndexPage.objects.get(url_path="/35-10/berita/")
    draft = NewsPage(title="Draf zebrakuda rahasia", intro="zebrakuda", body=[], live=False)
    index.add_child(instance=draft)
    private = NewsPage(title="Berita zebrakuda terbatas", intro="zebrakuda", body=[])
    index.add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    titles = result_titles(
        client.get("/cari/", {"q": "zebrakuda"}).content.decode() + '<ol class="results"></ol>'
    )

    assert "Draf zebrakuda rahasia" not in titles
    assert "Berita zebrakuda terbatas" not in titles


@pytest.mark.django_db
def test_an_agency_host_searches_only_its_own_pages(client):
    on_agency = client.get("/cari/", {"q": "festival"}, HTTP_HOST="dinkes.localhost")
    on_regency = client.get("/cari/", {"q": "festival"})

    assert "Festival budaya digelar" not in on_agency.content.decode()
    assert "Festival budaya digelar" in on_regency.content.decode()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL")
def test_indonesian_stemming_on_postgresql(client):
    titles = result_titles(client.get("/cari/", {"q": "membangun"}).content.decode())

    assert "Pembangunan sekolah dasar baru di wilayah selatan" in titles
