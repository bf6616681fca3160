"""Legal clocks of PPID: answer deadlines, local dates, berkala staleness (rules in ``rules.py``).

Deadlines come only from ``pendopo.core.calendar``; amounts only from ``pendopo.ppid.rules``.
"""

from __future__ import annotations

import datetime
import zoneinfo

from pendopo.core.calendar import Deadline, WorkingDayCalendar, get_calendar
from pendopo.ppid import rules
from pendopo.ppid.models import InformationRequest


def local_start(day: datetime.date, time_zone: str) -> datetime.datetime:
    """Midnight at the start of ``day`` in ``time_zone`` (aware)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zoneinfo.ZoneInfo(time_zone))


def local_date(moment: datetime.datetime, time_zone: str) -> datetime.date:
    """The calendar date of ``moment`` in ``time_zone``."""
    return moment.astimezone(zoneinfo.ZoneInfo(time_zone)).date()


def request_deadline(
    request: InformationRequest, calendar: WorkingDayCalendar | None = None
) -> Deadline:
    """The request's answer deadline: ``rules.ANSWER`` hari kerja after receipt plus the one
    extension (UU 14/2008 Pasal 22(7)–(8))."""
    calendar = calendar or get_calendar()
    return calendar.deadline(
        request.received_at,
        working_days=request.total_working_days,
        rule=rules.ANSWER_EXTENDED_BASIS if request.extension_days else rules.ANSWER.basis,
        time_zone=request.time_zone,
    )


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months earlier (the 31st falls back to the month end)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def stale_cutoff(today: datetime.date) -> datetime.date:
    """Berkala items last updated before this date are stale (``rules.BERKALA_REFRESH``:
    6 months, UU 14/2008 Pasal 9)."""
    return months_before(today, rules.BERKALA_REFRESH.amount)
