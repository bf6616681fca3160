import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pendopo.jdih import services
from pendopo.jdih.models import LegalDocumentPage
from pendopo.jdih.states import RelationKind

from .factories import make_document

pytestmark = pytest.mark.django_db


def _jsonld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def _titles(response) -> list[str]:
    return re.findall(
        r'<li class="list-item" lang="id">\s*<a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def test_listing_shows_every_document_with_its_status(client):
    response = client.get("/jdih/")

    assert response.status_code == 200
    body = response.content.decode()
    assert "23 produk hukum" in body
    assert "dicabut oleh Perda 12/2015" in client.get("/jdih/", {"page": 2}).content.decode()
    older = client.get("/jdih/", {"tahun": "2011"}).content.decode()
    assert "diubah oleh Perda 6/2016 dan Perda 1/2022" in older


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("perda 6 2016", "Peraturan Daerah Nomor 6 Tahun 2016"),
        ("Perda 6/2016", "Peraturan Daerah Nomor 6 Tahun 2016"),
        ("perbup nomor 6 tahun 2020", "Peraturan Bupati Nomor 6 Tahun 2020"),
        ("Peraturan Bupati Nomor 23 Tahun 2020", "Peraturan Bupati Nomor 23 Tahun 2020"),
        ("Perlindungan Tanaman Kelapa", "Peraturan Daerah Nomor 19 Tahun 2017"),
        ("Retribusi Perizinan Tertentu", "Peraturan Daerah Nomor 14 Tahun 2011"),
    ],
)
def test_citation_or_exact_title_finds_that_document_first(client, query, first):
    response = client.get("/jdih/", {"q": query})

    assert response.status_code == 200
    assert _titles(response)[0] == first


def test_search_reads_the_extracted_text(client):
    document = LegalDocumentPage.objects.get(slug="perda-19-2017")
    assert document.text_status == "selesai"

    response = client.get("/jdih/", {"q": "peraga ekstraksi kelapa"})

    assert "Peraturan Daerah Nomor 19 Tahun 2017" in _titles(response)


def test_scanned_pdf_is_flagged_and_found_by_its_metadata(client):
    scanned = LegalDocumentPage.objects.get(slug="perda-8-2012")
    assert scanned.text_status == "perlu_ocr" and scanned.text == ""

    response = client.get("/jdih/", {"q": "Rencana Tata Ruang Wilayah"})

    assert "Peraturan Daerah Nomor 8 Tahun 2012" in _titles(response)
    assert "perlu OCR" in client.get(scanned.url).content.decode()


def test_filters_by_type_year_and_status(client):
    assert _titles(client.get("/jdih/", {"status": "dicabut"})) == [
        "Peraturan Daerah Nomor 4 Tahun 2007"
    ]
    assert len(_titles(client.get("/jdih/", {"jenis": "perbup"}))) == 9
    assert _titles(client.get("/jdih/", {"jenis": "perda", "tahun": "2022"})) == [
        "Peraturan Daerah Nomor 1 Tahun 2022"
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"tahun": "abc"},
        {"status": "palsu"},
        {"jenis": "<script>"},
        {"pemrakarsa": "99999999999999"},
        {"page": "999"},
        {"q": "'\"():*&|!"},
    ],
)
def test_bad_filter_values_are_ignored_never_a_500(client, params):
    assert client.get("/jdih/", params).status_code == 200


def test_overlong_query_is_a_400_with_a_message(client):
    response = client.get("/jdih/", {"q": "a" * 500})

    assert response.status_code == 400
    assert "terlalu panjang" in response.content.decode()


@pytest.mark.parametrize("query", ["\x00", "perda\x006", "a\x00b"])
def test_query_with_a_nul_byte_is_a_400_and_never_echoed(client, query):
    response = client.get("/jdih/", {"q": query})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Kata kunci berisi karakter yang tidak sah." in html
    assert "\x00" not in html


def test_relation_badges_sit_inside_their_brackets_without_a_space(client):
    html = client.get("/jdih/perda-14-2011/").content.decode()

    assert "Berlaku</span>)" in html  # "(Berlaku)", not "(Berlaku )"
    assert "</span>\n)" not in html


def test_detail_page_shows_citation_status_chain_and_jsonld(client):
    response = client.get("/jdih/perda-14-2011/")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Peraturan Daerah Nomor 14 Tahun 2011 tentang Retribusi Perizinan Tertentu" in body
    assert "diubah oleh Perda 6/2016 dan Perda 1/2022" in body
    legislation = next(d for d in _jsonld(body) if d["@type"] == "Legislation")
    assert legislation["legislationLegalForce"] == "https://schema.org/InForce"
    assert legislation["legislationIdentifier"] == "Perda 14/2011"
    assert 'property="og:title"' in body


def test_revoked_document_says_not_in_force_everywhere(client):
    body = client.get("/jdih/perda-4-2007/").content.decode()

    legislation = next(d for d in _jsonld(body) if d["@type"] == "Legislation")
    assert legislation["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert "dicabut oleh Perda 12/2015" in body
    assert "Dicabut (tidak berlaku)" in body


def test_revoking_updates_listing_detail_and_feed(client):
    target = make_document(year=2012, title="Uji Pencabutan")
    client.get("/jdih/integrasi/jdihn.json")  # warm the cache

    services.add_relation(source=make_document(year=2025), target=target, kind="mencabut")
    services.purge_feed_cache()  # on_commit does this outside the test transaction

    feed = client.get("/jdih/integrasi/jdihn.json").json()
    assert next(r for r in feed if r["idData"] == str(target.pk))["status"] == "Tidak Berlaku"
    assert "Dicabut (tidak berlaku)" in client.get(target.url).content.decode()
    listing = client.get("/jdih/", {"status": "dicabut"})
    assert f"Nomor {target.number} Tahun 2012" in "".join(_titles(listing))


def test_download_counts_and_redirects_to_the_pdf(client):
    before = LegalDocumentPage.objects.get(slug="perda-12-2015").download_count

    response = client.get("/jdih/perda-12-2015/unduh/")

    assert response.status_code == 302
    assert response["Location"].endswith(".pdf")
    assert LegalDocumentPage.objects.get(slug="perda-12-2015").download_count == before + 1


def test_download_without_pdf_is_a_404(client):
    document = make_document()

    assert client.get(document.url + "unduh/").status_code == 404


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_listing_and_detail_queries_do_not_grow_with_relations(client):
    target = make_document(year=2000, title="Banyak Perubahan")
    services.add_relation(source=make_document(year=2001), target=target, kind="mengubah")
    _queries(client, target.url)  # warm the per-process caches (site root paths, renditions)
    _queries(client, "/jdih/")
    detail_one = _queries(client, target.url)
    listing_one = _queries(client, "/jdih/")

    for year in range(2002, 2012):
        services.add_relation(
            source=make_document(year=year), target=target, kind=RelationKind.AMENDS
        )

    assert _queries(client, target.url) == detail_one
    assert _queries(client, "/jdih/") == listing_one
