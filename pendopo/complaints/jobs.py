"""Periodic sweeps (contract C6 (docs/contracts.md#c6-periodic-jobs)), run every minute by
``manage.py run_scheduled``."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from pendopo.agencies.models import Agency
from pendopo.complaints import notifications, selectors, services
from pendopo.complaints.models import Case, DigestSent
from pendopo.complaints.states import CLOCKED_STATUSES, CaseStatus
from pendopo.core.calendar import OpenDeadline, get_calendar
from pendopo.core.rules import Unit

DIGEST_HOUR = 7  # local time: the overdue digest goes out from 07:00 on working days


def auto_close_cases(now: datetime.datetime) -> str:
    """Close every answered case whose reply window (``rules.AUTO_CLOSE``) has passed.

    Idempotent: a closed case is no longer answered."""
    closed = 0
    for case in Case.objects.filter(status=CaseStatus.ANSWERED, due_on__isnull=False):
        if case.due_on < selectors.local_today(case.time_zone, now):
            services.auto_close_case(case=case, now=now)
            closed += 1
    return f"{closed} ditutup otomatis"


def send_overdue_digests(now: datetime.datetime) -> str:
    """Once a local day (from 07:00, working days only), e-mail each agency's liaisons the list
    of its overdue cases. A DigestSent row per agency and day keeps it to one e-mail."""

    calendar = get_calendar()
    overdue: dict[int, list[Case]] = {}
    for case in Case.objects.filter(status__in=CLOCKED_STATUSES, agency__isnull=False):
        if selectors.is_overdue(case, selectors.local_today(case.time_zone, now)):
            overdue.setdefault(case.agency_id, []).append(case)
    sent = 0
    for agency in Agency.objects.filter(pk__in=overdue):
        zone = overdue[agency.pk][0].time_zone
        local = now.astimezone(selectors.zone_named(zone))
        if local.hour < DIGEST_HOUR or not calendar.is_working_day(local.date()):
            continue
        try:
            with transaction.atomic():
                DigestSent.objects.create(agency=agency, on=local.date())
        except IntegrityError:
            continue  # already sent today
        lines = [
            _("%(n)d laporan melewati batas waktu:") % {"n": len(overdue[agency.pk])},
            "",
            *(
                f"{c.tracking_number}  {c.subject[:80]}  ({_('batas')} {c.due_on:%d-%m-%Y})"
                for c in sorted(overdue[agency.pk], key=lambda c: c.due_on)
            ),
        ]
        for email in notifications.liaison_emails(agency):
            notifications.notify_digest.enqueue(
                email, _("Laporan terlambat: %(a)s") % {"a": agency.name}, "\n".join(lines)
            )
        sent += 1
    return f"{sent} ringkasan"


def open_case_deadlines():
    """Open clocks for the calendar's recomputation (docs/calendar.md)."""
    for case in Case.objects.filter(step_started_at__isnull=False, due_on__isnull=False):
        yield OpenDeadline(
            case=case,
            received_at=case.step_started_at,
            amount=case.step_days,
            unit=str(Unit.WORKING_DAYS),
            rule=case.step_rule,
            time_zone=case.time_zone,
            due_on=case.due_on,
            apply=lambda due, c=case: _set_due_on(c, due),
        )


def _set_due_on(case: Case, due: datetime.date) -> None:
    fields = {"due_on": due}
    if case.follow_up_due_on == case.due_on and case.first_answered_at is None:
        fields["follow_up_due_on"] = due
    Case.objects.filter(pk=case.pk).update(**fields)
