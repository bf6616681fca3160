"""Each red-flag indicator at its real threshold: just below does not fire, at/above does."""

import datetime
from decimal import Decimal

import pytest

from pendopo.procurement import flags, rules
from pendopo.procurement.flags import package_flags, recompute_red_flags
from pendopo.procurement.models import PackageKind, RedFlag, Stage
from pendopo.procurement.tests.helpers import WIB, banyuwangi, make_package

# Unit tests: packages, agencies and the regency are built with factories (tests/README.md).
pytestmark = pytest.mark.unit


def codes(package, **kwargs):
    from pendopo.core.calendar import get_calendar

    kwargs.setdefault("calendar", get_calendar())
    return {code for code, _ in package_flags(package, zone=WIB, **kwargs)}


def test_thresholds_are_the_documented_values():
    assert Decimal("200000000") == flags.rupiah_limit(rules.DIRECT_LIMIT_GOODS_SERVICES)
    assert Decimal("400000000") == flags.rupiah_limit(rules.DIRECT_LIMIT_CONSTRUCTION)
    assert Decimal("100000000") == flags.rupiah_limit(rules.DIRECT_LIMIT_CONSULTANCY)
    assert Decimal("0.99") == flags.percent(rules.NEAR_HPS_PERCENT)
    assert Decimal("0.99") == flags.percent(rules.HPS_NEAR_PAGU_PERCENT)
    assert rules.REPEATED_WINNER.amount == 5
    assert rules.SHORT_SUBMISSION.amount == 5
    start = flags.late_announcement_start(2025)
    assert (start.month, start.day) == (11, 1)
    assert flags.late_announcement_start(2024) == datetime.date(2024, 11, 1)  # leap year too
    assert {i.code for i in flags.INDICATORS} == {
        "peserta_tunggal",
        "masa_penawaran_singkat",
        "harga_mendekati_hps",
        "hps_mendekati_pagu",
        "kontrak_di_atas_hps",
        "pengadaan_langsung_di_atas_batas",
        "pemenang_berulang",
        "diumumkan_akhir_tahun",
    }
    for indicator in flags.INDICATORS:
        assert indicator.definition and indicator.threshold and indicator.source


@pytest.mark.django_db
def test_single_bidder_only_when_the_count_is_known():
    assert "peserta_tunggal" in codes(make_package(bidders=1))
    assert "peserta_tunggal" not in codes(make_package(bidders=2))
    assert "peserta_tunggal" not in codes(make_package(bidders=None))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("procurement_type", "limit"),
    [
        ("Pengadaan Barang", Decimal("200000000")),
        ("Jasa Lainnya", Decimal("200000000")),
        ("Pekerjaan Konstruksi", Decimal("400000000")),
        ("Jasa Konsultansi Badan Usaha Non Konstruksi", Decimal("100000000")),
        ("Jasa Konsultansi Perorangan Konstruksi", Decimal("100000000")),
    ],
)
def test_direct_purchase_above_its_threshold(procurement_type, limit):
    def package(hps):
        return make_package(
            kind=PackageKind.NON_TENDER,
            method="Pengadaan Langsung",
            procurement_type=procurement_type,
            pagu=hps,
            hps=hps,
        )

    assert "pengadaan_langsung_di_atas_batas" not in codes(package(limit))
    assert "pengadaan_langsung_di_atas_batas" in codes(package(limit + Decimal("0.01")))


@pytest.mark.django_db
def test_direct_purchase_uses_the_pagu_when_there_is_no_hps():
    package = make_package(
        kind=PackageKind.NON_TENDER,
        method="Pengadaan Langsung",
        procurement_type="Pengadaan Barang",
        pagu=Decimal("250000000"),
        hps=None,
    )
    assert "pengadaan_langsung_di_atas_batas" in codes(package)


@pytest.mark.django_db
def test_a_tender_is_never_a_direct_purchase_flag():
    package = make_package(method="Tender", pagu=Decimal("5000000000"), hps=Decimal("4e9"))
    assert "pengadaan_langsung_di_atas_batas" not in codes(package)


