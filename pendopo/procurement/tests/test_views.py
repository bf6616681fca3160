"""Public /pengadaan/ pages: filters, constant queries, detail, summaries, flags, bad input."""

import datetime
import re
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pendopo.procurement.models import PackageKind, PackageStatus, Stage
from pendopo.procurement.tests.helpers import WIB, make_package


@pytest.mark.django_db
def test_banyuwangi_pages_work_empty_until_its_data_is_imported(client):
    for path in [
        "/pengadaan/",
        "/pengadaan/ringkasan/",
        "/pengadaan/tanda-risiko/",
        "/pengadaan/ocds/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Pemerintah Kabupaten Banyuwangi" in response.content.decode()
    assert "Belum ada paket" in client.get("/pengadaan/").content.decode()
    ocds_page = client.get("/pengadaan/ocds/").content.decode()
    assert '"@type":"Dataset"' in ocds_page and "release-package.json" in ocds_page
    assert client.get("/pengadaan/ocds/release-package.json").json()["releases"] == []


@pytest.mark.django_db
def test_listing_shows_rupiah_and_filters(client):
    from pendopo.agencies.models import Agency

    dinkes = Agency.objects.get(regency__code="35.10", name="Dinas Kesehatan")
    make_package(name="Pembangunan puskesmas", pagu=Decimal("1250000000"), agency=dinkes)
    make_package(
        name="Belanja alat tulis",
        kind=PackageKind.NON_TENDER,
        method="Pengadaan Langsung",
        procurement_type="Pengadaan Barang",
        pagu=Decimal("49102300"),
        status=PackageStatus.COMPLETE,
        funding_source="APBD",
    )

    html = client.get("/pengadaan/").content.decode()
    assert "Rp 1.250.000.000" in html and "Rp 49.102.300" in html

    def names(**params):
        body = client.get("/pengadaan/", params).content.decode()
        return {n for n in ["Pembangunan puskesmas", "Belanja alat tulis"] if n in body}

    assert names(metode="Pengadaan Langsung") == {"Belanja alat tulis"}
    assert names(status="berlangsung") == {"Pembangunan puskesmas"}
    assert names(opd=dinkes.slug) == {"Pembangunan puskesmas"}
    assert names(jenis="Pengadaan Barang") == {"Belanja alat tulis"}
    assert names(sumber_dana="APBD") == {"Belanja alat tulis"}
    assert names(tahun="2025") == {"Pembangunan puskesmas", "Belanja alat tulis"}
    assert names(nilai_min="1000000000") == {"Pembangunan puskesmas"}
    assert names(nilai_max="49102300") == {"Belanja alat tulis"}
    assert names(q="puskesmas") == {"Pembangunan puskesmas"}
    assert names(modul="nontender") == {"Belanja alat tulis"}


@pytest.mark.django_db
def test_current_stage_filter_and_column_use_the_schedule(client):
    now = timezone.now()
    running = make_package(name="Paket berjalan")
    Stage.objects.create(
        package=running,
        position=4,
        name="Upload Dokumen Penawaran",
        starts_at=now - datetime.timedelta(days=1),
        ends_at=now + datetime.timedelta(days=1),
    )
    make_package(name="Paket lain")

    body = client.get("/pengadaan/", {"tahap": "Upload Dokumen Penawaran"}).content.decode()

    assert "Paket berjalan" in body and "Paket lain" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"nilai_min": "abc"},
        {"nilai_min": "1e1000000"},
        {"nilai_max": "9" * 200},
        {"tahun": "abc"},
        {"status": "hilang"},
        {"nilai_min": "5", "nilai_max": "1"},
        {"q": "x" * 101},
    ],
)
def test_bad_filters_get_a_400_with_a_message_never_a_500(client, params):
    response = client.get("/pengadaan/", params)

    assert response.status_code == 400
    assert "Saringan tidak sah" in response.content.decode() or "tidak boleh" in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_listing_runs_a_constant_number_of_queries(client):
    from pendopo.agencies.models import Agency

    agencies = list(Agency.objects.filter(regency__code="35.10")[:6])

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/pengadaan/", {"tahun": "2025"}).status_code == 200
        return len(queries)

    for agency in agencies[:2]:
        make_package(agency=agency, bidders=1)
    count_queries()  # warm the per-site caches (settings, root paths)
    few = count_queries()
    for n in range(20):
        make_package(agency=agencies[n % 6], bidders=1)
    from pendopo.procurement.flags import recompute_red_flags
    from pendopo.procurement.tests.helpers import banyuwangi

    recompute_red_flags(regency=banyuwangi())
    many = count_queries()

    assert many == few


