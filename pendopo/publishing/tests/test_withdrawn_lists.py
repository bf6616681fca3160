"""A withdrawn item stays listed, marked "Ditarik" with its date, on every public list and
feed; the regency front page does not feature it; lists keep a constant number of queries;
withdrawing and cancelling purge every list and feed that shows the item."""

from __future__ import annotations

import datetime
import re

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from pendopo.agenda.models import EventPage
from pendopo.core.errors import DomainError
from pendopo.news.models import AnnouncementPage, GalleryPage, NewsPage
from pendopo.portal.publishing_demo import WITHDRAWN_REASON, WITHDRAWN_SLUG
from pendopo.publishing.models import Withdrawal
from pendopo.publishing.selectors import urls_to_purge
from pendopo.publishing.services import cancel_withdrawal, withdraw_page
from pendopo.publishing.tests import test_removal

User = get_user_model()
# 3 December 2030, 09:30 WIB: a fixed time so the marker's date is a known string.
WHEN = datetime.datetime(2030, 12, 3, 2, 30, tzinfo=datetime.UTC)
MARK = re.compile(
    r'<span class="withdrawn-mark"><strong>Ditarik</strong> '
    r'<time datetime="([^"]+)">([^<]+)</time></span>'
)


def _withdraw(page, reason="Data keliru; lihat ralat.", when=WHEN):
    return Withdrawal.objects.create(page=page, reason=reason, withdrawn_at=when)


def _item_html(html: str, title: str) -> str:
    """The list item (``<li>`` or card ``<article>``) that holds ``title``."""
    for chunk in re.split(r"<(?:li|article)\b", html):
        if title in chunk:
            return chunk
    raise AssertionError(f"{title!r} is not listed")


@pytest.mark.django_db
def test_the_demo_withdraws_one_announcement_with_a_real_reason_and_the_list_marks_it(client):
    page = AnnouncementPage.objects.get(slug=WITHDRAWN_SLUG)
    withdrawal = Withdrawal.objects.get(page=page)

    html = client.get("/pengumuman/").content.decode()
    item = _item_html(html, page.title)
    other = _item_html(html, "Jadwal pelayanan selama libur nasional")
    day = timezone.localtime(withdrawal.withdrawn_at).date()

    assert withdrawal.reason == WITHDRAWN_REASON and "PLN" in withdrawal.reason
    assert MARK.search(item).group(1).startswith(day.isoformat())
    assert "Ditarik" not in other


@pytest.mark.django_db
def test_every_public_list_shows_the_marker_with_the_date_and_the_front_page_drops_it(client):
    news = NewsPage.objects.get(slug="contoh-dinkes-1")
    regency_news = NewsPage.objects.get(slug="contoh-berita-1")
    event = EventPage.objects.get(slug="contoh-agenda-2")  # Dinkes organises, regency lists
    gallery = GalleryPage.objects.get(slug="contoh-galeri-festival")
    for page in (news, regency_news, event, gallery):
        _withdraw(page)
    home_before = client.get("/").content.decode()

    lists = {
        "/berita/": news.title,
        "/perangkat-daerah/dinkes/berita/": news.title,
        "/perangkat-daerah/dinkes/": news.title,  # the agency sub-site's front page
        "/agenda/": event.title,
        "/galeri/": gallery.title,
        "/cari/?q=festival": gallery.title,
    }
    for path, title in lists.items():
        html = client.get(path).content.decode()
        found = MARK.search(_item_html(html, title))
        assert found, path
        assert found.groups() == ("2030-12-03T09:30:00+07:00", "3 Des 2030"), path
    sub_site = client.get("/", HTTP_HOST="dinkes.localhost").content.decode()
    assert MARK.search(_item_html(sub_site, news.title))
    assert regency_news.title not in home_before  # not featured on the regency front page
    assert event.title not in home_before


@pytest.mark.django_db
def test_the_marker_is_text_a_screen_reader_reads_not_only_colour(client):
    _withdraw(NewsPage.objects.get(slug="contoh-berita-2"))

    html = client.get("/berita/").content.decode()

    assert re.search(r"<strong>Ditarik</strong> <time", html)
    assert 'aria-hidden="true"' not in MARK.search(html).group(0)


def _queries(client, path) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in queries]


def _withdrawal_lookups(sql: list[str]) -> list[str]:
    """Queries that read withdrawals on their own (not joined into the list's query)."""
    return [q for q in sql if re.search(r'FROM "publishing_withdrawal"', q)]


