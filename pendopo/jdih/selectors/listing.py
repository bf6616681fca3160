"""The ``/jdih/`` listing: its documents, the filters read from the query string, their choices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import QuerySet
from wagtail.models import Page

from pendopo.agencies.models import Agency
from pendopo.jdih.models import DocumentType, JdihIndexPage, LegalDocumentPage
from pendopo.jdih.rules import MAX_QUERY_LENGTH, YEAR_MAX, YEAR_MIN
from pendopo.jdih.states import LegalStatus


def documents_under(index: Page) -> QuerySet[LegalDocumentPage]:
    """Live, public documents below ``index``, newest first, with their type joined."""
    return (
        LegalDocumentPage.objects.live()
        .public()
        .descendant_of(index)
        .select_related("document_type", "initiating_agency", "pdf")
        .order_by("-year", "document_type__sort_order", "-enacted_on", "-pk")
    )


@dataclass
class Filters:
    """The listing filters read from the query string; unknown values are ignored."""

    query: str = ""
    kind: DocumentType | None = None
    year: int | None = None
    status: str = ""
    field_of_law: str = ""
    agency_id: int | None = None

    @property
    def active(self) -> bool:
        return bool(
            self.query or self.kind or self.year or self.status or self.field_of_law
        ) or bool(self.agency_id)

    def querystring(self) -> str:
        pairs = {
            "q": self.query,
            "jenis": self.kind.abbreviation.lower() if self.kind else "",
            "tahun": self.year or "",
            "status": self.status,
            "bidang": self.field_of_law,
            "pemrakarsa": self.agency_id or "",
        }
        return urlencode({k: v for k, v in pairs.items() if v})


def read_filters(params: Any, types: list[DocumentType], facets: dict[str, Any]) -> Filters:
    """Filters from ``request.GET``; a malformed or unknown value is dropped, never an error.

    ``bidang`` and ``pemrakarsa`` count only when they are among the values the filter form
    offers (``facets`` from :func:`facet_choices`): a field of law no document has, or an
    agency id that initiated none, is ignored like an unknown ``jenis``.
    """
    filters = Filters(query=" ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH])
    kind = params.get("jenis", "").lower()
    filters.kind = next((t for t in types if t.abbreviation.lower() == kind), None)
    year = params.get("tahun", "")
    if year.isascii() and year.isdigit() and YEAR_MIN <= int(year) <= YEAR_MAX:
        filters.year = int(year)
    if params.get("status") in LegalStatus.values:
        filters.status = params["status"]
    field_of_law = params.get("bidang", "")
    if field_of_law in facets["fields_of_law"]:
        filters.field_of_law = field_of_law
    agency = params.get("pemrakarsa", "")
    offered = {str(a.pk) for a in facets["agencies"]}
    if agency in offered:
        filters.agency_id = int(agency)
    return filters


def filter_documents(
    queryset: QuerySet[LegalDocumentPage], filters: Filters
) -> QuerySet[LegalDocumentPage]:
    """``queryset`` narrowed by every active filter."""
    if filters.kind:
        queryset = queryset.filter(document_type=filters.kind)
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.field_of_law:
        queryset = queryset.filter(field_of_law=filters.field_of_law)
    if filters.agency_id:
        queryset = queryset.filter(initiating_agency_id=filters.agency_id)
    return queryset


def facet_choices(index: Page) -> dict[str, Any]:
    """Values offered in the filter form: types, years, fields of law, initiating agencies."""
    # DISTINCT in the database: the page is rendered for every search and listing, and
    # fetching one row per document to build three small sets grows with the library.
    docs = LegalDocumentPage.objects.live().public().descendant_of(index).order_by()
    years = sorted(set(docs.values_list("year", flat=True).distinct()), reverse=True)
    fields = sorted(
        set(docs.exclude(field_of_law="").values_list("field_of_law", flat=True).distinct())
    )
    agency_ids = set(
        docs.exclude(initiating_agency=None)
        .values_list("initiating_agency_id", flat=True)
        .distinct()
    )
    return {
        "years": years,
        "fields_of_law": fields,
        "agencies": list(Agency.objects.filter(pk__in=agency_ids).order_by("name")),
        "statuses": LegalStatus.choices,
    }


def jdih_index_for_site(site: Any) -> JdihIndexPage | None:
    """The JDIH library of ``site`` (None when the site has none)."""
    return (
        JdihIndexPage.objects.live().descendant_of(site.root_page, inclusive=True).first()
        if site
        else None
    )
