"""The procurement rule table: real values, their basis, and proof that the code reads them."""

import dataclasses
import datetime
from decimal import Decimal

import pytest

from pendopo.core.rules import Unit, rules_of
from pendopo.procurement import rules
from pendopo.procurement.flags import package_flags
from pendopo.procurement.models import PackageKind
from pendopo.procurement.selectors import protest_window
from pendopo.procurement.tests.helpers import WIB, make_package


def test_every_rule_has_its_real_value_unit_basis_and_doc_anchor():
    table = rules_of(rules)
    assert {name: (r.amount, r.unit) for name, r in table.items()} == {
        "SANGGAH": (5, Unit.CALENDAR_DAYS),
        "SANGGAH_ANSWER": (3, Unit.CALENDAR_DAYS),
        "DIRECT_LIMIT_GOODS_SERVICES": (200_000_000, Unit.RUPIAH),
        "DIRECT_LIMIT_CONSTRUCTION": (400_000_000, Unit.RUPIAH),
        "DIRECT_LIMIT_CONSULTANCY": (100_000_000, Unit.RUPIAH),
        "NEAR_HPS_PERCENT": (99, Unit.PERCENT),
        "HPS_NEAR_PAGU_PERCENT": (99, Unit.PERCENT),
        "REPEATED_WINNER": (5, Unit.COUNT),
        "SHORT_SUBMISSION": (5, Unit.WORKING_DAYS),
        "LATE_ANNOUNCEMENT": (61, Unit.CALENDAR_DAYS),
    }
    assert "Perpres 16/2018" in rules.SANGGAH.basis
    assert "12/2021" in rules.DIRECT_LIMIT_GOODS_SERVICES.basis
    assert rules.DIRECT_LIMIT_CONSTRUCTION.basis == "Perpres 46/2025"
    assert "Cardinal R003" in rules.SHORT_SUBMISSION.basis
    for rule in table.values():
        assert rule.doc.startswith("procurement-")


@pytest.mark.django_db
def test_the_estimated_protest_window_and_answer_day_follow_the_rules(monkeypatch):
    package = make_package(awarded_on=datetime.date(2025, 4, 11))  # Friday

    window = protest_window(package, zone=WIB)
    assert window.ends_on == datetime.date(2025, 4, 16)
    assert window.answer_by == datetime.date(2025, 4, 19)

    monkeypatch.setattr(rules, "SANGGAH", dataclasses.replace(rules.SANGGAH, amount=6))
    monkeypatch.setattr(
        rules, "SANGGAH_ANSWER", dataclasses.replace(rules.SANGGAH_ANSWER, amount=1)
    )
    window = protest_window(package, zone=WIB)
    assert window.ends_on == datetime.date(2025, 4, 17)
    assert window.answer_by == datetime.date(2025, 4, 18)


@pytest.mark.django_db
def test_changing_a_threshold_rule_changes_which_packages_are_flagged(monkeypatch):
    direct = make_package(
        kind=PackageKind.NON_TENDER,
        method="Pengadaan Langsung",
        procurement_type="Pengadaan Barang",
        pagu=Decimal("150000000"),
        hps=Decimal("150000000"),
    )
    near = make_package(hps=Decimal("1000000000"), contract_value=Decimal("985000000"))

    def codes(package):
        return {code for code, _ in package_flags(package, zone=WIB)}

    assert "pengadaan_langsung_di_atas_batas" not in codes(direct)
    assert "harga_mendekati_hps" not in codes(near)

    monkeypatch.setattr(
        rules,
        "DIRECT_LIMIT_GOODS_SERVICES",
        dataclasses.replace(rules.DIRECT_LIMIT_GOODS_SERVICES, amount=100_000_000),
    )
    monkeypatch.setattr(
        rules, "NEAR_HPS_PERCENT", dataclasses.replace(rules.NEAR_HPS_PERCENT, amount=98)
    )
    assert "pengadaan_langsung_di_atas_batas" in codes(direct)
    assert "harga_mendekati_hps" in codes(near)


def test_the_indicator_texts_show_the_rule_amounts():
    from pendopo.procurement.flags import BY_CODE

    assert "Rp200.000.000" in str(BY_CODE["pengadaan_langsung_di_atas_batas"].threshold)
    assert "5 hari kerja" in str(BY_CODE["masa_penawaran_singkat"].threshold)
    assert "99%" in str(BY_CODE["harga_mendekati_hps"].threshold)
    assert "1 November" in str(BY_CODE["diumumkan_akhir_tahun"].threshold)
    assert "≥ 5 paket" in str(BY_CODE["pemenang_berulang"].threshold)
