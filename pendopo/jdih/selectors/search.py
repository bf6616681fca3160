"""Search of the library: citations ("perda 6 2016"), place names, the ranked full-text search."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import CharField, F, Q, QuerySet
from django.db.models.functions import Cast
from modelsearch.conf import get_app_config
from modelsearch.query import And, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from pendopo.core.models import SiteSettings
from pendopo.jdih.models import DocumentType, LegalDocumentPage
from pendopo.jdih.rules import SEARCH_EXACT_TITLE_MAX, SEARCH_RANKED_MAX, SEARCH_RESULTS_MAX
from pendopo.regions.models import District, Village

_CITATION = re.compile(
    r"^\s*(?P<kind>[a-z][a-z .]*?)\s*(?:nomor|nomer|no\.?)?\s*(?P<number>[0-9][0-9a-z./-]*)"
    r"\s*(?:/|tahun|thn\.?|th\.?)?\s*(?P<year>(?:19|20)[0-9]{2})\s*$",
    re.IGNORECASE,
)
_OPERATORS = re.compile(r"[^\w\s./-]", re.UNICODE)


@dataclass(frozen=True)
class Citation:
    """A document named by type, number and year."""

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
    site = index.get_site()
    settings = SiteSettings.objects.filter(site=site).select_related("regency").first()
    if settings is None or settings.regency_id is None:
        return set()
    regency = settings.regency
    names = set(District.objects.filter(regency=regency).values_list("name", flat=True))
    names |= set(Village.objects.filter(district__regency=regency).values_list("name", flat=True))
    return {n.lower() for n in names if " " not in n}


def _ranked_ids(candidates: QuerySet, query: Any, *, limit: int) -> list[int]:
    """Primary keys of ``candidates`` matching ``query`` (a modelsearch query), best first.

    Asks the search index directly instead of ``candidates.search(...)``: Wagtail's database
    backend ranks by annotating every row of ``candidates`` (SQLite: a correlated subquery
    that re-runs the FTS5 ``MATCH`` per row, so quadratic; PostgreSQL: ``title || body``
    concatenated per row, which no GIN index can serve). Here the index is searched once,
    restricted to ``candidates`` by a semi-join on the object id, ranked with the backend's
    own rank expression (same query syntax, stemming config and weights) and cut at ``limit``
    in the database.
    """
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
        # Imported here: only the SQLite branch uses the SQLite backend's query module.
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
    queryset: QuerySet[LegalDocumentPage],
    query: str,
    *,
    types: list[DocumentType],
    places: Collection[str] = (),
) -> list[LegalDocumentPage]:
    """Documents of ``queryset`` matching ``query``, best first.

    Order: the document a citation names (``perda 6 2016``), exact title matches, then the
    search backend's ranking over metadata and extracted text (PostgreSQL: ``indonesian``
    stemming). Words that are place names of the regency must appear literally, so the
    stemmer cannot widen "Pesanggaran" into "sanggar". Returns at most
    ``rules.SEARCH_RESULTS_MAX`` (200) documents.

    All words are required; when nothing has them all, any of the words will do, but place
    names stay required. The literal check of place names reads only the ranked hits (at
    most ``rules.SEARCH_RANKED_MAX``, 500 rows), never the text of the whole library.
    """
    first: list[LegalDocumentPage] = []
    citation = parse_citation(query, types)
    if citation:
        first += list(
            queryset.filter(
                document_type=citation.kind, number__iexact=citation.number, year=citation.year
            )
        )
    first += list(queryset.filter(title__iexact=query)[:SEARCH_EXACT_TITLE_MAX])
    words = " ".join(_OPERATORS.sub(" ", query).split())
    ranked_ids: list[int] = []
    if words:
        literal = [w for w in words.lower().split() if w in places]
        others = [w for w in words.split() if w.lower() not in places]
        for operator in ("and", "or"):
            if operator == "or" and len(others) < 2:
                break  # "or" over a single word is the same query again
            search: And | PlainText
            if literal and others:
                search = And(
                    [PlainText(" ".join(literal), operator="and")]
                    + [PlainText(" ".join(others), operator=operator)]
                )
            else:
                search = PlainText(words, operator=operator)
            ranked_ids = _ranked_ids(queryset, search, limit=SEARCH_RANKED_MAX)
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
    order = order[:SEARCH_RESULTS_MAX]
    by_pk = {p.pk: p for p in queryset.filter(pk__in=order)}
    return [by_pk[pk] for pk in order if pk in by_pk]
