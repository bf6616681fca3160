"""Reads of the JDIH library: listings, filters, search, detail context and the JDIHN feed.

Listing and detail run a constant number of queries whatever the number of relations
(``select_related`` / ``prefetch_related``; tests/test_queries.py counts them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Page

from pendopo.jdih.models import (
    DocumentType,
    JdihIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from pendopo.jdih.states import INVERSE_LABELS, LegalStatus, RelationKind

_RELATED = ["document_type"]


def documents_under(index: Page) -> QuerySet[LegalDocumentPage]:
    """Live, public documents below ``index``, newest first, with their type joined."""
    return (
        LegalDocumentPage.objects.live()
        .public()
        .descendant_of(index)
        .select_related("document_type", "initiating_agency", "pdf")
        .order_by("-year", "document_type__sort_order", "-enacted_on", "-pk")
    )


def _relations_prefetch() -> list[Prefetch]:
    related = LegalDocumentRelation.objects.select_related(
        "source__document_type", "target__document_type"
    )
    return [
        Prefetch("incoming_relations", queryset=related.order_by("source__year", "source__pk")),
        Prefetch("outgoing_relations", queryset=related.order_by("target__year", "target__pk")),
    ]


def with_relations(queryset: QuerySet[LegalDocumentPage]) -> QuerySet[LegalDocumentPage]:
    """``queryset`` with both directions of relations prefetched (two extra queries)."""
    return queryset.prefetch_related(*_relations_prefetch())


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s dan %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


@dataclass(frozen=True)
class RelationLine:
    """One line of the relations box: a label and the documents it names."""

    label: str
    documents: list[LegalDocumentPage]

    @property
    def sentence(self) -> str:
        """ "diubah oleh Perda 6/2016 dan Perda 1/2022"."""
        return f"{self.label} {_join([d.short_citation for d in self.documents])}"


def relation_lines(document: LegalDocumentPage) -> list[RelationLine]:
    """Incoming lines first ("diubah oleh …"), then outgoing ("mengubah …"), in kind order.

    Reads the prefetched relations when present; only live documents are named.
    """
    lines: list[RelationLine] = []
    incoming = list(document.incoming_relations.all())
    outgoing = list(document.outgoing_relations.all())
    for kind in RelationKind:
        sources = [r.source for r in incoming if r.kind == kind and r.source.live]
        if sources:
            lines.append(RelationLine(str(INVERSE_LABELS[kind]), sources))
    for kind in RelationKind:
        targets = [r.target for r in outgoing if r.kind == kind and r.target.live]
        if targets:
            lines.append(RelationLine(str(kind.label), targets))
    return lines


def status_sentence(document: LegalDocumentPage) -> str:
    """The status chain shown next to the badge: "diubah oleh Perda 6/2016 dan Perda 1/2022"."""
    lines = [line for line in relation_lines(document) if line.label in _STATUS_LABELS()]
    return "; ".join(line.sentence for line in lines)


def _STATUS_LABELS() -> set[str]:  # noqa: N802 - evaluated per request, labels are lazy
    return {
        str(INVERSE_LABELS[k])
        for k in (RelationKind.AMENDS, RelationKind.REVOKES, RelationKind.PARTIALLY_REVOKES)
    }


def document_detail(document: LegalDocumentPage) -> dict:
    """Template context of the detail page: relations (prefetched once), the status chain."""
    if not hasattr(document, "_prefetched_objects_cache") or not document._prefetched_objects_cache:
        from django.db.models import prefetch_related_objects

        prefetch_related_objects([document], *_relations_prefetch())
    lines = relation_lines(document)
    return {
        "relation_lines": lines,
        "status_chain": status_sentence(document),
        "attachments": list(document.attachments.select_related("document")),
    }


# --- Listing filters and search ---------------------------------------------------------

MAX_QUERY_LENGTH = 100

_CITATION = re.compile(
    r"^\s*(?P<kind>[a-z][a-z .]*?)\s*(?:nomor|nomer|no\.?)?\s*(?P<number>[0-9][0-9a-z./-]*)"
    r"\s*(?:/|tahun|thn\.?|th\.?)?\s*(?P<year>(?:19|20)[0-9]{2})\s*$",
    re.IGNORECASE,
)
_OPERATORS = re.compile(r"[^\w\s./-]", re.UNICODE)


@dataclass(frozen=True)
class Citation:
    kind: DocumentType
    number: str
    year: int


def parse_citation(query: str, types: list[DocumentType]) -> Citation | None:
    """Read ``perda 6 2016``, ``Perbup Nomor 12 Tahun 2024``, ``Peraturan Daerah 6/2016``.

    The type is matched case-insensitively against each type's abbreviation and name.
    """
    match = _CITATION.match(query)
    if not match:
        return None
    kind_text = " ".join(match["kind"].lower().replace(".", " ").split())
    for kind in types:
        if kind_text in {kind.abbreviation.lower(), kind.name.lower()}:
            return Citation(kind, match["number"].strip("./-"), int(match["year"]))
    return None


def place_names(index: Page) -> set[str]:
    """Lower-case names of the regency's kecamatan and desa/kelurahan (not to be stemmed)."""
    from pendopo.core.models import SiteSettings
    from pendopo.regions.models import District, Village

    site = index.get_site()
    settings = SiteSettings.objects.filter(site=site).select_related("regency").first()
    if settings is None or settings.regency_id is None:
        return set()
    regency = settings.regency
    names = set(District.objects.filter(regency=regency).values_list("name", flat=True))
    names |= set(Village.objects.filter(district__regency=regency).values_list("name", flat=True))
    return {n.lower() for n in names if " " not in n}


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
        from urllib.parse import urlencode

        pairs = {
            "q": self.query,
            "jenis": self.kind.abbreviation.lower() if self.kind else "",
            "tahun": self.year or "",
            "status": self.status,
            "bidang": self.field_of_law,
            "pemrakarsa": self.agency_id or "",
        }
        return urlencode({k: v for k, v in pairs.items() if v})


