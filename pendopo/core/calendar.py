"""The one working-day calendar for every legal deadline (hari kerja and hari kalender).

Rules (docs/rules.md#calendar-working-days):

- A working day is Monday to Friday (Perpres 21/2023 on ASN working days), minus the
  national public holidays, minus cuti bersama (joint leave set yearly by SKB 3 Menteri /
  Keppres), both from the ``holidays`` package (country ``ID``; cuti bersama are its
  ``government`` category), plus the admin-editable overrides (:class:`CalendarOverride`),
  which always win.
- Whether cuti bersama are non-working is the setting ``PENDOPO_CUTI_BERSAMA_NON_WORKING``
  (default True: the law does not settle it for KIP deadlines; treating them as non-working
  never shortens a citizen's or an agency's time). ``docs/calendar.md`` records the choice.
- A deadline counts from the moment of receipt *in the site's time zone* (WIB, WITA or WIT):
  a request received at 23:30 UTC is received on the next WIB day. Receipt on a non-working
  day counts from the next working day ("day 0"); the deadline is day 0 plus N working days
  (the receipt day itself is not counted).
- Calendar-day periods (the tender protest window, sanggah: 5 hari kalender) count every day
  from the start date; when the last day is not a working day it moves to the next working
  day.

Every computation returns a :class:`Deadline` that can say why: the non-working days it
skipped, each with its name and its source. No other code computes a legal deadline.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils.translation import gettext as _

from pendopo.core.errors import DomainError

WEEKDAY_NAMES_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MAX_PERIOD = 3660  # days; no legal period is longer than ten years


class CalendarError(DomainError):
    """Bad input to the calendar: a naive datetime, a negative period, an unknown zone."""


class DayKind:
    """Why a day is not a working day (or, for an override, that it is one)."""

    WEEKEND = "akhir_pekan"
    PUBLIC_HOLIDAY = "libur_nasional"
    CUTI_BERSAMA = "cuti_bersama"
    CLOSURE = "penutupan"
    WORKING = "hari_kerja"


class Source:
    WEEKEND = "hari kerja Senin–Jumat, Perpres 21/2023"
    PACKAGE = f"paket holidays {holidays.__version__}"
    OVERRIDE = "pengecualian admin"


@dataclass(frozen=True)
class NonWorkingDay:
    """A day a deadline skipped, with its name and where the rule comes from."""

    date: datetime.date
    name: str
    kind: str
    source: str

    def describe(self) -> str:
        weekday = WEEKDAY_NAMES_ID[self.date.weekday()]
        return f"{self.date.isoformat()} {weekday}: {self.name} ({self.source})"


@dataclass(frozen=True)
class OverrideDay:
    """An admin override: ``working=False`` closes the day, ``working=True`` opens it."""

    date: datetime.date
    working: bool
    name: str
    reference: str = ""


@dataclass(frozen=True)
class Deadline:
    """A computed deadline and its explanation.

    ``received_at`` is the aware moment of receipt; ``received_on`` its local date in
    ``time_zone``; ``day_zero`` the first working day on or after it (working-day periods)
    or ``received_on`` (calendar-day periods); ``due_on`` the last day of the period
    (inclusive). ``skipped`` lists the non-working days passed over from ``received_on``
    to ``due_on``. ``rule`` names the law and article that set the period.
    """

    received_at: datetime.datetime
    time_zone: str
    received_on: datetime.date
    day_zero: datetime.date
    due_on: datetime.date
    amount: int
    unit: str  # "hari kerja" or "hari kalender"
    rule: str
    skipped: tuple[NonWorkingDay, ...] = field(default_factory=tuple)
    calendar: WorkingDayCalendar | None = field(default=None, compare=False, repr=False)

    @property
    def is_working_days(self) -> bool:
        return self.unit == "hari kerja"

    @property
    def span(self) -> int:
        """Length of the period as the public counts it: N working days, or the calendar
        days up to the due date (longer than N when the last day moved to a working day)."""
        if self.is_working_days:
            return self.amount
        return (self.due_on - self.day_zero).days

    def day_number(self, on: datetime.date) -> int:
        """Which day of the period ``on`` is: 0 on day zero, N on the deadline, >N overdue."""
        assert self.calendar is not None
        if on <= self.day_zero:
            return 0
        if self.is_working_days:
            return self.calendar.working_days_between(self.day_zero, on)
        return (on - self.day_zero).days

    def progress_label(self, on: datetime.date) -> str:
        """What the public sees: "hari ke-3 dari 10"."""
        return _("hari ke-%(n)d dari %(m)d") % {"n": self.day_number(on), "m": self.span}

    def is_overdue(self, on: datetime.date) -> bool:
        """True when ``on`` (a local date) is after the due date."""
        return on > self.due_on

    def explain(self) -> list[str]:
        """Lines for staff: the due date, the rule, then every skipped day."""
        lines = [
            f"{self.due_on.isoformat()}  ({self.amount} {self.unit}; {self.rule})",
            f"diterima {self.received_at.astimezone(zoneinfo.ZoneInfo(self.time_zone))}"
            f" = {self.received_on.isoformat()}; hari ke-0: {self.day_zero.isoformat()}",
        ]
        lines.extend(f"  dilewati {day.describe()}" for day in self.skipped)
        return lines


@lru_cache(maxsize=64)
def _package_days(year: int) -> tuple[dict, dict]:
    """(public holidays, cuti bersama) of ``year`` from the holidays package, Indonesian names."""
    public = holidays.country_holidays("ID", years=year, language="id")
    government = holidays.country_holidays(
        "ID", years=year, language="id", categories=("government",)
    )
    return dict(public.items()), dict(government.items())


class WorkingDayCalendar:
    """Indonesian government working days with the package's holidays and admin overrides.

    ``cuti_bersama_non_working`` defaults to the setting PENDOPO_CUTI_BERSAMA_NON_WORKING.
    ``overrides`` maps a date to an :class:`OverrideDay`; use :func:`get_calendar` to read
    them from the database.
    """

    def __init__(
        self,
        *,
        cuti_bersama_non_working: bool | None = None,
        overrides: Mapping[datetime.date, OverrideDay] | None = None,
    ) -> None:
        if cuti_bersama_non_working is None:
            cuti_bersama_non_working = settings.PENDOPO_CUTI_BERSAMA_NON_WORKING
        self.cuti_bersama_non_working = cuti_bersama_non_working
        self.overrides = dict(overrides or {})

    def non_working_reason(self, day: datetime.date) -> NonWorkingDay | None:
        """Why ``day`` is not a working day, or None when it is one (overrides win)."""
        override = self.overrides.get(day)
        if override is not None:
            if override.working:
                return None
            source = Source.OVERRIDE + (f": {override.reference}" if override.reference else "")
            return NonWorkingDay(day, override.name, DayKind.CLOSURE, source)
        public, government = _package_days(day.year)
        if day in public:
            return NonWorkingDay(day, public[day], DayKind.PUBLIC_HOLIDAY, Source.PACKAGE)
        if self.cuti_bersama_non_working and day in government:
            return NonWorkingDay(day, government[day], DayKind.CUTI_BERSAMA, Source.PACKAGE)
        if day.weekday() >= 5:
            return NonWorkingDay(
                day, WEEKDAY_NAMES_ID[day.weekday()], DayKind.WEEKEND, Source.WEEKEND
            )
        return None

    def is_working_day(self, day: datetime.date) -> bool:
        return self.non_working_reason(day) is None

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """``day`` itself when it is a working day, else the first working day after it."""
        for offset in range(MAX_PERIOD):
            candidate = day + datetime.timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise CalendarError(_("Tidak ada hari kerja dalam sepuluh tahun setelah %s.") % day)

    def add_working_days(self, start: datetime.date, amount: int) -> datetime.date:
        """The date ``amount`` working days after ``start`` (``start`` itself not counted)."""
        _check_amount(amount)
        day, counted = start, 0
        while counted < amount:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days in the interval (start, end]: after ``start``, up to ``end`` included."""
        if end <= start:
            return 0
        return sum(
            1
            for offset in range(1, (end - start).days + 1)
            if self.is_working_day(start + datetime.timedelta(days=offset))
        )

    def skipped_between(
        self, start: datetime.date, end: datetime.date
    ) -> tuple[NonWorkingDay, ...]:
        """Non-working days from ``start`` to ``end``, both included."""
        days = []
        for offset in range((end - start).days + 1):
            reason = self.non_working_reason(start + datetime.timedelta(days=offset))
            if reason is not None:
                days.append(reason)
        return tuple(days)

    def deadline(
        self,
        received_at: datetime.datetime,
        *,
        working_days: int,
        rule: str,
        time_zone: str | None = None,
    ) -> Deadline:
        """Deadline ``working_days`` hari kerja after receipt (see the module rules).

        ``received_at`` must be timezone-aware; ``time_zone`` is the site's zone (IANA name,
        default the project's TIME_ZONE, Asia/Jakarta). Raises CalendarError on bad input.
        """
        _check_amount(working_days)
        zone = zone_named(time_zone)
        with _in_range():
            received_on = _local_date(received_at, zone)
            day_zero = self.next_working_day(received_on)
            due_on = self.add_working_days(day_zero, working_days)
        return Deadline(
            received_at=received_at,
            time_zone=zone.key,
            received_on=received_on,
            day_zero=day_zero,
            due_on=due_on,
            amount=working_days,
            unit="hari kerja",
            rule=rule,
            skipped=self.skipped_between(received_on, due_on),
            calendar=self,
        )

    def calendar_deadline(
        self,
        start_at: datetime.datetime,
        *,
        calendar_days: int,
        rule: str,
        time_zone: str | None = None,
        end_on_working_day: bool = True,
    ) -> Deadline:
        """Deadline ``calendar_days`` hari kalender after the local date of ``start_at``.

        With ``end_on_working_day`` (the sanggah rule) a last day that is not a working day
        moves to the next working day; the days it moved over are in ``skipped``.
        """
        _check_amount(calendar_days)
        zone = zone_named(time_zone)
        with _in_range():
            start_on = _local_date(start_at, zone)
            last = start_on + datetime.timedelta(days=calendar_days)
            due_on = self.next_working_day(last) if end_on_working_day else last
        return Deadline(
            received_at=start_at,
            time_zone=zone.key,
            received_on=start_on,
            day_zero=start_on,
            due_on=due_on,
            amount=calendar_days,
            unit="hari kalender",
            rule=rule,
            skipped=self.skipped_between(last, due_on) if due_on != last else (),
            calendar=self,
        )


