"""Reads of agenda items."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Page

from pendopo.agenda.models import EventPage
from pendopo.news.selectors import is_front_page
from pendopo.publishing.selectors import with_withdrawal


def events_under(
    root: Page, *, past: bool = False, now: datetime.datetime | None = None
) -> QuerySet[EventPage]:
    """Events below ``root`` not yet ended at ``now`` (soonest first), or the ended ones,
    with ``withdrawn_at`` annotated (withdrawn ones stay listed, marked)."""
    now = now or timezone.now()
    items = with_withdrawal(
        EventPage.objects.live().public().descendant_of(root).select_related("organiser")
    )
    if past:
        return items.filter(end__lt=now).order_by("-start")
    return items.filter(end__gte=now).order_by("start")


def upcoming_events(*, root: Page, limit: int) -> list[EventPage]:
    """The next ``limit`` events; on the regency front page without the withdrawn ones."""

    items = events_under(root)
    if is_front_page(root):
        items = items.filter(withdrawal__isnull=True)
    return list(items[:limit])


def leader_events_under(
    root: Page,
    *,
    past: bool = False,
    leader: str | None = None,
    now: datetime.datetime | None = None,
) -> QuerySet[EventPage]:
    """The leaders' public agenda below ``root``: events with a ``leader`` (one or all)."""
    items = events_under(root, past=past, now=now).exclude(leader="")
    return items.filter(leader=leader) if leader else items