LIST_PATHS = [
    "/berita/",
    "/pengumuman/",
    "/agenda/",
    "/galeri/",
    "/perangkat-daerah/dinkes/",
    "/cari/?q=contoh",
    "/feeds/berita.rss",
    "/feeds/pengumuman.atom",
    "/feeds/agenda.ics",
    "/feeds/agregasi.json",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", LIST_PATHS)
def test_lists_and_feeds_keep_a_constant_number_of_queries_with_withdrawn_items(client, path):
    client.get(path)  # warm the per-process caches (sites, settings)
    before = _queries(client, path)
    for model in (NewsPage, AnnouncementPage, EventPage, GalleryPage):
        for page in model.objects.live()[:4]:
            Withdrawal.objects.get_or_create(page=page, defaults={"reason": "Uji jumlah kueri."})
    after = _queries(client, path)

    assert len(after) <= len(before), f"{path}: {len(before)} queries, then {len(after)}"
    # Not one query per listed item: the marker reads a joined annotation (search: one query).
    assert len(_withdrawal_lookups(after)) <= 1, _withdrawal_lookups(after)


def _rss_entry(client, path, title):
    feed = feedparser.parse(client.get(path).content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return next(e for e in feed.entries if title in e.title)


@pytest.mark.django_db
def test_feeds_prefix_the_title_lead_with_the_reason_and_set_updated_to_the_withdrawal(client):
    news = NewsPage.objects.get(slug="contoh-dinkes-1")
    when = timezone.now().replace(microsecond=0)
    _withdraw(news, reason="Jadwal vaksinasi diganti; lihat berita baru.", when=when)
    day = timezone.localdate(when).isoformat()

    rss = _rss_entry(client, "/feeds/berita.rss", news.title)
    atom = _rss_entry(client, "/perangkat-daerah/dinkes/feeds/berita.atom", news.title)
    data = client.get("/feeds/agregasi.json").json()
    item = next(i for i in data["items"] if news.title in i["title"])
    aggregated_atom = _rss_entry(client, "/feeds/agregasi.atom", news.title)

    assert rss.title == f"[Ditarik] {news.title}"
    assert rss.summary.startswith(f"Ditarik pada {day}: Jadwal vaksinasi diganti; lihat")
    assert atom.title == f"[Ditarik] {news.title}"
    assert datetime.datetime(*atom.updated_parsed[:6], tzinfo=datetime.UTC) == when
    assert item["title"] == f"[Ditarik] {news.title}"
    assert datetime.datetime.fromisoformat(item["date_modified"]) == when
    assert item["_pendopo"]["ditarik"] == {
        "pada": timezone.localtime(when).isoformat(),
        "alasan": "Jadwal vaksinasi diganti; lihat berita baru.",
    }
    assert aggregated_atom.title == f"[Ditarik] {news.title}"
    others = [i for i in data["items"] if i is not item]
    assert all(i["_pendopo"].get("ditarik") is None for i in others)


@pytest.mark.django_db
def test_the_announcement_feed_marks_the_demo_withdrawal(client):
    page = AnnouncementPage.objects.get(slug=WITHDRAWN_SLUG)

    entry = _rss_entry(client, "/feeds/pengumuman.rss", page.title)

    assert entry.title == f"[Ditarik] {page.title}"
    assert "PLN UP3 Banyuwangi membatalkan pemadaman" in entry.summary


def _vevent(client, path, uid_prefix):
    calendar = Calendar.from_ical(client.get(path).content)
    return [c for c in calendar.walk("VEVENT") if str(c["UID"]).startswith(uid_prefix)]


@pytest.mark.django_db
def test_a_withdrawn_event_is_cancelled_in_every_calendar(client):
    event = EventPage.objects.get(slug="contoh-agenda-1")
    other = EventPage.objects.get(slug="contoh-agenda-3")
    _withdraw(event, reason="Rapat dipindah ke bulan depan.", when=timezone.now())

    (listed,) = _vevent(client, "/feeds/agenda.ics", f"agenda-{event.pk}@")
    (own,) = _vevent(client, f"/feeds/agenda/{event.pk}.ics", f"agenda-{event.pk}@")
    (kept,) = _vevent(client, "/feeds/agenda.ics", f"agenda-{other.pk}@")

    for vevent in (listed, own):
        assert str(vevent["STATUS"]) == "CANCELLED"
        assert str(vevent["SUMMARY"]) == f"[Ditarik] {event.title}"
        assert "Rapat dipindah ke bulan depan." in str(vevent["DESCRIPTION"])
    assert "STATUS" not in kept
    assert not str(kept["SUMMARY"]).startswith("[Ditarik]")


def _moderator():
    user = User.objects.create_user("uji.tarik.daftar", "uji.tarik.daftar@example.invalid", "x")
    user.groups.add(Group.objects.get(name="Moderator Dinas Kesehatan"))
    return user


@pytest.mark.django_db
@override_settings(
    WAGTAILFRONTENDCACHE={"test": {"BACKEND": f"{test_removal.__name__}.RecordingBackend"}}
)
def test_withdrawing_and_cancelling_purge_every_list_and_feed_that_shows_the_item(
    django_capture_on_commit_callbacks,
):
    page = NewsPage.objects.get(slug="contoh-dinkes-1")
    moderator = _moderator()
    expected = set(urls_to_purge(page))

    test_removal.PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_page(page=page, by=moderator, reason="Data keliru.")
    withdrawn = set(test_removal.PURGED)
    test_removal.PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_withdrawal(page=page, by=moderator)
    cancelled = set(test_removal.PURGED)

    assert withdrawn == cancelled == expected
    assert {
        "http://localhost/berita/",
        "http://localhost/perangkat-daerah/dinkes/berita/",
        "http://dinkes.localhost/",
        "http://localhost/feeds/berita.rss",
        "http://localhost/feeds/agregasi.json",
    } <= withdrawn


@pytest.mark.django_db
def test_nothing_is_purged_when_the_withdrawal_is_refused(django_capture_on_commit_callbacks):
    page = NewsPage.objects.get(slug="contoh-dinkes-1")

    moderator = _moderator()
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(DomainError, match="wajib"),
    ):
        withdraw_page(page=page, by=moderator, reason=" ")

    assert callbacks == []