def _check_amount(amount: int) -> None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise CalendarError(_("Jumlah hari harus bilangan bulat."))
    if amount < 0:
        raise CalendarError(_("Jumlah hari tidak boleh negatif."))
    if amount > MAX_PERIOD:
        raise CalendarError(_("Jumlah hari paling banyak %d.") % MAX_PERIOD)


@contextmanager
def _in_range():
    """Dates near year 1 or 9999 overflow Python's date range: refuse them clearly."""
    try:
        yield
    except OverflowError as exc:
        raise CalendarError(_("Tanggal di luar jangkauan kalender.")) from exc


def zone_named(name: str | None) -> zoneinfo.ZoneInfo:
    """The IANA zone ``name`` (None: the project's TIME_ZONE); CalendarError when unknown."""
    if name is None:
        name = settings.TIME_ZONE
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise CalendarError(_("Zona waktu tidak dikenal: %s") % name) from exc


def _local_date(moment: datetime.datetime, zone: zoneinfo.ZoneInfo) -> datetime.date:
    if not isinstance(moment, datetime.datetime):
        raise CalendarError(_("Waktu penerimaan harus berupa tanggal dan jam."))
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise CalendarError(
            _("Waktu penerimaan harus menyertakan zona waktu (datetime tanpa zona ditolak).")
        )
    return moment.astimezone(zone).date()


