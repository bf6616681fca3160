"""Relation kinds between legal documents and the status derived from them.

The status of a document is never typed by hand: it follows from the relations that point AT
it (``incoming``), by the precedence in :data:`STATUS_FROM_INCOMING`. The JDIHN export reduces
it to "Berlaku" / "Tidak Berlaku" (docs/rules.md#jdih-status).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _


class RelationKind(models.TextChoices):
    """What the source document does to the target (Permenkumham-style JDIH relations)."""

    AMENDS = "mengubah", _("mengubah")
    REVOKES = "mencabut", _("mencabut")
    PARTIALLY_REVOKES = "mencabut_sebagian", _("mencabut sebagian")
    IMPLEMENTS = "melaksanakan", _("melaksanakan")
    LEGAL_BASIS = "dasar_hukum", _("berdasarkan (dasar hukum)")


#: How the relation reads from the target's side ("diubah oleh Perda 6/2016").
INVERSE_LABELS = {
    RelationKind.AMENDS: _("diubah oleh"),
    RelationKind.REVOKES: _("dicabut oleh"),
    RelationKind.PARTIALLY_REVOKES: _("dicabut sebagian oleh"),
    RelationKind.IMPLEMENTS: _("dilaksanakan oleh"),
    RelationKind.LEGAL_BASIS: _("menjadi dasar hukum bagi"),
}


class LegalStatus(models.TextChoices):
    BERLAKU = "berlaku", _("Berlaku")
    DIUBAH = "diubah", _("Berlaku, dengan perubahan")
    DICABUT_SEBAGIAN = "dicabut_sebagian", _("Dicabut sebagian")
    DICABUT = "dicabut", _("Dicabut (tidak berlaku)")


#: The one derivation table: the first incoming relation kind found decides the status.
STATUS_FROM_INCOMING: list[tuple[RelationKind, LegalStatus]] = [
    (RelationKind.REVOKES, LegalStatus.DICABUT),
    (RelationKind.PARTIALLY_REVOKES, LegalStatus.DICABUT_SEBAGIAN),
    (RelationKind.AMENDS, LegalStatus.DIUBAH),
]

#: Statuses under which a document is still (at least partly) in force.
IN_FORCE = {LegalStatus.BERLAKU, LegalStatus.DIUBAH, LegalStatus.DICABUT_SEBAGIAN}


def derive_status(incoming_kinds: Iterable[str]) -> LegalStatus:
    """The status of a document given the kinds of the relations pointing at it."""
    kinds = set(incoming_kinds)
    for kind, status in STATUS_FROM_INCOMING:
        if kind in kinds:
            return status
    return LegalStatus.BERLAKU


def jdihn_status(status: str) -> str:
    """ "Berlaku" or "Tidak Berlaku", the two values the JDIHN harvester reads."""
    return "Berlaku" if status in IN_FORCE else "Tidak Berlaku"


def schema_legal_force(status: str) -> str:
    """schema.org ``legislationLegalForce`` (InForce, PartiallyInForce, NotInForce)."""
    if status == LegalStatus.DICABUT:
        return "https://schema.org/NotInForce"
    if status == LegalStatus.DICABUT_SEBAGIAN:
        return "https://schema.org/PartiallyInForce"
    return "https://schema.org/InForce"


class TextStatus(models.TextChoices):
    """Where the PDF text extraction of a document stands."""

    NO_FILE = "tanpa_berkas", _("Belum ada berkas PDF")
    PENDING = "menunggu", _("Menunggu ekstraksi teks")
    DONE = "selesai", _("Teks sudah diekstrak")
    NEEDS_OCR = "perlu_ocr", _("Perlu OCR (PDF hasil pindaian tanpa teks)")
    FAILED = "gagal", _("Ekstraksi gagal")
