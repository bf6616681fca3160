"""The province aggregation feed: news of every agency and immediate-information notices.

Documented in ``docs/feeds.md``. Notices come from ``pendopo.ppid.selectors.
immediate_notices`` (contract C4 (docs/contracts.md#c4-immediate-notices)) when the PPID app is
installed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.http import HttpRequest

from pendopo.agencies.models import Agency
from pendopo.agencies.selectors import agency_for_path
from pendopo.api.feeds import news_published_at, updated_at
from pendopo.api.text import one_line, plain_text, withdrawn_summary, withdrawn_title
from pendopo.core.seo import canonical_url
from pendopo.news.selectors import news_under
from pendopo.ppid.selectors import immediate_notices
from pendopo.publishing.selectors import listed_withdrawal

KIND_NEWS = "berita"
KIND_IMMEDIATE = "informasi_serta_merta"  # UU 14/2008 Pasal 10


@dataclass(frozen=True)
class AggregatedItem:
    kind: str
    title: str
    url: str  # absolute, canonical
    summary: str
    published_at: datetime.datetime
    updated_at: datetime.datetime
    agency_slug: str | None
    agency_name: str | None
    withdrawn_at: datetime.datetime | None = None
    withdrawn_reason: str | None = None


def aggregated_items(*, site, request: HttpRequest, limit: int = 50) -> list[AggregatedItem]:
    """Newest first: live public news under the portal ``site`` plus immediate notices."""

    items: list[AggregatedItem] = []
    for page in news_under(site.root_page)[:limit]:
        agency = agency_for_path(page.path, request)
        published = news_published_at(page)
        withdrawal = listed_withdrawal(page)
        items.append(
            AggregatedItem(
                kind=KIND_NEWS,
                title=withdrawn_title(page.title, withdrawal),
                url=canonical_url(page, request),
                summary=withdrawn_summary(plain_text(page.intro, limit=500), withdrawal),
                published_at=published,
                updated_at=updated_at(page) or published,
                agency_slug=agency.slug if agency else None,
                agency_name=agency.name if agency else None,
                withdrawn_at=withdrawal.withdrawn_at if withdrawal else None,
                withdrawn_reason=plain_text(withdrawal.reason) if withdrawal else None,
            )
        )
    items.extend(_immediate_notices(site=site, request=request, limit=limit))
    items.sort(key=lambda item: item.published_at, reverse=True)
    return items[:limit]


def _immediate_notices(*, site, request: HttpRequest, limit: int) -> list[AggregatedItem]:
    if not apps.is_installed("pendopo.ppid"):
        return []

    base = site.root_url.rstrip("/")
    names = dict(Agency.objects.values_list("slug", "name"))
    return [
        AggregatedItem(
            kind=KIND_IMMEDIATE,
            title=one_line(notice["title"]),
            url=base + notice["url"] if notice["url"].startswith("/") else notice["url"],
            summary=plain_text(notice.get("summary", ""), limit=500),
            published_at=notice["published_at"],
            updated_at=notice["published_at"],
            agency_slug=notice.get("agency_slug"),
            agency_name=names.get(notice.get("agency_slug")),
        )
        for notice in immediate_notices(site=site, limit=limit)
    ]
