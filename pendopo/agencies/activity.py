"""How active each agency is on its sub-site: the public ``/perangkat-daerah/keaktifan/``
table, its CSV and the admin dashboard panel read the same figures from here."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, Revision

from pendopo.agencies.models import Agency, AgencyIndexPage, AgencyPage
from pendopo.core.calendar import get_calendar
from pendopo.core.listing import ScopedListingMixin


@dataclass
class AgencyActivity:
    """Figures of one agency. Days are counted in the site's zone; ``stale`` when more than
    ``stale_after`` working days (core calendar) have passed since the last update."""

    agency: Agency
    page: AgencyPage
    last_update: datetime.datetime | None
    days_since_update: int | None  # calendar days; None: never updated
    working_days_since_update: int | None
    published_7: int
    published_30: int
    scheduled: int
    stale: bool


SORT_KEYS = {
    "nama": lambda a: a.agency.name.lower(),
    "hari": lambda a: (a.days_since_update is None, a.days_since_update or 0),
    "7": lambda a: a.published_7,
    "30": lambda a: a.published_30,
    "terjadwal": lambda a: a.scheduled,
}
DEFAULT_SORT = "hari"


def _listing_type_ids() -> set[int]:
    """Content types of listing pages (berita/, agenda/...): containers, not content."""
    from django.apps import apps

    models = [
        m for m in apps.get_models() if issubclass(m, Page) and issubclass(m, ScopedListingMixin)
    ]
    return {ct.pk for ct in ContentType.objects.get_for_models(*models).values()}


def agency_activity(
    *,
    index_page: AgencyIndexPage,
    agencies: list[Agency] | None = None,
    now: datetime.datetime | None = None,
    stale_after: int | None = None,
) -> list[AgencyActivity]:
    """Figures of every agency with a live sub-site under ``index_page`` (or only
    ``agencies``), in directory order by name.

    An item is any live page below the agency's sub-site other than a listing page; its
    "update" time is ``last_published_at``; "published in the last N days" counts items first
    published within N×24 hours before ``now``; "scheduled" counts pages with a go-live time
    still to come (approved scheduled revisions included).
    """

    now = now or timezone.now()
    stale_after = (
        settings.PENDOPO_ACTIVITY_STALE_WORKING_DAYS if stale_after is None else stale_after
    )
    today = timezone.localtime(now).date()
    pages = AgencyPage.objects.live().public().child_of(index_page).select_related("agency")
    if agencies is not None:
        pages = pages.filter(agency__in=agencies)
    pages = sorted(pages, key=lambda p: p.agency.name.lower())
    listing_types = _listing_type_ids()

    by_path: dict[str, dict] = {
        p.path: {"last": None, "7": 0, "30": 0, "scheduled": set()} for p in pages
    }
    steplen = AgencyPage.steplen
    depth = index_page.depth + 1

    def owner(path: str):
        return by_path.get(path[: depth * steplen])

    descendants = Page.objects.filter(
        path__startswith=index_page.path, depth__gt=depth
    ).values_list(
        "path",
        "live",
        "content_type_id",
        "first_published_at",
        "last_published_at",
        "go_live_at",
        "pk",
    )
    week, month = now - datetime.timedelta(days=7), now - datetime.timedelta(days=30)
    path_of_pk = {}
    for path, live, type_id, first, last, go_live, pk in descendants.iterator():
        figures = owner(path)
        if figures is None:
            continue
        path_of_pk[str(pk)] = path
        if go_live is not None and go_live > now and not live:
            figures["scheduled"].add(pk)
        if not live or type_id in listing_types:
            continue
        if last and last <= now and (figures["last"] is None or last > figures["last"]):
            figures["last"] = last
        if first and week <= first <= now:
            figures["7"] += 1
        if first and month <= first <= now:
            figures["30"] += 1
    for object_id in Revision.page_revisions.filter(approved_go_live_at__gt=now).values_list(
        "object_id", flat=True
    ):
        path = path_of_pk.get(object_id)
        if path is not None:
            owner(path)["scheduled"].add(int(object_id))

    calendar = get_calendar()
    result = []
    for page in pages:
        figures = by_path[page.path]
        last = figures["last"]
        days = working = None
        if last is not None:
            last_day = timezone.localtime(last).date()
            days = (today - last_day).days
            working = calendar.working_days_between(last_day, today)
        result.append(
            AgencyActivity(
                agency=page.agency,
                page=page,
                last_update=last,
                days_since_update=days,
                working_days_since_update=working,
                published_7=figures["7"],
                published_30=figures["30"],
                scheduled=len(figures["scheduled"]),
                stale=working is None or working > stale_after,
            )
        )
    return result


def sort_activity(rows: list[AgencyActivity], key: str, descending: bool) -> list[AgencyActivity]:
    """Rows sorted by one of SORT_KEYS (an unknown key sorts by days since the last update)."""
    function = SORT_KEYS.get(key, SORT_KEYS[DEFAULT_SORT])
    return sorted(rows, key=function, reverse=descending)
