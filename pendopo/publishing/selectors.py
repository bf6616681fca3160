"""Reads of the publishing machinery: which addresses show a page, scheduler health."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, Site

from pendopo.publishing.models import RemovedPath, SchedulerHeartbeat, Withdrawal

HEARTBEAT_NAME = "run_scheduled"


def full_urls(page: Page) -> list[str]:
    """Every absolute URL ``page`` is served at: one per Site whose root contains it."""
    urls = []
    for root in Site.get_site_root_paths():
        if page.url_path.startswith(root.root_path):
            urls.append(root.root_url.rstrip("/") + "/" + page.url_path[len(root.root_path) :])
    return urls


def pages_showing(page: Page) -> list[Page]:
    """The page itself and every page that lists it ("publish once, show on many sites").

    That is: its parent list (an agency's ``berita/``), the list of the same type on the
    regency home (``/berita/`` lists every agency's items), the agency's sub-site front page,
    and the regency home (front page: latest news, announcements, agenda, services).
    """
    from pendopo.agencies.models import AgencyPage
    from pendopo.core.models import HomePage

    shown = [page]
    parent = page.get_parent()
    if parent is not None:
        shown.append(parent)
    agency = AgencyPage.objects.ancestor_of(page, inclusive=False).first()
    home = HomePage.objects.ancestor_of(page, inclusive=True).first()
    if agency is not None:
        shown.append(agency)
    if home is not None:
        shown.append(home)
        if parent is not None and agency is not None:
            regency_list = home.get_children().filter(slug=parent.slug).first()
            if regency_list is not None:
                shown.append(regency_list)
    unique = {p.pk: p for p in shown}
    return list(unique.values())


def urls_to_purge(page: Page) -> list[str]:
    """Absolute URLs (every host) of every page and feed that shows ``page``, sorted."""
    from pendopo.api.selectors import feed_paths_for

    urls = {url for shown in pages_showing(page) for url in full_urls(shown)}
    hosts = {
        root.root_url.rstrip("/")
        for root in Site.get_site_root_paths()
        if page.url_path.startswith(root.root_path)
    }
    urls |= {host + path for host in hosts for path in feed_paths_for(page)}
    return sorted(urls)


def last_heartbeat() -> SchedulerHeartbeat | None:
    return SchedulerHeartbeat.objects.filter(name=HEARTBEAT_NAME).first()


def scheduler_is_late(*, now: datetime.datetime | None = None) -> bool:
    """True when ``run_scheduled`` has not finished within ``PENDOPO_SCHEDULER_MAX_SILENCE``
    minutes (default 15), or never ran."""
    now = now or timezone.now()
    beat = last_heartbeat()
    limit = datetime.timedelta(minutes=settings.PENDOPO_SCHEDULER_MAX_SILENCE_MINUTES)
    return beat is None or now - beat.last_run_at > limit


def withdrawal_of(page: Page) -> Withdrawal | None:
    return Withdrawal.objects.filter(page_id=page.pk).first()


def removed_path(url_path: str) -> RemovedPath | None:
    return RemovedPath.objects.filter(url_path=url_path).first()
