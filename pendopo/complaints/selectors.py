"""Reads used by views, admin, jobs and statistics."""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from pendopo.agencies.models import Agency, AgencyKind
from pendopo.complaints.models import Case, Category
from pendopo.complaints.states import CLOCKED_STATUSES, CaseStatus
from pendopo.core.calendar import Deadline, get_calendar, zone_named
from pendopo.core.models import Event
from pendopo.services.models import ServiceStandardPage


def local_today(time_zone: str, now: datetime.datetime | None = None) -> datetime.date:
    return timezone.localtime(now or timezone.now(), zone_named(time_zone)).date()


def current_deadline(case: Case) -> Deadline | None:
    """The running step's deadline (for "hari ke-N dari M"), or None when no clock runs."""
    if case.step_started_at is None or case.step_days is None:
        return None
    return get_calendar().deadline(
        case.step_started_at,
        working_days=case.step_days,
        rule=case.step_rule,
        time_zone=case.time_zone,
    )


def is_overdue(case: Case, today: datetime.date | None = None) -> bool:
    today = today or local_today(case.time_zone)
    return case.status in CLOCKED_STATUSES and case.due_on is not None and case.due_on < today


def timeline(case: Case) -> list[Event]:
    """Every status change and reply of the case, oldest first (public: no actor shown)."""
    from django.contrib.contenttypes.models import ContentType

    return list(
        Event.objects.filter(
            content_type=ContentType.objects.get_for_model(Case),
            object_id=str(case.pk),
            kind__startswith="complaints.",
        )
        .exclude(kind="complaints.personal_data_viewed")
        .order_by("at", "pk")
    )


def service_choices(site=None) -> list:
    """Live ServiceStandardPage pages of ``site``'s tree (contract C1/C2
    (docs/contracts.md#c1-complaint-form-prefill, docs/contracts.md#c2-service-complaint-link))."""
    pages = ServiceStandardPage.objects.live().public()
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return list(pages.order_by("title"))


def suggested_agency(case: Case):
    """Routing suggestion: the category's agency, else the office of the case's kecamatan."""

    agencies = Agency.objects.filter(regency=case.regency)
    if case.category.agency_slug:
        found = agencies.filter(slug=case.category.agency_slug).first()
        if found:
            return found
    if case.requested_agency_id:
        return case.requested_agency
    if case.district_id:
        return agencies.filter(kind=AgencyKind.KECAMATAN, district_id=case.district_id).first()
    return None


def public_cases(*, regency, query: str = "", agency_slug: str = "", category_slug: str = ""):
    cases = (
        Case.objects.public()
        .filter(regency=regency)
        .select_related("agency", "category")
        .order_by("-first_answered_at", "-pk")
    )
    if query:
        cases = cases.filter(
            Q(subject__icontains=query)
            | Q(body__icontains=query)
            | Q(messages__body__icontains=query, messages__author_kind="agency")
        ).distinct()
    if agency_slug:
        cases = cases.filter(agency__slug=agency_slug)
    if category_slug:
        cases = cases.filter(category__slug=category_slug)
    return cases


@dataclass
class AgencyFigures:
    agency: object
    received: int
    answered: int
    answered_on_time: int
    median_days_to_first_answer: float | None
    ratings: int
    mean_rating: float | None

    @property
    def on_time_percent(self) -> float | None:
        if not self.answered:
            return None
        return round(100 * self.answered_on_time / self.answered, 1)


def agency_statistics(*, regency, include_demo: bool = True) -> list[AgencyFigures]:
    """Per agency: cases routed to it, first answers within the ``rules.FOLLOW_UP`` deadline
    (``Case.follow_up_due_on``), median
    hari kerja from receipt to first answer, and mean satisfaction (1–5). Spam and confidential
    cases count (numbers only), spam does not."""
    cases = (
        Case.objects.filter(regency=regency, agency__isnull=False)
        .exclude(status=CaseStatus.SPAM)
        .select_related("agency")
    )
    if not include_demo:
        cases = cases.filter(is_demo=False)
    calendar = get_calendar()
    grouped: dict[int, list[Case]] = {}
    for case in cases:
        grouped.setdefault(case.agency_id, []).append(case)
    figures = []
    for rows in grouped.values():
        answered = [c for c in rows if c.first_answered_at]
        on_time = [
            c
            for c in answered
            if c.follow_up_due_on
            and local_today(c.time_zone, c.first_answered_at) <= c.follow_up_due_on
        ]
        days = [
            calendar.working_days_between(
                calendar.next_working_day(local_today(c.time_zone, c.received_at)),
                local_today(c.time_zone, c.first_answered_at),
            )
            for c in answered
        ]
        ratings = [c.rating for c in rows if c.rating]
        figures.append(
            AgencyFigures(
                agency=rows[0].agency,
                received=len(rows),
                answered=len(answered),
                answered_on_time=len(on_time),
                median_days_to_first_answer=statistics.median(days) if days else None,
                ratings=len(ratings),
                mean_rating=round(statistics.mean(ratings), 2) if ratings else None,
            )
        )
    figures.sort(key=lambda f: (-f.received, f.agency.name))
    return figures


def categories():
    return Category.objects.all()
