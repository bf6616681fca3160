"""Factories of the JDIH tests: documents under the demo library at /jdih/."""

from __future__ import annotations

import itertools

from pendopo.jdih.models import DocumentType, JdihIndexPage, LegalDocumentPage

_numbers = itertools.count(900)


def make_document(
    *, abbreviation: str = "Perda", year: int = 2020, title: str = "", publish=True, **fields
):
    """A legal document under the regency's /jdih/ (number unique per call); live, or a
    never-published draft with ``publish=False``."""
    index = JdihIndexPage.objects.get(url_path__endswith="/jdih/", depth=3)
    kind = DocumentType.objects.get(abbreviation=abbreviation)
    number = str(fields.pop("number", next(_numbers)))
    document = LegalDocumentPage(
        title=title or f"Dokumen Uji {number}",
        slug=f"uji-{abbreviation.lower()}-{number}-{year}",
        document_type=kind,
        number=number,
        year=year,
        teu="Indonesia. Kabupaten Banyuwangi",
        **fields,
    )
    if not publish:
        document.live = False
    index.add_child(instance=document)
    revision = document.save_revision()
    if publish:
        revision.publish()
    return LegalDocumentPage.objects.get(pk=document.pk)
