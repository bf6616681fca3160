"""Cache invalidation: the JDIHN feed's cache version and the frontend-cache purge of the pages
that show a document's status."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

from pendopo.jdih.models import LegalDocumentPage
from pendopo.jdih.selectors.purge import urls_showing_status

FEED_VERSION_KEY = "jdih:jdihn:version"


def purge_feed_cache() -> None:
    """Invalidate every cached JDIHN feed (their keys carry this version)."""
    try:
        cache.incr(FEED_VERSION_KEY)
    except ValueError:
        cache.set(FEED_VERSION_KEY, 2, None)


def purge_documents(documents: Iterable[LegalDocumentPage | None]) -> None:
    """After the current transaction commits: invalidate the cached JDIHN feed and purge, in
    the frontend cache (``WAGTAILFRONTENDCACHE``), every address that shows the status or
    the chain of ``documents`` (``selectors.purge.urls_showing_status``: the detail pages,
    the ``/jdih/`` listing and its single-filter views, the portal home, the JDIHN feed).

    Without a configured frontend cache, ``PurgeBatch`` does nothing.
    """
    pks = sorted({d.pk for d in documents if d is not None and d.pk})

    def purge() -> None:
        from django.apps import apps

        purge_feed_cache()
        if not pks or not apps.is_installed("wagtail.contrib.frontend_cache"):
            return
        # Imported here: the app is optional (checked just above).
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        alive = LegalDocumentPage.objects.filter(pk__in=pks).select_related("document_type")
        PurgeBatch(urls_showing_status(list(alive))).purge()

    transaction.on_commit(purge)
