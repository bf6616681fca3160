"""Public PPID pages: the list and its exports, the request form, receipt, log and reports."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from pendopo.ppid import selectors, services
from pendopo.ppid.exports import DIP_COLUMNS, safe_cell
from pendopo.ppid.models import InformationItem, InformationRequest, Objection
from pendopo.ppid.states import RequestStatus

from .conftest import valid_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(regency):
    call_command("load_ppid_demo", verbosity=0)
    return regency


def _form_data(**overrides):
    data = valid_data(agency="", **overrides)
    data["website"] = ""
    return data


def test_list_shows_all_four_categories_and_filters(client, demo):
    response = client.get("/ppid/")

    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Informasi berkala", "Informasi serta-merta", "Informasi setiap saat"):
        assert label in html
    assert "Informasi dikecualikan" in html
    assert "perlu diperbarui" in html
    filtered = client.get("/ppid/", {"kategori": "dikecualikan", "opd": "dinkes"})
    assert filtered.status_code == 200
    assert filtered.context["page_obj"].paginator.count == 1


def test_bad_filter_is_a_400_not_a_500(client, demo):
    assert client.get("/ppid/", {"kategori": "rahasia"}).status_code == 400
    assert client.get("/ppid/daftar-informasi.csv", {"kategori": "x"}).status_code == 400


def test_rule10_dip_export_has_exactly_the_seven_columns(client, demo):
    response = client.get("/ppid/daftar-informasi.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    assert rows[0] == DIP_COLUMNS and len(rows[0]) == 7
    assert len(rows) - 1 == InformationItem.objects.published().filter(regency=demo).count()
    workbook = load_workbook(io.BytesIO(client.get("/ppid/daftar-informasi.xlsx").content))
    header = [cell.value for cell in workbook.active[1]]
    assert header == DIP_COLUMNS


def test_csv_and_xlsx_neutralise_formulas(client, regency):
    InformationItem.objects.create(
        regency=regency,
        category="setiap_saat",
        title="Data",
        summary="x",
        holding_unit='=HYPERLINK("http://evil")',
        responsible_person="+1",
        production="@SUM(A1)",
        formats="softcopy",
        retention="-2",
        last_updated_on=datetime.date(2026, 1, 1),
    )

    rows = list(
        csv.reader(
            io.StringIO(client.get("/ppid/daftar-informasi.csv").content.decode("utf-8-sig"))
        )
    )
    workbook = load_workbook(io.BytesIO(client.get("/ppid/daftar-informasi.xlsx").content))

    assert rows[1][2].startswith("'=") and rows[1][3] == "'+1" and rows[1][6] == "'-2"
    assert workbook.active["C2"].data_type == "s" and workbook.active["C2"].value.startswith("'=")
    assert safe_cell("biasa") == "biasa"


def test_request_form_registers_and_shows_receipt_at_once(client, regency):
    response = client.post("/ppid/permohonan/", _form_data())

    assert response.status_code == 302
    request = InformationRequest.objects.get()
    assert request.agency is None and request.number in response["Location"]
    receipt = client.get(response["Location"])
    html = receipt.content.decode()
    assert request.number in html and "Tanda bukti" in html and "hari ke-" in html
    assert "Siti Aminah" not in html and "3510014101900001" not in html


def test_request_form_missing_fields_gives_400_and_keeps_input(client, regency):
    response = client.post("/ppid/permohonan/", _form_data(purpose="", is_proxy="on"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Siti Aminah" in html and "surat kuasa" in html
    assert not InformationRequest.objects.exists()


def test_receipt_needs_the_access_code(client, make_request):
    request = make_request()

    assert client.get(f"/ppid/permohonan/{request.number}/").status_code == 404
    assert client.get(f"/ppid/permohonan/{request.number}/", {"kode": "salah"}).status_code == 404


def test_public_log_never_shows_the_requester(client, make_request):
    make_request(topic="Anggaran puskesmas", requester_name="Budi Santoso Rahasia")

    html = client.get("/ppid/register/").content.decode()

    assert "Anggaran puskesmas" in html and "hari ke-" in html
    assert "Budi Santoso Rahasia" not in html and "081234567890" not in html


def test_requester_files_objection_from_status_page(client, regency, dinkes, dinkes_officer):
    expired, expired_code = services.submit_request(
        regency=regency,
        agency=dinkes,
        data=valid_data(),
        received_at=datetime.datetime(2024, 1, 2, 2, tzinfo=datetime.UTC),
    )
    expired_url = f"/ppid/permohonan/{expired.number}/"

    page = client.get(expired_url, {"kode": expired_code})
    assert "Ajukan keberatan" not in page.content.decode()  # ground (c) expired long ago
    refused = client.post(
        expired_url, {"kode": expired_code, "ground": "c", "statement": "Belum dijawab"}
    )
    assert refused.status_code == 400
    assert not Objection.objects.filter(request=expired).exists()

    # Answered today: grounds (b), (d), (e) and (f) open now, for 30 hari kerja (Pasal 36(1)).
    request, code = services.submit_request(regency=regency, agency=dinkes, data=valid_data())
    services.decide_request(
        request=request, by=dinkes_officer, decision=RequestStatus.GRANTED, note="Terlampir"
    )
    url = f"/ppid/permohonan/{request.number}/"
    assert "Ajukan keberatan" in client.get(url, {"kode": code}).content.decode()

    response = client.post(url, {"kode": code, "ground": "d", "statement": "Tidak sesuai"})

    assert response.status_code == 302
    objection = Objection.objects.get(request=request)
    assert objection.ground == "d" and objection.number in response["Location"]
    again = client.post(url, {"kode": code, "ground": "e", "statement": "Lagi"})
    assert again.status_code == 400  # the first objection still waits for the atasan
    assert Objection.objects.filter(request=request).count() == 1


def test_suggestions_match_public_items_but_not_exempt_ones(client, demo):
    common = {
        "regency": demo,
        "summary": "Data pribadi pegawai",
        "holding_unit": "BKPSDM",
        "responsible_person": "Kepala BKPSDM",
        "production": "2026",
        "formats": "softcopy",
        "retention": "5 tahun",
        "last_updated_on": datetime.date(2026, 1, 5),
    }
    public = InformationItem.objects.create(
        category="setiap_saat", title="Jumlah pegawai per golongan", **common
    )
    InformationItem.objects.create(
        category="dikecualikan",
        title="Data pribadi pegawai",
        exemption_ground="h",
        consequence_test="Rahasia pribadi (Pasal 17 huruf h).",
        **common,
    )
    data = client.get("/ppid/saran/", {"teks": "realisasi anggaran semester"}).json()
    assert data["items"] and all("/ppid/informasi/" in item["url"] for item in data["items"])

    items = client.get("/ppid/saran/", {"teks": "data pribadi pegawai"}).json()["items"]

    assert items, "the public item sharing the words must be suggested"
    assert any(item["url"] == f"/ppid/informasi/{public.pk}/" for item in items)
    assert all("dikecualikan" not in item["category"].lower() for item in items)


def test_serta_merta_alert_banner_and_c4_notices(client, demo, portal_site):
    html = client.get("/").content.decode()
    notices = selectors.immediate_notices(site=portal_site)

    assert "ppid-alert" in html and "Peringatan dini cuaca ekstrem" in html
    assert notices and set(notices[0]) == {"title", "url", "published_at", "summary", "agency_slug"}
    assert notices[0]["url"].startswith("/ppid/informasi/")
    assert client.get(notices[0]["url"]).status_code == 200


def test_rule9_yearly_report_is_published_and_listed_as_setiap_saat(client, demo):
    from pendopo.ppid.models import AnnualReport

    report = AnnualReport.objects.get()
    page = client.get(f"/ppid/laporan/{report.year}/")
    xlsx = client.get(f"/ppid/laporan/{report.year}.xlsx")

    assert page.status_code == 200 and "Rekapitulasi" in page.content.decode()
    assert report.due_on == datetime.date(report.year + 1, 3, 31)
    assert report.item.category == "setiap_saat"
    assert report.item.link == f"/ppid/laporan/{report.year}/"
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert workbook.sheetnames == ["Rekap", "Uraian"]


def test_demo_has_every_status_and_all_categories_for_several_agencies(demo):
    from pendopo.ppid.states import Category, RequestStatus

    statuses = set(InformationRequest.objects.filter(is_demo=True).values_list("status", flat=True))
    agencies_per_category = {
        category: InformationItem.objects.filter(is_demo=True, category=category)
        .exclude(agency=None)
        .values("agency")
        .distinct()
        .count()
        for category in Category.values
    }

    assert statuses == set(RequestStatus.values)
    assert all(count >= 3 for count in agencies_per_category.values()), agencies_per_category
    call_command("load_ppid_demo", verbosity=0)  # idempotent
    assert InformationRequest.objects.filter(is_demo=True).count() == 14
