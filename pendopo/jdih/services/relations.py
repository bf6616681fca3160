"""Relations between legal documents and the status they decide (the only writer of ``status``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from pendopo.core.errors import DomainError
from pendopo.core.services import record_event
from pendopo.jdih.models import LegalDocumentPage, LegalDocumentRelation
from pendopo.jdih.services.purge import purge_documents
from pendopo.jdih.states import RelationKind, derive_status


class InvalidRelation(DomainError):
    """A relation refused: unknown kind, a document related to itself, an older document
    changing a newer one, or the same relation twice; ``str(error)`` says which."""


def recompute_status(*, document: LegalDocumentPage, actor: Any = None) -> str:
    """Derive ``document``'s status from the relations pointing at it whose SOURCE is live
    (published): a draft or unpublished amending/revoking document is not in force yet
    (UU 12/2011 Pasal 87: a regulation binds from its promulgation), so it changes nothing.
    Store the status, leave an event ``jdih_status_derived`` and, when it changed, purge the
    pages that show it (its own, and every related document's, whose relations box shows
    this document's badge). Returns the status (a ``LegalStatus`` value)."""
    kinds = LegalDocumentRelation.objects.filter(target=document, source__live=True).values_list(
        "kind", flat=True
    )
    status = derive_status(kinds)
    current = (
        LegalDocumentPage.objects.filter(pk=document.pk).values_list("status", flat=True).first()
    )
    if current is not None and current != status:
        # A queryset update: the status is not content, it must not create a revision.
        LegalDocumentPage.objects.filter(pk=document.pk).update(status=status)
        record_event(
            obj=document,
            kind="jdih_status_derived",
            actor=actor,
            payload={"from": current, "to": str(status)},
        )
        # Every related document's page shows this one's status badge in its relations box.
        related = LegalDocumentPage.objects.filter(
            Q(outgoing_relations__target=document) | Q(incoming_relations__source=document)
        ).distinct()
        purge_documents([document, *related])
    document.status = status
    return status


@transaction.atomic
def recompute_targets_of(
    *, source: LegalDocumentPage, target_ids: Iterable[int] | None = None, actor: Any = None
) -> None:
    """Recompute the status of every document ``source`` relates to, and purge the pages
    that show them and ``source``'s chain. Called when ``source`` is published, unpublished
    or deleted (``signals.py``); ``target_ids`` are given when its relations are already gone
    (deletion). Targets deleted along with ``source`` are skipped."""
    if target_ids is None:
        target_ids = list(
            LegalDocumentRelation.objects.filter(source_id=source.pk).values_list(
                "target_id", flat=True
            )
        )
    targets = list(LegalDocumentPage.objects.filter(pk__in=set(target_ids)))
    for target in targets:
        recompute_status(document=target, actor=actor)
    if targets:
        purge_documents([source, *targets])


@transaction.atomic
def add_relation(
    *,
    source: LegalDocumentPage,
    target: LegalDocumentPage,
    kind: str,
    note: str = "",
    actor: Any = None,
) -> LegalDocumentRelation:
    """Record "``source`` <kind> ``target``" and update ``target``'s status (only once
    ``source`` is live: a draft source is recorded but counts from its publication on).

    Raises :class:`InvalidRelation` when the kind is unknown, a document would relate to
    itself, the relation already exists, or an amending/revoking document is older than the
    one it changes.
    """
    if kind not in RelationKind.values:
        raise InvalidRelation(_("Jenis hubungan tidak dikenal."))
    if source.pk == target.pk:
        raise InvalidRelation(_("Sebuah dokumen tidak dapat berhubungan dengan dirinya sendiri."))
    changing = {RelationKind.AMENDS, RelationKind.REVOKES, RelationKind.PARTIALLY_REVOKES}
    if kind in changing and source.year < target.year:
        raise InvalidRelation(
            _(
                "%(source)s lebih lama daripada %(target)s, sehingga tidak dapat mengubah atau "
                "mencabutnya."
            )
            % {"source": source.short_citation, "target": target.short_citation}
        )
    try:
        with transaction.atomic():
            relation = LegalDocumentRelation.objects.create(
                source=source, target=target, kind=kind, note=note
            )
    except IntegrityError:
        raise InvalidRelation(_("Hubungan ini sudah tercatat.")) from None
    record_event(
        obj=target,
        kind="jdih_relation_added",
        actor=actor,
        payload={"source": source.pk, "kind": kind, "source_citation": source.short_citation},
    )
    recompute_status(document=target, actor=actor)
    purge_documents([source, target])  # both chains changed, even when the status did not
    return relation


@transaction.atomic
def change_relation(
    *,
    relation: LegalDocumentRelation,
    source: LegalDocumentPage,
    target: LegalDocumentPage,
    kind: str,
    note: str = "",
    actor: Any = None,
) -> LegalDocumentRelation:
    """Replace a relation by another (the admin's edit form): remove, then add, both targets'
    statuses recomputed."""
    remove_relation(relation=relation, actor=actor)
    return add_relation(source=source, target=target, kind=kind, note=note, actor=actor)


@transaction.atomic
def remove_relation(*, relation: LegalDocumentRelation, actor: Any = None) -> None:
    """Delete a relation and recompute its target's status."""
    target = relation.target
    record_event(
        obj=target,
        kind="jdih_relation_removed",
        actor=actor,
        payload={"source": relation.source_id, "kind": relation.kind},
    )
    source = relation.source
    relation.delete()
    recompute_status(document=target, actor=actor)
    purge_documents([source, target])
