"""iCalendar: every calendar parses with icalendar and carries PRODID, VERSION, UID, DTSTAMP
and DTSTART; timed events in UTC, all-day events as VALUE=DATE with an exclusive DTEND."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from pendopo.agenda.models import EventIndexPage, EventPage

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
CALENDARS = [
    "/feeds/agenda.ics",
    "/feeds/agenda-pimpinan.ics",
    "/perangkat-daerah/dinkes/feeds/agenda.ics",
]


def parse(client, path, **extra) -> Calendar:
    response = client.get(path, **extra)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def check_required(calendar: Calendar) -> list:
    assert calendar["PRODID"]
    assert str(calendar["VERSION"]) == "2.0"
    events = list(calendar.walk("VEVENT"))
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL"):
            assert prop in event, prop
        stamp = event.decoded("DTSTAMP")
        assert stamp.utcoffset() == datetime.timedelta(0)
    return events


@pytest.mark.django_db
@pytest.mark.parametrize("path", CALENDARS)
def test_every_calendar_has_the_required_properties(client, path):
    events = check_required(parse(client, path))

    assert events, path
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))


@pytest.mark.django_db
def test_leaders_calendar_holds_only_leaders_events(client):
    events = check_required(parse(client, "/feeds/agenda-pimpinan.ics"))

    leader_titles = set(EventPage.objects.live().exclude(leader="").values_list("title", flat=True))
    assert {str(e["SUMMARY"]) for e in events} <= leader_titles
    assert len(events) == 3


@pytest.fixture
def agenda(portal_site):
    return EventIndexPage.objects.child_of(portal_site.root_page).get()


def add_event(agenda, **fields) -> EventPage:
    defaults = {
        "title": "Rapat koordinasi",
        "slug": "rapat-uji",
        "location": "Aula",
        "intro": "Rapat.",
    }
    page = EventPage(**(defaults | fields))
    page.clean()
    agenda.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_timed_event_is_written_in_utc(client, agenda):
    start = timezone.now().astimezone(WIB).replace(microsecond=0, second=0)
    start += datetime.timedelta(days=2)
    page = add_event(agenda, start=start, end=start + datetime.timedelta(hours=2))

    (event,) = check_required(parse(client, f"/feeds/agenda/{page.pk}.ics"))

    assert event.decoded("DTSTART") == start
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
    assert f"DTSTART:{start.astimezone(datetime.UTC):%Y%m%dT%H%M%S}Z" in event.to_ical().decode()
    assert str(event["URL"]) == f"http://localhost/agenda/{page.slug}/"


@pytest.mark.django_db
def test_all_day_event_uses_value_date_and_exclusive_end(client, agenda):
    day = timezone.localdate() + datetime.timedelta(days=5)
    start = datetime.datetime.combine(day, datetime.time(10), tzinfo=WIB)
    page = add_event(
        agenda,
        slug="hari-penuh",
        start=start,
        end=start + datetime.timedelta(days=1, hours=2),
        all_day=True,
    )

    (event,) = check_required(parse(client, f"/feeds/agenda/{page.pk}.ics"))

    raw = event.to_ical().decode()
    assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}" in raw
    assert f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=2):%Y%m%d}" in raw
    page.refresh_from_db()
    assert timezone.localtime(page.start, WIB).time() == datetime.time.min


@pytest.mark.django_db
def test_event_in_wita_is_shown_in_wita_and_exported_at_the_same_instant(client, agenda):
    wita = zoneinfo.ZoneInfo("Asia/Makassar")
    start = datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=3), datetime.time(9), tzinfo=wita
    )
    page = add_event(
        agenda,
        slug="acara-wita",
        time_zone="Asia/Makassar",
        start=start,
        end=start + datetime.timedelta(hours=1),
    )

    html = client.get(page.url).content.decode()
    (event,) = check_required(parse(client, f"/feeds/agenda/{page.pk}.ics"))

    assert "09:00</time> WITA" in html
    assert event.decoded("DTSTART") == start


@pytest.mark.django_db
def test_control_characters_never_reach_the_calendar(client, agenda):
    start = timezone.now() + datetime.timedelta(days=1)
    page = add_event(
        agenda,
        slug="word",
        title="Rapat\x0bdari Word",
        intro="Baris\x0bbaru\x01",
        location="Aula\x0c",
        start=start,
        end=start + datetime.timedelta(hours=1),
    )

    response = client.get(f"/feeds/agenda/{page.pk}.ics")

    assert b"\x0b" not in response.content and b"\x01" not in response.content
    (event,) = check_required(Calendar.from_ical(response.content))
    assert str(event["SUMMARY"]) == "Rapat dari Word"


@pytest.mark.django_db
def test_unknown_or_draft_event_is_404(client, agenda):
    start = timezone.now() + datetime.timedelta(days=1)
    page = add_event(agenda, slug="draf", start=start, end=start)
    page.unpublish()

    assert client.get(f"/feeds/agenda/{page.pk}.ics").status_code == 404
    assert client.get("/feeds/agenda/999999.ics").status_code == 404
