"""Contract test of the JDIHN harvest feed (docs/rules.md#jdih-jdihn-feed)."""

import re
from datetime import date
from urllib.parse import urlparse

import pytest

from pendopo.jdih.models import LegalDocumentPage
from pendopo.jdih.selectors import JDIHN_FIELDS

from .factories import make_document

pytestmark = pytest.mark.django_db

REQUIRED = [
    "idData", "tahun_pengundangan", "tanggal_pengundangan", "jenis", "singkatanJenis",
    "noPeraturan", "judul", "teuBadan", "sumber", "subjek", "status", "bahasa", "bidangHukum",
    "fileDownload", "urlDownload", "urlDetailPeraturan", "operasi", "display",
]  # fmt: skip
DATE_FIELDS = ["tanggal_penetapan", "tanggal_pengundangan", "lastUpdated"]


def _feed(client, **params):
    response = client.get("/jdih/integrasi/jdihn.json", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_every_record_keeps_the_contract(client):
    records = _feed(client)

    assert isinstance(records, list) and len(records) >= 23
    for record in records:
        assert set(REQUIRED) <= set(record), record
        assert set(record) <= set(JDIHN_FIELDS)
        assert all(isinstance(value, str) for value in record.values()), record
        assert record["operasi"] == "4" and record["display"] == "1"
        assert record["status"] in {"Berlaku", "Tidak Berlaku"}
        assert re.fullmatch(r"(19|20)\d\d", record["tahun_pengundangan"])
        for name in DATE_FIELDS:
            if record.get(name):
                date.fromisoformat(record[name])
        for name in ("urlDetailPeraturan", "urlDownload", "urlabstrak"):
            if record.get(name):
                url = urlparse(record[name])
                assert url.scheme in {"http", "https"} and url.netloc, record[name]
        if record["urlDownload"]:
            assert record["fileDownload"].endswith(".pdf")


def test_status_is_derived_from_relations(client):
    records = {r["judul"]: r for r in _feed(client)}

    prefix = "Peraturan Daerah Kabupaten Banyuwangi Nomor"
    revoked = next(v for k, v in records.items() if k.startswith(f"{prefix} 4 Tahun 2007"))
    amended = next(v for k, v in records.items() if k.startswith(f"{prefix} 14 Tahun 2011"))
    assert revoked["status"] == "Tidak Berlaku"
    assert amended["status"] == "Berlaku"


def test_enactment_date_fills_in_for_a_missing_promulgation_date(client):
    record = next(r for r in _feed(client) if "Nomor 19 Tahun 2012 tentang Pedoman" in r["judul"])

    assert record["tanggal_penetapan"] == "2012-06-25"
    assert record["tanggal_pengundangan"] == "2012-06-25"
    assert record["tahun_pengundangan"] == "2012"


def test_only_published_documents_are_harvested(client):
    draft = make_document(title="Rancangan Belum Terbit")
    draft.unpublish()

    ids = {r["idData"] for r in _feed(client)}

    assert ids and str(draft.pk) not in ids
    assert LegalDocumentPage.objects.live().filter(pk=draft.pk).count() == 0


def test_limit_returns_the_newest(client):
    records = _feed(client, limit="3")

    assert len(records) == 3
    years = [int(r["judul"].split("Tahun ")[1][:4]) for r in records]
    assert years == sorted(years, reverse=True)


@pytest.mark.parametrize("limit", ["0", "-1", "abc", "1000001"])
def test_bad_limit_is_a_400(client, limit):
    response = client.get("/jdih/integrasi/jdihn.json", {"limit": limit})

    assert response.status_code == 400
    assert "limit" in response.json()["error"]


def test_feed_is_cached_and_purged_on_publish(client):
    before = len(_feed(client))

    make_document(title="Terbit Baru")  # page_published purges the cached feed

    assert len(_feed(client)) == before + 1
