"""Reads of agenda items."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Page

from pendopo.agenda.models import EventPage


def events_under(
    root: Page, *, past: bool = False, now: datetime.datetime | None = None
) -> QuerySet[EventPage]:
    """Events below ``root`` not yet ended at ``now`` (soonest first), or the ended ones."""
    now = now or timezone.now()
    items = EventPage.objects.live().public().descendant_of(root).select_related("organiser")
    if past:
        return items.filter(end__lt=now).order_by("-start")
    return items.filter(end__gte=now).order_by("start")


def upcoming_events(*, root: Page, limit: int) -> list[EventPage]:
    return list(events_under(root)[:limit])


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
