"""The working-day calendar: docs/rules.md#calendar-test-vectors, edge cases, properties and bad
input."""

import csv
import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pendopo.core.calendar import (
    CalendarError,
    DayKind,
    OverrideDay,
    WorkingDayCalendar,
)

WIB = ZoneInfo("Asia/Jakarta")
KIP_ANSWER = "UU 14/2008 Pasal 22(7)"


def received(day: str, time: str = "09:00", zone=WIB) -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=zone)


def due(day: str, n: int, *, cuti_bersama_non_working: bool = True, **kwargs) -> str:
    calendar = WorkingDayCalendar(cuti_bersama_non_working=cuti_bersama_non_working, **kwargs)
    return calendar.deadline(received(day), working_days=n, rule=KIP_ANSWER).due_on.isoformat()


# docs/rules.md#calendar-test-vectors (holidays 0.109, Mon–Fri, receipt day not counted)
VECTORS = [
    ("2026-03-16", 10, "2026-04-07", "2026-03-31"),
    ("2026-03-16", 17, "2026-04-16", "2026-04-10"),
    ("2026-03-16", 30, "2026-05-06", "2026-04-29"),
    ("2025-12-22", 10, "2026-01-08", "2026-01-07"),
    ("2026-05-11", 7, "2026-05-22", "2026-05-21"),
]


@pytest.mark.parametrize(("day", "n", "excluded", "_working"), VECTORS)
def test_domain_vectors_with_cuti_bersama_as_non_working_days(day, n, excluded, _working):
    assert due(day, n, cuti_bersama_non_working=True) == excluded


@pytest.mark.parametrize(("day", "n", "_excluded", "working"), VECTORS)
def test_domain_vectors_with_cuti_bersama_as_working_days(day, n, _excluded, working):
    assert due(day, n, cuti_bersama_non_working=False) == working


def test_the_default_treats_cuti_bersama_as_non_working(settings):
    assert settings.PENDOPO_CUTI_BERSAMA_NON_WORKING is True
    calendar = WorkingDayCalendar()

    assert calendar.deadline(received("2026-03-16"), working_days=10, rule="x").due_on == (
        datetime.date(2026, 4, 7)
    )


def test_receipt_on_a_saturday_counts_from_monday():
    calendar = WorkingDayCalendar()

    deadline = calendar.deadline(received("2026-03-14"), working_days=10, rule=KIP_ANSWER)

    assert deadline.received_on == datetime.date(2026, 3, 14)
    assert deadline.day_zero == datetime.date(2026, 3, 16)
    assert deadline.due_on == datetime.date(2026, 4, 7)
    assert [d.kind for d in deadline.skipped[:2]] == [DayKind.WEEKEND, DayKind.WEEKEND]


def test_receipt_on_a_national_holiday_counts_from_the_next_working_day():
    calendar = WorkingDayCalendar()

    # 1 January 2026 (Thursday, Tahun Baru Masehi); 16 January is Isra Mikraj.
    deadline = calendar.deadline(received("2026-01-01"), working_days=10, rule=KIP_ANSWER)

    assert deadline.day_zero == datetime.date(2026, 1, 2)
    assert deadline.due_on == datetime.date(2026, 1, 19)
    names = {d.date: d.name for d in deadline.skipped}
    assert names[datetime.date(2026, 1, 1)] == "Tahun Baru Masehi"
    assert names[datetime.date(2026, 1, 16)] == "Isra Mikraj Nabi Muhammad"


def test_receipt_inside_the_idul_fitri_cuti_bersama_block():
    calendar = WorkingDayCalendar()

    # Monday 23 March 2026 and Tuesday 24 March are cuti bersama Idul Fitri.
    deadline = calendar.deadline(received("2026-03-23"), working_days=10, rule=KIP_ANSWER)

    assert deadline.day_zero == datetime.date(2026, 3, 25)
    assert deadline.due_on == datetime.date(2026, 4, 9)
    skipped = {d.date: d for d in deadline.skipped}
    assert skipped[datetime.date(2026, 3, 23)].kind == DayKind.CUTI_BERSAMA
    assert skipped[datetime.date(2026, 3, 23)].name == "Cuti Bersama Hari Raya Idul Fitri"


def test_receipt_inside_the_block_when_cuti_bersama_are_working_days():
    calendar = WorkingDayCalendar(cuti_bersama_non_working=False)

    deadline = calendar.deadline(received("2026-03-23"), working_days=10, rule=KIP_ANSWER)

    assert deadline.day_zero == datetime.date(2026, 3, 23)
    assert deadline.due_on == datetime.date(2026, 4, 7)


def test_receipt_on_31_december():
    calendar = WorkingDayCalendar()

    deadline = calendar.deadline(received("2025-12-31"), working_days=10, rule=KIP_ANSWER)

    assert deadline.day_zero == datetime.date(2025, 12, 31)
    assert deadline.due_on == datetime.date(2026, 1, 15)
    assert deadline.skipped[0].date == datetime.date(2026, 1, 1)


