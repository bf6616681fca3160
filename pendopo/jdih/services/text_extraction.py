"""PDF text extraction of legal documents: queueing it, storing its result, finding what is due."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.search.backends import get_search_backend

from pendopo.core.services import record_event
from pendopo.jdih.extraction import extract_pdf
from pendopo.jdih.models import LegalDocumentPage
from pendopo.jdih.states import TextStatus


def request_text_extraction(*, document: LegalDocumentPage) -> None:
    """Queue the PDF text extraction of ``document`` after the current transaction commits.

    Without a PDF the text is cleared and the status becomes "tanpa berkas".
    """
    # Imported here: ``tasks`` imports this module to run the extraction.
    from pendopo.jdih.tasks import extract_document_text

    if document.pdf_id is None:
        LegalDocumentPage.objects.filter(pk=document.pk).update(
            text="", text_status=TextStatus.NO_FILE, text_source_id=None, page_count=None
        )
        return
    LegalDocumentPage.objects.filter(pk=document.pk).update(text_status=TextStatus.PENDING)
    page_id = document.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(page_id))


def extract_text(*, document: LegalDocumentPage) -> str:
    """Run the limited extraction for ``document``'s current PDF and store text, page count,
    preview and text status ("selesai", "perlu_ocr" or "gagal"); then re-index the page."""
    pdf = document.pdf
    if pdf is None:
        request_text_extraction(document=document)
        return TextStatus.NO_FILE
    with pdf.file.open("rb") as handle:
        data = handle.read()
    result = extract_pdf(data)
    values: dict[str, Any] = {"text_source_id": pdf.pk}
    if not result.ok:
        values.update(text="", text_status=TextStatus.FAILED, page_count=None)
    elif result.needs_ocr:
        values.update(text="", text_status=TextStatus.NEEDS_OCR, page_count=result.pages)
    else:
        values.update(text=result.text, text_status=TextStatus.DONE, page_count=result.pages)
    if result.preview_png:
        document.preview.save(
            f"jdih-{document.pk}-{pdf.pk}.png", ContentFile(result.preview_png), save=False
        )
        values["preview"] = document.preview.name
    with transaction.atomic():
        LegalDocumentPage.objects.filter(pk=document.pk).update(**values)
        record_event(
            obj=document,
            kind="jdih_text_extracted",
            payload={"status": str(values["text_status"]), "error": result.error},
        )
    fresh = LegalDocumentPage.objects.get(pk=document.pk)
    get_search_backend().add(fresh)
    return values["text_status"]


def documents_needing_text(documents: Iterable[LegalDocumentPage]) -> list[LegalDocumentPage]:
    """Those whose current PDF has not been extracted yet."""
    return [d for d in documents if d.pdf_id and d.pdf_id != d.text_source_id]