def read_filters(params, types: list[DocumentType], facets: dict) -> Filters:
    """Filters from ``request.GET``; a malformed or unknown value is dropped, never an error.

    ``bidang`` and ``pemrakarsa`` count only when they are among the values the filter form
    offers (``facets`` from :func:`facet_choices`): a field of law no document has, or an
    agency id that initiated none, is ignored like an unknown ``jenis``.
    """
    filters = Filters(query=" ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH])
    kind = params.get("jenis", "").lower()
    filters.kind = next((t for t in types if t.abbreviation.lower() == kind), None)
    year = params.get("tahun", "")
    if year.isascii() and year.isdigit() and 1945 <= int(year) <= 2100:
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


def filter_documents(queryset: QuerySet, filters: Filters) -> QuerySet:
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


def _ranked_ids(candidates: QuerySet, query, *, limit: int) -> list[int]:
    """Primary keys of ``candidates`` matching ``query`` (a modelsearch query), best first.

    Asks the search index directly instead of ``candidates.search(...)``: Wagtail's database
    backend ranks by annotating every row of ``candidates`` (SQLite: a correlated subquery
    that re-runs the FTS5 ``MATCH`` per row, so quadratic; PostgreSQL: ``title || body``
    concatenated per row, which no GIN index can serve). Here the index is searched once,
    restricted to ``candidates`` by a semi-join on the object id, ranked with the backend's
    own rank expression (same query syntax, stemming config and weights) and cut at ``limit``
    in the database.
    """
    from django.db.models import CharField, F
    from django.db.models.functions import Cast
    from modelsearch.conf import get_app_config
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    model = candidates.model
    compiler = backend.query_compiler_class(model.objects.none(), query)
    config = compiler.get_config(backend)
    content_types = get_descendants_content_types_pks(model)
    ids = candidates.order_by().annotate(_object_id=Cast("pk", CharField())).values("_object_id")
    if connection.vendor == "postgresql":
        IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806

        tsquery = compiler.build_tsquery(compiler.query, config=config)
        rank = compiler._build_rank_expression(
            [(F("title"), F("title_norm")), (F("body"), 1.0)], config
        )
        entries = (
            IndexEntry.objects.filter(content_type_id__in=content_types, object_id__in=ids)
            .filter(Q(title=tsquery) | Q(body=tsquery))
            .annotate(score=rank)
            .order_by(F("score").desc(), "-object_id")
        )
    elif connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize

        SQLiteFTSIndexEntry = get_app_config().get_model("SQLiteFTSIndexEntry")  # noqa: N806
        match = MatchExpression(
            compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(normalize(compiler.query), config=config),
        )
        rank = compiler._build_rank_expression(compiler.get_search_vectors(), config)
        entries = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type_id__in=content_types,
                index_entry__object_id__in=ids,
            )
            .annotate(score=rank)
            .order_by("score", "-index_entry__object_id")
        )
        return [int(pk) for pk in entries.values_list("index_entry__object_id", flat=True)[:limit]]
    else:  # another backend: Wagtail's generic path
        return list(candidates.search(query).values_list("pk", flat=True)[:limit])
    return [int(pk) for pk in entries.values_list("object_id", flat=True)[:limit]]


