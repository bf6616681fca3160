"""Amounts are Decimal(18,2) rupiah; absurd values are refused before becoming numbers."""

import datetime
from decimal import Decimal

import pytest

from pendopo.procurement import parsing
from pendopo.procurement.models import PackageStatus
from pendopo.procurement.templatetags.procurement_tags import rupiah


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1250000000", Decimal("1250000000.00")),
        ("999995334.78", Decimal("999995334.78")),
        ("49100583.6", Decimal("49100583.60")),
        ("1499321187.615", Decimal("1499321187.62")),
        ("9999999999999999.99", Decimal("9999999999999999.99")),
        ("", None),
    ],
)
def test_amounts_in_the_shape_spse_exports(text, expected):
    assert parsing.amount(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "9" * 100_000,
        "1e1000000",
        "1E5",
        "NaN",
        "Infinity",
        "-5",
        "1.250.000",
        "1,5",
        "Rp 5",
        "10000000000000000",
        " ",
        "0x10",
    ],
)
def test_absurd_amounts_are_refused(text):
    if text.strip() == "":
        with pytest.raises(ValueError):
            parsing.amount(text, required=True)
        return
    with pytest.raises(ValueError):
        parsing.amount(text)


def test_local_lpse_time_becomes_an_aware_moment():
    moment = parsing.moment("2025-02-11 10:00:00", parsing.zoneinfo.ZoneInfo("Asia/Jakarta"))
    assert moment.astimezone(datetime.UTC) == datetime.datetime(
        2025, 2, 11, 3, 0, tzinfo=datetime.UTC
    )


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Selesai", PackageStatus.COMPLETE),
        ("Berlangsung", PackageStatus.ONGOING),
        ("Gagal/Batal", PackageStatus.CANCELLED),
        ("Tender Sedang Berlangsung", PackageStatus.ONGOING),
    ],
)
def test_spse_statuses_are_normalised(text, status):
    assert parsing.status(text) == status


def test_an_unknown_status_is_refused():
    with pytest.raises(ValueError):
        parsing.status("Entah")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("1250000000"), "Rp 1.250.000.000"),
        (Decimal("999995334.78"), "Rp 999.995.334,78"),
        (Decimal("0"), "Rp 0"),
        (None, "–"),
    ],
)
def test_rupiah_filter(value, shown):
    assert rupiah(value) == shown
