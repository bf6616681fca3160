"""Reads of news and announcements shared by listings, the home page and agency sub-sites."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from pendopo.core.sites import is_home_page
from pendopo.news.models import AnnouncementPage, GalleryPage, NewsPage
from pendopo.publishing.selectors import with_withdrawal


def is_front_page(root: Page) -> bool:
    """True for the regency front page (a portal home): it features nothing withdrawn."""
    return is_home_page(root)


def news_under(root: Page) -> QuerySet[NewsPage]:
    """Live, public news below ``root``, newest first, with ``withdrawn_at`` annotated
    (``publishing.selectors.with_withdrawal``): withdrawn items stay listed, marked."""
    return with_withdrawal(
        NewsPage.objects.live()
        .public()
        .descendant_of(root)
        .select_related("image")
        .order_by("-date", "-first_published_at")
    )


def latest_news(*, root: Page, limit: int) -> list[NewsPage]:
    return list(news_under(root)[:limit])


def front_page_news(*, home: Page, limit: int) -> list[NewsPage]:
    """The regency front page's news: the regency's own, plus agency news that a portal
    editor approved for the front page (``featured_on_portal``), newest first. Withdrawn
    items are not featured: they stay on the news lists, marked "Ditarik"."""
    own = Q(pk__in=[])
    regency_list = home.get_children().filter(slug="berita").first()
    if regency_list is not None:
        own = Q(path__startswith=regency_list.path)
    items = news_under(home).filter(own | Q(featured_on_portal=True), withdrawal__isnull=True)
    return list(items[:limit])


def announcements_under(
    root: Page, *, expired: bool = False, today: datetime.date | None = None
) -> QuerySet[AnnouncementPage]:
    """Announcements below ``root`` valid on ``today`` (site zone), or the expired ones,
    with ``withdrawn_at`` annotated (withdrawn ones stay listed, marked)."""
    today = today or timezone.localdate()
    items = with_withdrawal(AnnouncementPage.objects.live().public().descendant_of(root))
    valid = Q(valid_from__lte=today) & (Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    if expired:
        return items.filter(valid_until__lt=today).order_by("-valid_until")
    return items.filter(valid).order_by("-valid_from", "-first_published_at")


def active_announcements(*, root: Page, limit: int) -> list[AnnouncementPage]:
    """The first ``limit`` valid announcements; on the regency front page without the
    withdrawn ones (an agency sub-site lists them, marked)."""
    items = announcements_under(root)
    if is_front_page(root):
        items = items.filter(withdrawal__isnull=True)
    return list(items[:limit])


def galleries_under(root: Page) -> QuerySet[GalleryPage]:
    """Live, public galleries below ``root``, newest activity first, with ``withdrawn_at``
    annotated and photos/videos prefetched (a constant number of queries per list page)."""
    return with_withdrawal(
        GalleryPage.objects.live()
        .public()
        .descendant_of(root)
        .prefetch_related("photos__image__renditions", "videos")
        .order_by("-date", "-first_published_at")
    )