def test_receipt_at_23_30_utc_is_already_the_next_day_in_wib():
    calendar = WorkingDayCalendar()
    moment = datetime.datetime(2026, 3, 16, 23, 30, tzinfo=datetime.UTC)  # 06:30 WIB on the 17th

    in_wib = calendar.deadline(moment, working_days=10, rule=KIP_ANSWER, time_zone="Asia/Jakarta")
    in_utc = calendar.deadline(moment, working_days=10, rule=KIP_ANSWER, time_zone="UTC")

    assert in_wib.received_on == datetime.date(2026, 3, 17)
    assert in_wib.due_on == datetime.date(2026, 4, 8)
    assert in_utc.due_on == datetime.date(2026, 4, 7)


def test_a_wit_regency_counts_in_its_own_zone():
    calendar = WorkingDayCalendar()
    moment = datetime.datetime(2026, 3, 13, 15, 30, tzinfo=datetime.UTC)  # Sat 00:30 WIT

    wit = calendar.deadline(moment, working_days=1, rule="x", time_zone="Asia/Jayapura")
    wib = calendar.deadline(moment, working_days=1, rule="x", time_zone="Asia/Jakarta")

    assert wit.received_on == datetime.date(2026, 3, 14)
    assert wib.received_on == datetime.date(2026, 3, 13)
    assert wit.day_zero == datetime.date(2026, 3, 16)
    assert wib.due_on == datetime.date(2026, 3, 16)


def test_the_sanggah_window_of_5_calendar_days_ends_on_a_working_day():
    calendar = WorkingDayCalendar()

    # Winner announced Monday 16 March 2026; day 5 is Saturday 21 March (Idul Fitri),
    # then 22 (Sunday), 23 and 24 (cuti bersama): the window ends Wednesday 25 March.
    deadline = calendar.calendar_deadline(
        received("2026-03-16"),
        calendar_days=5,
        rule="Perpres 16/2018, SDP: sanggah 5 hari kalender",
    )

    assert deadline.unit == "hari kalender"
    assert deadline.due_on == datetime.date(2026, 3, 25)
    assert [d.date.day for d in deadline.skipped] == [21, 22, 23, 24]


def test_a_calendar_period_ending_on_a_working_day_is_not_moved():
    calendar = WorkingDayCalendar()

    deadline = calendar.calendar_deadline(received("2026-05-04"), calendar_days=5, rule="x")

    assert deadline.due_on == datetime.date(2026, 5, 11)  # Saturday 9th + 2 → Monday 11th
    plain = calendar.calendar_deadline(
        received("2026-05-04"), calendar_days=3, rule="x", end_on_working_day=True
    )
    assert plain.due_on == datetime.date(2026, 5, 7)
    assert plain.skipped == ()


def test_a_closure_override_moves_the_deadline():
    closed = {
        datetime.date(2026, 4, 1): OverrideDay(
            datetime.date(2026, 4, 1), False, "Banjir", "SK Bupati 1/2026"
        )
    }

    calendar = WorkingDayCalendar(overrides=closed)
    deadline = calendar.deadline(received("2026-03-16"), working_days=10, rule=KIP_ANSWER)

    assert deadline.due_on == datetime.date(2026, 4, 8)
    reason = next(d for d in deadline.skipped if d.date == datetime.date(2026, 4, 1))
    assert reason.kind == DayKind.CLOSURE
    assert reason.source == "pengecualian admin: SK Bupati 1/2026"


def test_a_working_override_removes_a_holiday():
    opened = {
        datetime.date(2026, 4, 3): OverrideDay(datetime.date(2026, 4, 3), True, "Libur dipindah")
    }

    deadline = WorkingDayCalendar(overrides=opened).deadline(
        received("2026-03-16"), working_days=10, rule=KIP_ANSWER
    )

    assert deadline.due_on == datetime.date(2026, 4, 6)


def test_progress_shows_day_n_of_m():
    calendar = WorkingDayCalendar()
    deadline = calendar.deadline(received("2026-03-16"), working_days=10, rule=KIP_ANSWER)

    assert deadline.progress_label(datetime.date(2026, 3, 16)) == "hari ke-0 dari 10"
    assert deadline.progress_label(datetime.date(2026, 3, 25)) == "hari ke-2 dari 10"
    assert deadline.progress_label(datetime.date(2026, 4, 7)) == "hari ke-10 dari 10"
    assert not deadline.is_overdue(datetime.date(2026, 4, 7))
    assert deadline.is_overdue(datetime.date(2026, 4, 8))
    assert deadline.day_number(datetime.date(2026, 4, 8)) == 11


def test_explain_names_every_skipped_day_and_the_rule():
    deadline = WorkingDayCalendar().deadline(
        received("2026-03-16"), working_days=10, rule=KIP_ANSWER
    )

    lines = deadline.explain()

    assert lines[0] == "2026-04-07  (10 hari kerja; UU 14/2008 Pasal 22(7))"
    assert "  dilewati 2026-04-03 Jumat: Wafat Yesus Kristus (paket holidays " in lines[-3]


# --- Bad input -----------------------------------------------------------------------------