def search_documents(
    queryset: QuerySet[LegalDocumentPage], query: str, *, types: list[DocumentType], places=()
) -> list[LegalDocumentPage]:
    """Documents of ``queryset`` matching ``query``, best first.

    Order: the document a citation names (``perda 6 2016``), exact title matches, then the
    search backend's ranking over metadata and extracted text (PostgreSQL: ``indonesian``
    stemming). Words that are place names of the regency must appear literally, so the
    stemmer cannot widen "Pesanggaran" into "sanggar". Returns at most 200 documents.

    All words are required; when nothing has them all, any of the words will do, but place
    names stay required. The literal check of place names reads only the ranked hits (at
    most 500 rows), never the text of the whole library.
    """
    from modelsearch.query import And, PlainText

    first: list[LegalDocumentPage] = []
    citation = parse_citation(query, types)
    if citation:
        first += list(
            queryset.filter(
                document_type=citation.kind, number__iexact=citation.number, year=citation.year
            )
        )
    first += list(queryset.filter(title__iexact=query)[:5])
    words = " ".join(_OPERATORS.sub(" ", query).split())
    ranked_ids: list[int] = []
    if words:
        literal = [w for w in words.lower().split() if w in places]
        others = [w for w in words.split() if w.lower() not in places]
        for operator in ("and", "or"):
            if operator == "or" and len(others) < 2:
                break  # "or" over a single word is the same query again
            if literal and others:
                search = And(
                    [PlainText(" ".join(literal), operator="and")]
                    + [PlainText(" ".join(others), operator=operator)]
                )
            else:
                search = PlainText(words, operator=operator)
            ranked_ids = _ranked_ids(queryset, search, limit=500)
            if literal and ranked_ids:
                scoped = queryset.filter(pk__in=ranked_ids)
                for word in literal:
                    scoped = scoped.filter(
                        Q(title__icontains=word)
                        | Q(abstract__icontains=word)
                        | Q(subjects__icontains=word)
                        | Q(text__icontains=word)
                    )
                allowed = set(scoped.values_list("pk", flat=True))
                ranked_ids = [pk for pk in ranked_ids if pk in allowed]
            if ranked_ids:
                break
    seen: set[int] = set()
    order: list[int] = []
    for pk in [p.pk for p in first] + ranked_ids:
        if pk not in seen:
            seen.add(pk)
            order.append(pk)
    order = order[:200]
    by_pk = {p.pk: p for p in queryset.filter(pk__in=order)}
    return [by_pk[pk] for pk in order if pk in by_pk]


def facet_choices(index: Page) -> dict:
    """Values offered in the filter form: types, years, fields of law, initiating agencies."""
    from pendopo.agencies.models import Agency

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


def jdih_index_for_site(site) -> JdihIndexPage | None:
    """The JDIH library of ``site`` (None when the site has none)."""
    return (
        JdihIndexPage.objects.live().descendant_of(site.root_page, inclusive=True).first()
        if site
        else None
    )


# --- Frontend-cache purge -------------------------------------------------------------------


def listing_filter_paths(document: LegalDocumentPage) -> list[str]:
    """Query strings of the single-filter listing views that can show ``document``'s status:
    every ``?status=`` (the status moved from one to another), and its own ``?jenis=``,
    ``?tahun=``, ``?bidang=`` and ``?pemrakarsa=``, encoded as the filter form sends them.
    Combined filters, searches and later pages are not enumerable; they expire with their
    ``max-age`` (docs/jdih.md)."""
    from urllib.parse import urlencode

    pairs = [("status", value) for value in LegalStatus.values]
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
    from pendopo.publishing.selectors import full_urls, urls_to_purge

    urls: set[str] = set()
    for document in documents:
        urls |= set(urls_to_purge(document))
        parent = document.get_parent()
        if parent is not None:
            listings = full_urls(parent)
            urls |= {u + q for u in listings for q in listing_filter_paths(document)}
    return sorted(urls)


# --- JDIHN feed -----------------------------------------------------------------------------

