"""iCalendar (RFC 5545) files of agenda items: one per event and subscribable feeds.

Timed events are written in UTC (``DTSTART:20261201T010000Z``), so no VTIMEZONE is needed;
all-day events as ``VALUE=DATE`` with an exclusive DTEND (the day after the last day).
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils import timezone
from icalendar import Calendar, Event

from pendopo.api.text import clean_text, plain_text, withdrawn_summary, withdrawn_title
from pendopo.core.seo import canonical_url
from pendopo.publishing.selectors import listed_withdrawal

PRODID = "-//Pendopo//Agenda Pemerintah Daerah//ID"


def event_uid(page, host: str) -> str:
    """Stable UID of an event: its page id at the portal's host name."""
    return f"agenda-{page.pk}@{host}"


def build_event(page, *, host: str, request: HttpRequest | None = None) -> Event:
    """A VEVENT with UID, DTSTAMP, DTSTART, DTEND, SUMMARY, DESCRIPTION, LOCATION, URL.

    A withdrawn event (``publishing.Withdrawal``) is ``STATUS:CANCELLED`` (RFC 5545 3.8.1.11)
    with ``[Ditarik] `` before its SUMMARY, the reason first in its DESCRIPTION and DTSTAMP
    at the withdrawal time when that is later than the last publication.
    """
    withdrawal = listed_withdrawal(page)
    event = Event()
    event.add("uid", event_uid(page, host))
    stamp = page.last_published_at or timezone.now()
    if withdrawal and withdrawal.withdrawn_at > stamp:
        stamp = withdrawal.withdrawn_at
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    if page.all_day:
        first, last = page.local_dates()
        event.add("dtstart", first)
        event.add("dtend", last + datetime.timedelta(days=1))
    else:
        event.add("dtstart", page.start.astimezone(datetime.UTC))
        event.add("dtend", page.end.astimezone(datetime.UTC))
    event.add("summary", withdrawn_title(page.title, withdrawal))
    description = withdrawn_summary(plain_text(page.intro), withdrawal)
    if description:
        event.add("description", description)
    if withdrawal:
        event.add("status", "CANCELLED")
    place = ", ".join(p for p in (page.location, page.location_address) if p)
    if place:
        event.add("location", clean_text(place))
    event.add("url", canonical_url(page, request))
    organiser = page.organiser_display
    if organiser:
        # ORGANIZER needs a calendar address; without an e-mail the name goes in a comment.
        email = page.organiser.email if page.organiser else ""
        if email:
            event.add("organizer", f"mailto:{email}", parameters={"CN": clean_text(organiser)})
        else:
            event.add("comment", clean_text(f"Penyelenggara: {organiser}"))
    if page.leader:
        event.add("categories", [page.get_leader_display()])
    return event


def build_calendar(events, *, name: str, host: str, request: HttpRequest | None = None) -> bytes:
    """A VCALENDAR (PRODID, VERSION 2.0, METHOD PUBLISH) holding ``events``, as bytes."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", clean_text(name))
    for page in events:
        calendar.add_component(build_event(page, host=host, request=request))
    return calendar.to_ical()