def test_a_negative_period_is_refused():
    with pytest.raises(CalendarError, match="tidak boleh negatif"):
        WorkingDayCalendar().deadline(received("2026-03-16"), working_days=-1, rule="x")


def test_a_naive_datetime_is_refused():
    with pytest.raises(CalendarError, match="zona waktu"):
        WorkingDayCalendar().deadline(
            datetime.datetime(2026, 3, 16, 9, 0), working_days=10, rule="x"
        )


def test_an_unknown_time_zone_is_refused():
    with pytest.raises(CalendarError, match="Zona waktu tidak dikenal"):
        WorkingDayCalendar().deadline(
            received("2026-03-16"), working_days=1, rule="x", time_zone="Asia/Atlantis"
        )


@pytest.mark.parametrize("amount", [1.5, "10", True])
def test_a_period_that_is_not_a_whole_number_is_refused(amount):
    with pytest.raises(CalendarError, match="bilangan bulat"):
        WorkingDayCalendar().deadline(received("2026-03-16"), working_days=amount, rule="x")


# --- Properties ----------------------------------------------------------------------------

CALENDAR = WorkingDayCalendar(cuti_bersama_non_working=True)
moments = st.datetimes(
    min_value=datetime.datetime(2024, 1, 1), max_value=datetime.datetime(2027, 6, 30)
).map(lambda d: d.replace(tzinfo=datetime.UTC))
periods = st.integers(min_value=0, max_value=60)


@settings(max_examples=150, deadline=None)
@given(moment=moments, n=periods)
def test_the_deadline_is_always_a_working_day(moment, n):
    deadline = CALENDAR.deadline(moment, working_days=n, rule="x")

    assert CALENDAR.is_working_day(deadline.due_on)


@settings(max_examples=150, deadline=None)
@given(moment=moments, n=periods, m=periods)
def test_adding_n_then_m_equals_adding_n_plus_m(moment, n, m):
    deadline = CALENDAR.deadline(moment, working_days=n, rule="x")

    assert CALENDAR.add_working_days(deadline.due_on, m) == CALENDAR.add_working_days(
        deadline.day_zero, n + m
    )


@settings(max_examples=150, deadline=None)
@given(moment=moments, n=periods, cuti=st.booleans())
def test_the_working_days_between_day_zero_and_the_deadline_equal_n(moment, n, cuti):
    calendar = WorkingDayCalendar(cuti_bersama_non_working=cuti)

    deadline = calendar.deadline(moment, working_days=n, rule="x")

    assert calendar.working_days_between(deadline.day_zero, deadline.due_on) == n
    assert deadline.day_number(deadline.due_on) == n


SHARED_HOLIDAYS = (
    Path(__file__).resolve().parents[3].parent
    / "shared"
    / "data"
    / "hari_libur_cuti_bersama_2020_2027.csv"
)


@pytest.mark.skipif(
    not SHARED_HOLIDAYS.is_file(), reason="../shared/data is not beside this checkout"
)
def test_every_listed_holiday_and_cuti_bersama_2020_2027_is_a_non_working_day():
    calendar = WorkingDayCalendar(cuti_bersama_non_working=True)
    with SHARED_HOLIDAYS.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))

    wrong = [
        row["tanggal"]
        for row in rows
        if calendar.is_working_day(datetime.date.fromisoformat(row["tanggal"]))
    ]
    cuti = [r for r in rows if r["jenis"] == "cuti_bersama" and r["tahun"] == "2026"]

    assert len(rows) == 194
    assert wrong == []
    assert sorted(r["tanggal"][5:] for r in cuti) == [
        "02-16", "03-18", "03-20", "03-23", "03-24", "05-15", "05-28", "12-24",
    ]  # fmt: skip
    assert all(
        calendar.non_working_reason(datetime.date.fromisoformat(r["tanggal"])).kind
        == DayKind.CUTI_BERSAMA
        for r in cuti
    )


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(9999, 12, 31, 9, 0, tzinfo=WIB),
        datetime.datetime(1, 1, 1, 0, 0, tzinfo=ZoneInfo("Asia/Jayapura")),
    ],
)
def test_a_date_at_the_edge_of_the_calendar_is_refused_not_crashed(moment):
    with pytest.raises(CalendarError, match="di luar jangkauan"):
        WorkingDayCalendar().deadline(moment, working_days=10, rule="x")


@pytest.mark.parametrize("zone", ["", 7])
def test_an_empty_or_non_text_time_zone_is_refused(zone):
    with pytest.raises(CalendarError, match="Zona waktu tidak dikenal"):
        WorkingDayCalendar().deadline(
            received("2026-03-16"), working_days=1, rule="x", time_zone=zone
        )


def test_a_calendar_period_that_moved_counts_up_to_its_real_last_day():
    deadline = WorkingDayCalendar().calendar_deadline(
        received("2026-03-16"), calendar_days=5, rule="sanggah"
    )

    assert deadline.span == 9
    assert deadline.progress_label(datetime.date(2026, 3, 25)) == "hari ke-9 dari 9"
    assert not deadline.is_overdue(datetime.date(2026, 3, 25))