@pytest.mark.django_db
def test_detail_shows_package_schedule_winner_protest_window_and_links(client):
    package = make_package(
        code="10018467000",
        name="Rehabilitasi Jalan Ciluncat",
        status=PackageStatus.COMPLETE,
        supplier_name="CV. INDRA NUGRAHA",
        contract_value=Decimal("1269963504.15"),
        awarded_on=datetime.date(2025, 4, 11),  # Friday
        bidders=1,
    )
    now = timezone.now()
    Stage.objects.create(
        package=package,
        position=1,
        name="Pengumuman Pascakualifikasi",
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=2),
    )
    Stage.objects.create(
        package=package,
        position=4,
        name="Upload Dokumen Penawaran",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(days=2),
    )
    from pendopo.procurement.flags import recompute_red_flags
    from pendopo.procurement.tests.helpers import banyuwangi

    recompute_red_flags(regency=banyuwangi())

    response = client.get("/pengadaan/t-10018467000/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Rp 1.000.000.000" in html and "Rp 900.000.000" in html
    assert "Rp 1.269.963.504,15" in html and "CV. INDRA NUGRAHA" in html
    assert "tahap saat ini</span>" not in html
    assert "tahap saat ini: Upload Dokumen Penawaran" in html
    assert "Asia/Jakarta" in html
    # 11 April 2025 + 5 calendar days = Wednesday 16 April, a working day.
    assert "11 April 2025 sampai 16 April 2025" in html
    assert "https://lpse.banyuwangikab.go.id/eproc4/lelang/10018467000/pengumumanlelang" in html
    assert "Peserta tunggal" in html and "bukan bukti pelanggaran" in html
    link = re.search(r'href="(/pengaduan/\?[^"]+)">Laporkan kejanggalan', html).group(1)
    query = parse_qs(urlparse(link.replace("&amp;", "&")).query)
    assert query == {
        "kategori": ["pengadaan"],
        "subjek": ["Kejanggalan paket 10018467000: Rehabilitasi Jalan Ciluncat"],
        "rujukan": ["/pengadaan/t-10018467000/"],
    }
    assert '<meta property="og:title" content="Rehabilitasi Jalan Ciluncat">' in html
    assert "application/ld+json" in html


@pytest.mark.django_db
def test_protest_window_ending_on_a_holiday_moves_to_the_next_working_day():
    from pendopo.procurement.selectors import protest_window

    # Penetapan Sat 22 March 2025 + 5 days = Thu 27 March? 2025-03-27 is a working day;
    # 2025-03-26 + 5 = 31 March (Idul Fitri 1446 H) → the next working day after the holidays.
    package = make_package(awarded_on=datetime.date(2025, 3, 26))
    window = protest_window(package, zone=WIB)
    assert window.estimated
    assert window.ends_on > datetime.date(2025, 3, 31)
    assert window.skipped


@pytest.mark.django_db
def test_unknown_or_other_regencys_packages_are_404(client):
    from pendopo.regions.models import Regency

    make_package(code="555", regency=Regency.objects.get(code="32.04"))

    assert client.get("/pengadaan/t-555/").status_code == 404
    assert client.get("/pengadaan/t-999/").status_code == 404
    assert client.get("/pengadaan/x-1/").status_code == 404
    assert client.get("/pengadaan/opd/tidak-ada/").status_code == 404


@pytest.mark.django_db
def test_summaries_count_by_method_status_and_average_bidders(client):
    from pendopo.agencies.models import Agency

    dinkes = Agency.objects.get(regency__code="35.10", name="Dinas Kesehatan")
    make_package(agency=dinkes, bidders=2, method="Tender")
    make_package(agency=dinkes, bidders=4, method="Tender")
    make_package(agency=dinkes, method="Seleksi", procurement_type="Jasa Konsultansi")
    make_package(kind=PackageKind.NON_TENDER, method="Pengadaan Langsung")

    regency_page = client.get("/pengadaan/ringkasan/").content.decode()
    agency_page = client.get(f"/pengadaan/opd/{dinkes.slug}/").content.decode()

    assert "Jumlah paket</dt><dd>4</dd>" in regency_page
    assert "Jumlah paket</dt><dd>3</dd>" in agency_page
    assert "3,0" in agency_page  # average of 2 and 4 bidders
    assert "66,7%" in agency_page  # Tender: 2 of the 3 tenders
    assert "Rp 3.000.000.000" in agency_page


@pytest.mark.django_db
def test_flags_page_has_methodology_and_per_agency_table(client):
    from pendopo.agencies.models import Agency
    from pendopo.procurement.flags import INDICATORS, recompute_red_flags
    from pendopo.procurement.tests.helpers import banyuwangi

    dinkes = Agency.objects.get(regency__code="35.10", name="Dinas Kesehatan")
    make_package(agency=dinkes, bidders=1)
    recompute_red_flags(regency=banyuwangi())

    html = client.get("/pengadaan/tanda-risiko/").content.decode()

    assert "Tanda risiko bukan bukti pelanggaran." in html
    for indicator in INDICATORS:
        assert str(indicator.title) in html
    assert "Cardinal R018" in html and "Rp200.000.000" in html and "Rp400.000.000" in html
    assert f'href="/pengadaan/opd/{dinkes.slug}/">Dinas Kesehatan</a>' in html


@pytest.mark.django_db
def test_bandung_site_serves_its_own_data_and_kecamatan(client):
    from pendopo.procurement.demo import load_bandung

    load_bandung(port=80)

    bandung = client.get("/pengadaan/", HTTP_HOST="bandungkab.localhost").content.decode()
    banyuwangi = client.get("/pengadaan/").content.decode()
    home = client.get("/", HTTP_HOST="bandungkab.localhost")
    wilayah = client.get("/profil/wilayah/", HTTP_HOST="bandungkab.localhost").content.decode()

    assert "1960 paket" in bandung and "Pemerintah Kabupaten Bandung" in bandung
    assert len(bandung.encode()) < 200 * 1024  # text page budget, before compression
    assert "Belum ada paket" in banyuwangi
    assert home.status_code == 200
    assert "Cileunyi" in wilayah and "Pesanggaran" not in wilayah
    detail = client.get("/pengadaan/t-10011868000/", HTTP_HOST="bandungkab.localhost")
    assert "PT. ALMA REKA GRAHA" in detail.content.decode()
    flags = client.get("/pengadaan/tanda-risiko/", HTTP_HOST="bandungkab.localhost")
    assert "Dinas Pekerjaan Umum dan Tata Ruang" in flags.content.decode()


@pytest.mark.django_db
def test_search_with_a_nul_byte_is_a_400_and_never_echoed(client):
    response = client.get("/pengadaan/", {"q": "jalan\x00"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Saringan tidak sah" in html
    assert "\x00" not in html
