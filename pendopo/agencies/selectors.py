"""Reads of agencies: the directory, an agency's front page, and "which agency owns this page"."""

from __future__ import annotations

from itertools import groupby

from django.db.models import Count, QuerySet
from django.http import HttpRequest
from wagtail.documents import get_document_model

from pendopo.agencies.models import KIND_ORDER, Agency, AgencyIndexPage, AgencyKind, AgencyPage
from pendopo.agencies.subsites import front_page_items


def agencies_by_kind(*, index_page: AgencyIndexPage) -> list[dict]:
    """``[{"kind": AgencyKind, "label": str, "agencies": [Agency, …]}, …]`` in directory order.

    Only agencies with a live sub-site under ``index_page`` are listed; each carries ``.page``.
    """
    pages = (
        AgencyPage.objects.live()
        .public()
        .child_of(index_page)
        .select_related("agency", "agency__district")
    )
    agencies = []
    for page in pages:
        page.agency.live_page = page
        agencies.append(page.agency)
    agencies.sort(key=lambda a: (KIND_ORDER[a.kind], a.district.code if a.district else "", a.name))
    return [
        {"kind": kind, "label": AgencyKind(kind).label, "agencies": list(items)}
        for kind, items in groupby(agencies, key=lambda a: a.kind)
    ]


def agency_kind_counts(regency) -> list[dict]:
    """``[{"kind": ..., "label": ..., "count": n}, …]`` of one regency's agencies (home page)."""
    rows = Agency.objects.filter(regency=regency).values("kind").annotate(count=Count("pk"))
    counts = {row["kind"]: row["count"] for row in rows}
    return [
        {"kind": kind, "label": AgencyKind(kind).label, "count": counts[kind]}
        for kind in AgencyKind.values
        if counts.get(kind)
    ]


def agency_for_path(path: str, request: HttpRequest | None = None) -> Agency | None:
    """The Agency whose sub-site (AgencyPage) is an ancestor-or-self of the tree ``path``."""
    cache = getattr(request, "_pendopo_agency_paths", None) if request is not None else None
    if cache is None:
        cache = {p.path: p.agency for p in AgencyPage.objects.select_related("agency")}
        if request is not None:
            request._pendopo_agency_paths = cache
    for length in {len(p) for p in cache}:
        agency = cache.get(path[:length])
        if agency is not None:
            return agency
    return None


def documents_of(agency: Agency) -> QuerySet:
    """Documents in the agency's own collection, newest first."""
    Document = get_document_model()
    if agency.collection_id is None:
        return Document.objects.none()
    return Document.objects.filter(collection_id=agency.collection_id).order_by("-created_at")


def agency_front_page_items(page: AgencyPage) -> dict:
    """Latest news, valid announcements and coming events of one agency, for its profile page.

    The items other apps registered (``agencies.subsites.register_front_page_item``: news,
    announcements, events) plus the agency's latest documents."""
    items = {key: read(page) for key, read in front_page_items().items()}
    items["documents"] = list(documents_of(page.agency)[:5])
    return items
