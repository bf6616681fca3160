"""Factories for the agenda: the event index and one event (a two-hour morning event in WIB)."""

from __future__ import annotations

import datetime
import zoneinfo

import factory

from pendopo.agenda.models import EventIndexPage, EventPage
from pendopo.core.tests.factories import PageFactory

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Agenda"


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Kegiatan {n}")
    start = datetime.datetime(2026, 3, 17, 8, 0, tzinfo=WIB)
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    location = "Pendopo Sabha Swagata Blambangan"
    intro = "Ringkasan kegiatan."
