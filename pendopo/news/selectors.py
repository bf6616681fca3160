"""Reads of news and announcements shared by listings, the home page and agency sub-sites."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from pendopo.news.models import AnnouncementPage, NewsPage


def news_under(root: Page) -> QuerySet[NewsPage]:
    """Live, public news below ``root``, newest first."""
    return (
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
    editor approved for the front page (``featured_on_portal``), newest first."""
    own = Q(pk__in=[])
    regency_list = home.get_children().filter(slug="berita").first()
    if regency_list is not None:
        own = Q(path__startswith=regency_list.path)
    return list(news_under(home).filter(own | Q(featured_on_portal=True))[:limit])


def announcements_under(
    root: Page, *, expired: bool = False, today: datetime.date | None = None
) -> QuerySet[AnnouncementPage]:
    """Announcements below ``root`` valid on ``today`` (site zone), or the expired ones."""
    today = today or timezone.localdate()
    items = AnnouncementPage.objects.live().public().descendant_of(root)
    valid = Q(valid_from__lte=today) & (Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    if expired:
        return items.filter(valid_until__lt=today).order_by("-valid_until")
    return items.filter(valid).order_by("-valid_from", "-first_published_at")


def active_announcements(*, root: Page, limit: int) -> list[AnnouncementPage]:
    return list(announcements_under(root)[:limit])
