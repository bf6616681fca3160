"""Reads of the publishing machinery: which addresses show a page, scheduler health."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, QuerySet
from django.utils import timezone
from wagtail.models import Page, Site

from pendopo.agencies.models import AgencyPage
from pendopo.core.sites import home_page_model
from pendopo.publishing.models import RemovedPath, SchedulerHeartbeat, Withdrawal

HEARTBEAT_NAME = "run_scheduled"
HEARTBEAT_CACHE_KEY = "publishing:heartbeat:last_run_at"
HEARTBEAT_CACHE_SECONDS = 60
WITHDRAWN_TITLE_PREFIX = "[Ditarik] "  # feeds: a harvester sees the change in the title

PurgePaths = Callable[[Page], list[str]]
_purge_paths: list[PurgePaths] = []


def register_purge_paths(paths_for: PurgePaths) -> None:
    """``paths_for(page)``: site-relative paths (feeds …) to purge when ``page`` changes.

    Registered from ``AppConfig.ready()`` by the apps above publishing (``api``: its feeds),
    so publishing never imports them."""
    _purge_paths.append(paths_for)


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
    home_model = home_page_model()
    shown = [page]
    parent = page.get_parent()
    if parent is not None:
        shown.append(parent)
    agency = AgencyPage.objects.ancestor_of(page, inclusive=False).first()
    home = home_model.objects.ancestor_of(page, inclusive=True).first()
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
    urls = {url for shown in pages_showing(page) for url in full_urls(shown)}
    hosts = {
        root.root_url.rstrip("/")
        for root in Site.get_site_root_paths()
        if page.url_path.startswith(root.root_path)
    }
    paths = {path for paths_for in _purge_paths for path in paths_for(page)}
    urls |= {host + path for host in hosts for path in paths}
    return sorted(urls)


def last_heartbeat() -> SchedulerHeartbeat | None:
    return SchedulerHeartbeat.objects.filter(name=HEARTBEAT_NAME).first()


def last_heartbeat_at() -> datetime.datetime | None:
    """When ``run_scheduled`` last finished (aware datetime), or None when it never ran.

    Cached for 60 seconds (``record_heartbeat`` refreshes the cache), so the warning shown on
    every admin page costs at most one query a minute, not one per page view.
    """
    cached = cache.get(HEARTBEAT_CACHE_KEY)
    if cached is not None:
        return cached or None  # "" caches "never ran"
    beat = last_heartbeat()
    value = beat.last_run_at if beat else None
    cache.set(HEARTBEAT_CACHE_KEY, value or "", HEARTBEAT_CACHE_SECONDS)
    return value


def scheduler_is_late(*, now: datetime.datetime | None = None) -> bool:
    """True when ``run_scheduled`` has not finished within ``PENDOPO_SCHEDULER_MAX_SILENCE``
    minutes (default 15), or never ran."""
    now = now or timezone.now()
    last_run_at = last_heartbeat_at()
    limit = datetime.timedelta(minutes=settings.PENDOPO_SCHEDULER_MAX_SILENCE_MINUTES)
    return last_run_at is None or now - last_run_at > limit


def withdrawal_of(page: Page) -> Withdrawal | None:
    return Withdrawal.objects.filter(page_id=page.pk).first()


@dataclass(frozen=True)
class ListedWithdrawal:
    """What a list or feed shows of a withdrawn item: when (aware datetime) and why."""

    withdrawn_at: datetime.datetime
    reason: str


def with_withdrawal(queryset: QuerySet) -> QuerySet:
    """``queryset`` of pages annotated with ``withdrawn_at`` (aware datetime or None) and
    ``withdrawn_reason`` (str or None), by a LEFT JOIN in the same query: a list page shows
    the "Ditarik" marker of every item without one query per item."""
    return queryset.annotate(
        withdrawn_at=F("withdrawal__withdrawn_at"), withdrawn_reason=F("withdrawal__reason")
    )


def attach_withdrawals(pages: Iterable[Page]) -> list[Page]:
    """Set ``withdrawn_at``/``withdrawn_reason`` on already fetched pages (search results):
    one query for the whole list. Returns the pages as a list, in the same order."""
    pages = list(pages)
    found = {w.page_id: w for w in Withdrawal.objects.filter(page_id__in=[p.pk for p in pages])}
    for page in pages:
        withdrawal = found.get(page.pk)
        page.withdrawn_at = withdrawal.withdrawn_at if withdrawal else None
        page.withdrawn_reason = withdrawal.reason if withdrawal else None
    return pages


def listed_withdrawal(page: Page) -> ListedWithdrawal | None:
    """The withdrawal of a listed ``page``, or None when it is not withdrawn.

    Reads the annotation of ``with_withdrawal``/``attach_withdrawals`` when present (no
    query); otherwise asks the database once (a page fetched some other way).
    """
    if hasattr(page, "withdrawn_at"):
        if page.withdrawn_at is None:
            return None
        return ListedWithdrawal(page.withdrawn_at, page.withdrawn_reason or "")
    withdrawal = withdrawal_of(page) if getattr(page, "pk", None) else None
    if withdrawal is None:
        return None
    return ListedWithdrawal(withdrawal.withdrawn_at, withdrawal.reason)


def removed_path(url_path: str) -> RemovedPath | None:
    return RemovedPath.objects.filter(url_path=url_path).first()
