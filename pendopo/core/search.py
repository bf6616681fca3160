"""Public site search over live, public pages of one Site."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction, Site

# Characters that search backends read as operators (FTS5 quotes, PostgreSQL tsquery
# symbols); a citizen's query is plain words, so they become spaces.
_OPERATORS = re.compile(r"[^\w\s./-]", re.UNICODE)


def unreadable_query_error(raw: str) -> str:
    """The Indonesian message refusing a search query that holds a NUL byte (which no
    backend accepts and no page may echo), or "" when the query is readable. Shared by every
    public search box: /cari/, /jdih/, /pengadaan/ and the public Q&A."""
    return _("Kata kunci berisi karakter yang tidak sah.") if "\x00" in raw else ""


def search_pages(*, site: Site, query: str) -> list[Page]:
    """Pages of ``site`` matching ``query``, exact (case-insensitive) title matches first.

    Uses the configured Wagtail search backend: on PostgreSQL the ``indonesian`` text-search
    configuration stems words ("membangun" finds "pembangunan"). Private pages (behind a
    view restriction) and pages of other Sites never appear. Returns specific pages.
    """
    scope = Page.objects.live().descendant_of(site.root_page, inclusive=True)
    words = " ".join(_OPERATORS.sub(" ", query).split())
    restricted = [r.page.path for r in PageViewRestriction.objects.select_related("page")]
    exact = list(scope.filter(title__iexact=query).order_by("-first_published_at")[:5])
    ranked: list[Page] = []
    if words:
        ranked = list(scope.search(words, operator="and")[:200])
        if not ranked:
            ranked = list(scope.search(words, operator="or")[:200])
    ordered: list[int] = []
    for page in [*exact, *ranked]:
        if page.pk in ordered or any(page.path.startswith(p) for p in restricted):
            continue
        ordered.append(page.pk)
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ordered).specific()}
    return [specific[pk] for pk in ordered if pk in specific]
