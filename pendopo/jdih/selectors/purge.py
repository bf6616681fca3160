"""The addresses to purge from the frontend cache when a document's status or chain changes."""

from __future__ import annotations

from urllib.parse import urlencode

from pendopo.jdih.models import LegalDocumentPage
from pendopo.jdih.states import LegalStatus
from pendopo.publishing.selectors import full_urls, urls_to_purge


def listing_filter_paths(document: LegalDocumentPage) -> list[str]:
    """Query strings of the single-filter listing views that can show ``document``'s status:
    every ``?status=`` (the status moved from one to another), and its own ``?jenis=``,
    ``?tahun=``, ``?bidang=`` and ``?pemrakarsa=``, encoded as the filter form sends them.
    Combined filters, searches and later pages are not enumerable; they expire with their
    ``max-age`` (docs/jdih.md)."""
    pairs: list[tuple[str, object]] = [("status", value) for value in LegalStatus.values]
    pairs += [("jenis", document.document_type.abbreviation.lower()), ("tahun", document.year)]
    if document.field_of_law:
        pairs.append(("bidang", document.field_of_law))
    if document.initiating_agency_id:
        pairs.append(("pemrakarsa", document.initiating_agency_id))
    return ["?" + urlencode({name: value}) for name, value in pairs]


def urls_showing_status(documents: list[LegalDocumentPage]) -> list[str]:
    """Absolute URLs (every host) that show the status or chain of ``documents``, sorted:
    what publishing purges for each (``publishing.selectors.urls_to_purge``: the page, the
    ``/jdih/`` listing, the portal home, the JDIHN feed) plus the listing's single-filter
    views (:func:`listing_filter_paths`)."""
    urls: set[str] = set()
    for document in documents:
        urls |= set(urls_to_purge(document))
        parent = document.get_parent()
        if parent is not None:
            listings = full_urls(parent)
            urls |= {u + q for u in listings for q in listing_filter_paths(document)}
    return sorted(urls)
