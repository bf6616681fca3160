"""Shared behaviour of listing pages (news, announcements, agenda): scope and pagination."""

from __future__ import annotations

from typing import cast

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Page

PAGE_SIZE = 10


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = PAGE_SIZE) -> PaginatorPage:
    """Page ``?page=N`` of ``queryset``; a malformed or out-of-range N shows page 1 or the last."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


class ScopedListingMixin:
    """A listing page lists the items below its parent.

    A listing under the regency home lists every agency's items too (one canonical page per
    item, shown on many lists); a listing under an agency sub-site lists that agency's only.
    """

    def listing_scope(self) -> Page | None:
        """The page whose descendants are listed: the listing page's parent."""
        return cast(Page, self).get_parent()
