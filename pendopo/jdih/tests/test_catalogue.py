"""Field of law (``?bidang=``) and initiating agency (``?pemrakarsa=``): the demo catalogue
(data/katalog_contoh.csv), the filters, their form and bad values; the JDIHN ``judul``."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from pendopo.agencies.models import Agency
from pendopo.jdih.demo import CATALOGUE_CSV, SAMPLE_CSV
from pendopo.jdih.models import LegalDocumentPage

pytestmark = pytest.mark.django_db

AGENCIES_CSV = (
    Path(__file__).resolve().parents[2] / "agencies" / "data" / "perangkat_daerah_35.10.csv"
)
TAX = "Pajak dan Retribusi Daerah"


def _titles(response) -> list[str]:
    return re.findall(
        r'<li class="list-item" lang="id">\s*<a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def _agency(name: str) -> Agency:
    return Agency.objects.get(regency__code="35.10", name=name)


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_catalogue_covers_the_banyuwangi_sample_with_agencies_that_exist():
    sample = {
        (r["singkatan_jenis"], r["nomor"], r["tahun"])
        for r in _rows(SAMPLE_CSV)
        if r["daerah"] == "Kabupaten Banyuwangi"
    }
    catalogue = _rows(CATALOGUE_CSV)
    agencies = {r["nama"] for r in _rows(AGENCIES_CSV)}

    assert {(r["singkatan_jenis"], r["nomor"], r["tahun"]) for r in catalogue} == sample
    assert all(r["bidang_hukum"] and r["alasan"] for r in catalogue)
    initiators = {r["pemrakarsa"] for r in catalogue if r["pemrakarsa"]}
    assert initiators and initiators <= agencies
    assert len(sample) == 23


def test_demo_documents_carry_field_of_law_and_agency():
    retribution = LegalDocumentPage.objects.get(slug="perda-14-2011")
    budget = LegalDocumentPage.objects.get(slug="perda-12-2017")
    ambulance = LegalDocumentPage.objects.get(slug="perbup-34-2015")

    assert retribution.field_of_law == TAX
    assert retribution.initiating_agency == _agency("Badan Pendapatan Daerah")
    assert budget.field_of_law == "Keuangan Daerah"
    assert budget.initiating_agency == _agency("Badan Pengelolaan Keuangan dan Aset Daerah")
    assert (ambulance.field_of_law, ambulance.initiating_agency) == (TAX, None)


def test_field_of_law_filter_narrows_the_listing(client):
    assert sorted(_titles(client.get("/jdih/", {"bidang": TAX}))) == [
        "Peraturan Bupati Nomor 34 Tahun 2015",
        "Peraturan Daerah Nomor 1 Tahun 2022",
        "Peraturan Daerah Nomor 1 Tahun 2024",
        "Peraturan Daerah Nomor 14 Tahun 2011",
        "Peraturan Daerah Nomor 6 Tahun 2016",
    ]
    assert _titles(client.get("/jdih/", {"bidang": TAX, "jenis": "perbup"})) == [
        "Peraturan Bupati Nomor 34 Tahun 2015"
    ]


def test_initiating_agency_filter_narrows_the_listing(client):
    bapenda = _agency("Badan Pendapatan Daerah")
    kominfo = _agency("Dinas Komunikasi, Informatika dan Persandian")

    assert sorted(_titles(client.get("/jdih/", {"pemrakarsa": bapenda.pk}))) == [
        "Peraturan Daerah Nomor 1 Tahun 2022",
        "Peraturan Daerah Nomor 1 Tahun 2024",
        "Peraturan Daerah Nomor 14 Tahun 2011",
        "Peraturan Daerah Nomor 6 Tahun 2016",
    ]
    assert _titles(client.get("/jdih/", {"pemrakarsa": kominfo.pk})) == [
        "Peraturan Bupati Nomor 23 Tahun 2020",
        "Peraturan Bupati Nomor 19 Tahun 2012",
    ]


def test_filter_form_offers_fields_and_agencies_and_keeps_the_choice(client):
    bapenda = _agency("Badan Pendapatan Daerah")

    body = client.get("/jdih/", {"bidang": TAX, "pemrakarsa": bapenda.pk}).content.decode()

    select = body.split('id="jdih-bidang"')[1].split("</select>")[0]
    fields = re.findall(r"<option(?: selected)?>([^<]+)</option>", select)
    assert fields == [
        "Informasi Publik", "Inovasi Daerah", "Kearsipan", "Kelembagaan Perangkat Daerah",
        "Keuangan Daerah", TAX, "Pariwisata", "Penataan Ruang", "Perdagangan",
        "Perizinan Usaha", "Pertanian",
    ]  # fmt: skip
    assert f"<option selected>{TAX}</option>" in body
    assert f'<option value="{bapenda.pk}" selected>Badan Pendapatan Daerah</option>' in body
    # only agencies that initiated a document are offered (9 of the 56)
    assert len(re.findall(r'<option value="\d+"', body)) == 9
    assert 'name="bidang"' in body and 'name="pemrakarsa"' in body


@pytest.mark.parametrize(
    "params",
    [
        {"bidang": "Hukum Antariksa"},
        {"bidang": "\x00"},
        {"bidang": "x" * 5000},
        {"pemrakarsa": "abc"},
        {"pemrakarsa": "²"},
        {"tahun": "²⁰²⁰"},
        {"pemrakarsa": "-1"},
    ],
)
def test_unknown_field_or_agency_is_ignored_never_a_500(client, params):
    response = client.get("/jdih/", params)

    assert response.status_code == 200
    assert len(_titles(response)) == 20  # the unfiltered first page
    assert "selected>" not in response.content.decode().split('id="jdih-bidang"')[1][:200]


def test_agency_without_documents_is_not_a_filter(client):
    fisheries = _agency("Dinas Perikanan")

    response = client.get("/jdih/", {"pemrakarsa": fisheries.pk})

    assert response.status_code == 200 and len(_titles(response)) == 20


def test_feed_carries_the_field_of_law(client):
    feed = client.get("/jdih/integrasi/jdihn.json").json()

    record = next(
        r
        for r in feed
        if r["judul"].startswith("Peraturan Daerah Kabupaten Banyuwangi Nomor 1 Tahun 2024")
    )
    assert record["bidangHukum"] == TAX


def test_jdihn_judul_names_the_regents_regulation_as_it_names_itself(client):
    feed = client.get("/jdih/integrasi/jdihn.json").json()
    titles = [r["judul"] for r in feed]

    assert (
        "Peraturan Bupati Banyuwangi Nomor 49 Tahun 2016 tentang Kedudukan, Susunan Organisasi, "
        "Tugas dan Fungsi serta Tata Kerja Dinas Komunikasi, Informatika dan Persandian "
        "Kabupaten Banyuwangi"
    ) in titles
    assert (
        "Peraturan Daerah Kabupaten Banyuwangi Nomor 14 Tahun 2011 tentang Retribusi Perizinan "
        "Tertentu"
    ) in titles
    assert not [t for t in titles if "Bupati Kabupaten" in t]
    for record in feed:
        kind, number, year = record["jenis"], record["noPeraturan"], record["tahun_pengundangan"]
        assert record["judul"].startswith(kind + " ")
        assert f" Nomor {number} Tahun " in record["judul"] and " tentang " in record["judul"]
        assert year.isdigit()


def test_load_jdih_demo_prints_the_public_url():
    out = io.StringIO()

    call_command("load_jdih_demo", stdout=out)

    last = out.getvalue().strip().splitlines()[-1]
    assert last == "JDIH siap di http://localhost/jdih/"