@pytest.mark.django_db
def test_winning_price_close_to_hps_at_99_percent():
    hps = Decimal("1000000000")
    assert "harga_mendekati_hps" in codes(
        make_package(hps=hps, contract_value=Decimal("990000000"))
    )
    assert "harga_mendekati_hps" not in codes(
        make_package(hps=hps, contract_value=Decimal("989999999.99"))
    )
    # Negotiated value stands in when there is no contract value yet.
    assert "harga_mendekati_hps" in codes(
        make_package(hps=hps, negotiated_value=Decimal("995000000"))
    )
    # A direct purchase is negotiated with one provider; not counted.
    assert "harga_mendekati_hps" not in codes(
        make_package(
            kind=PackageKind.NON_TENDER, hps=hps, contract_value=hps, method="Pengadaan Langsung"
        )
    )


@pytest.mark.django_db
def test_hps_close_to_pagu_at_99_percent():
    pagu = Decimal("1000000000")
    assert "hps_mendekati_pagu" in codes(make_package(pagu=pagu, hps=Decimal("990000000")))
    assert "hps_mendekati_pagu" not in codes(make_package(pagu=pagu, hps=Decimal("989999999")))


@pytest.mark.django_db
def test_contract_above_hps():
    hps = Decimal("500000000")
    assert "kontrak_di_atas_hps" in codes(
        make_package(hps=hps, contract_value=hps + Decimal("0.01"))
    )
    assert "kontrak_di_atas_hps" not in codes(make_package(hps=hps, contract_value=hps))


@pytest.mark.django_db
def test_late_announcement_from_1_november_local_time():
    late = datetime.datetime(2025, 11, 1, 0, 30, tzinfo=WIB)  # 31 Oct 17:30 UTC
    early = datetime.datetime(2025, 10, 31, 23, 30, tzinfo=WIB)
    assert "diumumkan_akhir_tahun" in codes(make_package(announced_at=late))
    assert "diumumkan_akhir_tahun" not in codes(make_package(announced_at=early))
    assert "diumumkan_akhir_tahun" not in codes(
        make_package(announced_at=late, kind=PackageKind.NON_TENDER, method="Pengadaan Langsung")
    )


@pytest.mark.django_db
def test_short_submission_period_in_working_days():
    from pendopo.core.calendar import get_calendar

    calendar = get_calendar()
    start = datetime.datetime(2025, 3, 3, 10, 0, tzinfo=WIB)  # Monday 3 March 2025

    def package_ending(end_day):
        package = make_package(announced_at=start)
        end = datetime.datetime.combine(end_day, datetime.time(16), tzinfo=WIB)
        stage = Stage.objects.create(
            package=package,
            position=4,
            name="Upload Dokumen Penawaran",
            starts_at=start,
            ends_at=end,
        )
        return package, [stage]

    days = [datetime.date(2025, 3, 3) + datetime.timedelta(days=n) for n in range(1, 20)]
    short_end = next(d for d in days if calendar.working_days_between(start.date(), d) == 4)
    ok_end = next(d for d in days if calendar.working_days_between(start.date(), d) == 5)
    package, stages = package_ending(short_end)
    assert "masa_penawaran_singkat" in codes(package, stages=stages)
    package, stages = package_ending(ok_end)
    assert "masa_penawaran_singkat" not in codes(package, stages=stages)


@pytest.mark.django_db
def test_repeated_winner_within_one_agency_and_year():
    from pendopo.agencies.tests.factories import AgencyFactory

    dinkes = AgencyFactory(regency=banyuwangi(), slug="dinkes", name="Dinas Kesehatan")
    dishub = AgencyFactory(regency=banyuwangi(), slug="dishub", name="Dinas Perhubungan")
    for _ in range(4):
        make_package(agency=dinkes, supplier_code="77", supplier_name="CV Maju")
    other = make_package(agency=dishub, supplier_code="77", supplier_name="CV Maju")
    recompute_red_flags(regency=banyuwangi())
    assert not RedFlag.objects.filter(code="pemenang_berulang").exists()

    make_package(agency=dinkes, supplier_code="77", supplier_name="CV Maju")
    recompute_red_flags(regency=banyuwangi())

    flagged = RedFlag.objects.filter(code="pemenang_berulang")
    assert flagged.count() == 5
    assert not flagged.filter(package=other).exists()
    assert flagged.first().detail == "5 paket"


@pytest.mark.django_db
def test_recomputing_replaces_flags_instead_of_adding():
    package = make_package(bidders=1)
    recompute_red_flags(regency=banyuwangi())
    recompute_red_flags(regency=banyuwangi())
    assert RedFlag.objects.filter(package=package, code="peserta_tunggal").count() == 1
    package.bidders = 3
    package.save()
    recompute_red_flags(regency=banyuwangi())
    assert not RedFlag.objects.filter(package=package).exists()
