"""The detail page's reads: relations (prefetched once), the relations box and the status chain."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils.translation import gettext as _

from pendopo.jdih.models import LegalDocumentPage, LegalDocumentRelation
from pendopo.jdih.states import INVERSE_LABELS, RelationKind


def relations_prefetch() -> list[Prefetch]:
    """Both directions of a document's relations, with the other side and its type joined."""
    related = LegalDocumentRelation.objects.select_related(
        "source__document_type", "target__document_type"
    )
    return [
        Prefetch("incoming_relations", queryset=related.order_by("source__year", "source__pk")),
        Prefetch("outgoing_relations", queryset=related.order_by("target__year", "target__pk")),
    ]


def with_relations(queryset: QuerySet[LegalDocumentPage]) -> QuerySet[LegalDocumentPage]:
    """``queryset`` with both directions of relations prefetched (two extra queries)."""
    return queryset.prefetch_related(*relations_prefetch())


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


def document_detail(document: LegalDocumentPage) -> dict[str, Any]:
    """Template context of the detail page: relations (prefetched once), the status chain."""
    if not hasattr(document, "_prefetched_objects_cache") or not document._prefetched_objects_cache:
        prefetch_related_objects([document], *relations_prefetch())
    lines = relation_lines(document)
    return {
        "relation_lines": lines,
        "status_chain": status_sentence(document),
        "attachments": list(document.attachments.select_related("document")),
    }
