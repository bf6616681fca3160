"""RSS 2.0 and Atom feeds of news and announcements (django.contrib.syndication).

Every link is the item's one canonical absolute URL (regency host); titles and descriptions
are plain text without control characters, so a body pasted from Word still gives valid XML.
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from pendopo.agencies.selectors import agency_for_path
from pendopo.api.scope import FeedScope, scope_for
from pendopo.api.text import (
    clean_text,
    plain_text,
    stream_text,
    withdrawn_summary,
    withdrawn_title,
)
from pendopo.core.selectors import portal_settings, portal_site_for_request
from pendopo.core.seo import canonical_url
from pendopo.news.models import NewsCategory
from pendopo.news.selectors import announcements_under, news_under
from pendopo.publishing.selectors import listed_withdrawal

FEED_LENGTH = 30  # items per feed


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


def news_published_at(page) -> datetime.datetime:
    """When a NewsPage was published: its first publication time when that falls on its
    news date (site zone), else the start of the news date (a back-dated article)."""
    first = page.first_published_at
    if first is not None and timezone.localtime(first).date() == page.date:
        return first
    return _local_midnight(page.date)


def updated_at(page) -> datetime.datetime | None:
    """When a listed item last changed for a reader: its last publication, or its withdrawal
    when that came later (so a harvester re-reads a withdrawn item)."""
    withdrawal = listed_withdrawal(page)
    times = [t for t in (page.last_published_at, withdrawal and withdrawal.withdrawn_at) if t]
    return max(times) if times else None


class _PageFeed(Feed):
    """Shared behaviour: scope from the URL, canonical links, clean text, and the mark of a
    withdrawn item: title led by ``[Ditarik] ``, the reason first in the description and
    ``updated`` set to the withdrawal time (docs/feeds.md)."""

    language = "id"
    kind = ""

    def get_object(self, request, agency: str | None = None, **kwargs) -> FeedScope:
        self.request = request
        return scope_for(request, agency)

    def link(self, scope: FeedScope) -> str:
        return canonical_url(scope.root, self.request)

    def item_title(self, item) -> str:
        return withdrawn_title(item.title, listed_withdrawal(item))

    def item_link(self, item) -> str:
        return canonical_url(item, self.request)

    def item_guid(self, item) -> str:
        return canonical_url(item, self.request)

    def item_guid_is_permalink(self, item) -> bool:
        return True

    def item_updateddate(self, item) -> datetime.datetime | None:
        return updated_at(item)

    def item_author_name(self, item) -> str:

        agency = agency_for_path(item.path, self.request)
        return agency.name if agency else self._publisher

    def get_feed(self, obj, request):

        settings = portal_settings(request)
        self._publisher = settings.government_name if settings else "Pendopo"
        return super().get_feed(obj, request)


class NewsRssFeed(_PageFeed):
    """``/feeds/berita.rss``: the latest news of the portal or of one agency."""

    feed_type = Rss201rev2Feed

    def title(self, scope: FeedScope) -> str:
        return _("Berita %(who)s") % {"who": scope.title}

    def description(self, scope: FeedScope) -> str:
        return _("Berita terbaru %(who)s") % {"who": scope.title}

    def items(self, scope: FeedScope):

        return news_under(scope.root).select_related("category")[:FEED_LENGTH]

    def item_description(self, item) -> str:
        body = stream_text(item.body)
        text = plain_text(f"{item.intro}\n\n{body}" if body else item.intro, limit=2000)
        return withdrawn_summary(text, listed_withdrawal(item))

    def item_pubdate(self, item) -> datetime.datetime:
        return news_published_at(item)

    def item_categories(self, item) -> list[str]:
        return [clean_text(item.category.name)] if item.category_id else []


class NewsAtomFeed(NewsRssFeed):
    """``/feeds/berita.atom``."""

    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description


class CategoryNewsRssFeed(NewsRssFeed):
    """``/feeds/berita/<kategori>.rss``: the portal's (or an agency's) news in one category."""

    def get_object(self, request, category: str, agency: str | None = None, **kwargs):

        scope = super().get_object(request, agency)
        try:
            self.category = NewsCategory.objects.get(slug=category)
        except NewsCategory.DoesNotExist:
            raise Http404 from None
        return scope

    def title(self, scope: FeedScope) -> str:
        return _("Berita %(who)s: %(category)s") % {
            "who": scope.title,
            "category": self.category.name,
        }

    def items(self, scope: FeedScope):

        return (
            news_under(scope.root)
            .filter(category=self.category)
            .select_related("category")[:FEED_LENGTH]
        )


class CategoryNewsAtomFeed(CategoryNewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description


class AnnouncementRssFeed(_PageFeed):
    """``/feeds/pengumuman.rss``: announcements valid today (site zone), newest first."""

    feed_type = Rss201rev2Feed

    def title(self, scope: FeedScope) -> str:
        return _("Pengumuman %(who)s") % {"who": scope.title}

    def description(self, scope: FeedScope) -> str:
        return _("Pengumuman yang berlaku dari %(who)s") % {"who": scope.title}

    def items(self, scope: FeedScope):

        items = announcements_under(scope.root).prefetch_related("attachments__document")
        return items[:FEED_LENGTH]

    max_enclosures = 1  # RSS 2.0 allows one enclosure per item; Atom takes them all

    def item_enclosures(self, item) -> list[Enclosure]:
        """The attachments as enclosures (absolute URL on the portal host, size in bytes,
        MIME type): the first one in RSS, every one in Atom."""

        site = portal_site_for_request(self.request)
        base = site.root_url.rstrip("/") if site else self.request.build_absolute_uri("/")[:-1]
        enclosures = [
            Enclosure(
                base + a.document.url,
                str(a.document.file_size or 0),
                a.document.content_type or "application/octet-stream",
            )
            for a in item.attachments.all()
        ]
        return enclosures[: self.max_enclosures] if self.max_enclosures else enclosures

    def item_description(self, item) -> str:
        text = item.intro
        if item.valid_until:
            text += " " + _("Berlaku sampai %(date)s.") % {"date": item.valid_until.isoformat()}
        return withdrawn_summary(plain_text(text, limit=2000), listed_withdrawal(item))

    def item_pubdate(self, item) -> datetime.datetime:
        first = item.first_published_at
        if first is not None and timezone.localtime(first).date() == item.valid_from:
            return first
        return _local_midnight(item.valid_from)


class AnnouncementAtomFeed(AnnouncementRssFeed):
    feed_type = Atom1Feed
    max_enclosures = 0  # no limit
    subtitle = AnnouncementRssFeed.description