JDIHN_FIELDS = [
    "idData",
    "tahun_pengundangan",
    "tanggal_penetapan",
    "tanggal_pengundangan",
    "jenis",
    "noPeraturan",
    "judul",
    "noPanggil",
    "singkatanJenis",
    "tempatTerbit",
    "penerbit",
    "deskripsiFisik",
    "sumber",
    "subjek",
    "isbn",
    "status",
    "bahasa",
    "bidangHukum",
    "teuBadan",
    "nomorIndukBuku",
    "fileDownload",
    "urlDownload",
    "abstrak",
    "urlabstrak",
    "urlDetailPeraturan",
    "operasi",
    "display",
    "lastUpdated",
]


def jdihn_records(
    index: JdihIndexPage, *, base_url: str, root_path: str, limit: int | None = None
) -> list[dict]:
    """The JDIHN harvest records of ``index``'s published documents (docs/rules.md#jdih-jdihn-feed).

    Every value is a string; dates are ISO ``YYYY-MM-DD`` (the promulgation date falls back
    to the enactment date, as JDIH Padang does); URLs are absolute on ``base_url``;
    ``status`` is "Berlaku"/"Tidak Berlaku" from the derived status; ``operasi`` "4" and
    ``display`` "1" are the constants every member implementation sends. One query.
    """
    from pendopo.jdih.states import jdihn_status

    base = base_url.rstrip("/")
    documents = documents_under(index).order_by("-year", "-pk")
    if limit:
        documents = documents[:limit]
    records = []
    for doc in documents:
        detail = f"{base}/{doc.url_path[len(root_path) :]}"
        promulgated = doc.promulgated_on or doc.enacted_on
        file_name = doc.pdf.filename if doc.pdf_id else ""
        region = doc.teu.split(".", 1)[-1].strip() if doc.teu else ""
        record = {
            "idData": str(doc.pk),
            "tahun_pengundangan": str(promulgated.year if promulgated else doc.year),
            "tanggal_penetapan": doc.enacted_on.isoformat() if doc.enacted_on else "",
            "tanggal_pengundangan": promulgated.isoformat() if promulgated else "",
            "jenis": doc.document_type.name,
            "noPeraturan": doc.number,
            "judul": jdihn_title(doc, region),
            "noPanggil": "",
            "singkatanJenis": doc.document_type.abbreviation,
            "tempatTerbit": doc.place_enacted,
            "penerbit": region,
            "deskripsiFisik": f"{doc.page_count} hlm." if doc.page_count else "",
            "sumber": doc.source_text,
            "subjek": " - ".join(doc.subject_list),
            "isbn": "",
            "status": jdihn_status(doc.status),
            "bahasa": doc.language,
            "bidangHukum": doc.field_of_law,
            "teuBadan": doc.teu,
            "nomorIndukBuku": "",
            "fileDownload": file_name,
            "urlDownload": f"{detail}unduh/" if doc.pdf_id else "",
            "abstrak": doc.abstract,
            "urlabstrak": detail if doc.abstract else "",
            "urlDetailPeraturan": detail,
            "operasi": "4",
            "display": "1",
            "lastUpdated": _iso_day(doc.last_published_at),
        }
        records.append(record)
    return records


_HEAD_OF_REGION = re.compile(r"\b(bupati|wali ?kota)\b", re.IGNORECASE)
_REGION_KIND = re.compile(r"^(kabupaten|kota)\s+", re.IGNORECASE)


def jdihn_title(document: LegalDocumentPage, region: str) -> str:
    """The full title JDIHN shows (docs/rules.md#jdih-metadata ``judul``): "<jenis> <daerah> Nomor
    <n> Tahun <tahun> tentang <judul>".

    A regulation of the regional head is named after the head's office, not the region:
    "Peraturan Bupati Banyuwangi Nomor 49 Tahun 2016 tentang …" (not "Peraturan Bupati
    Kabupaten Banyuwangi"), as the documents name themselves: the real sample cites
    "Peraturan Bupati Banyuwangi Nomor 49 Tahun 2016" beside "Peraturan Daerah Kabupaten
    Banyuwangi Nomor 14 Tahun 2011" (data/regulasi_daerah_contoh.csv). ``region`` is the
    T.E.U. region, e.g. "Kabupaten Banyuwangi", or "" (then omitted).
    """
    kind = document.document_type.name
    if _HEAD_OF_REGION.search(kind):
        region = _REGION_KIND.sub("", region)
    return " ".join(
        f"{kind} {region} Nomor {document.number} Tahun {document.year} "
        f"tentang {document.title}".split()
    )


def _iso_day(moment) -> str:
    from django.utils import timezone

    return timezone.localtime(moment).date().isoformat() if moment else ""