def get_calendar(*, cuti_bersama_non_working: bool | None = None) -> WorkingDayCalendar:
    """The calendar with the overrides currently stored in the database."""
    from pendopo.core.models import CalendarOverride

    overrides = {
        row.date: OverrideDay(row.date, row.is_working_day, row.name, row.reference)
        for row in CalendarOverride.objects.all()
    }
    return WorkingDayCalendar(
        cuti_bersama_non_working=cuti_bersama_non_working, overrides=overrides
    )


# --- Recomputing open cases when the calendar changes -------------------------------------


@dataclass
class OpenDeadline:
    """One open case's deadline, as a case module hands it to the registry.

    ``case`` is the model instance the change is recorded on; ``apply`` stores a new due
    date on it (called inside the recomputation's transaction).
    """

    case: object
    received_at: datetime.datetime
    amount: int
    unit: str  # "hari kerja" or "hari kalender"
    rule: str
    time_zone: str
    due_on: datetime.date
    apply: Callable[[datetime.date], None]


OpenDeadlineSource = Callable[[], Iterable[OpenDeadline]]
_registry: dict[str, OpenDeadlineSource] = {}


def register_open_deadlines(name: str, source: OpenDeadlineSource) -> None:
    """Join the recomputation: ``source()`` yields the module's open cases.

    Case modules (complaints, PPID, procurement) call this once from ``AppConfig.ready``.
    """
    _registry[name] = source


def unregister_open_deadlines(name: str) -> None:
    _registry.pop(name, None)


def recompute(case: OpenDeadline, calendar: WorkingDayCalendar) -> Deadline:
    if case.unit == "hari kalender":
        return calendar.calendar_deadline(
            case.received_at, calendar_days=case.amount, rule=case.rule, time_zone=case.time_zone
        )
    return calendar.deadline(
        case.received_at, working_days=case.amount, rule=case.rule, time_zone=case.time_zone
    )
