"""Background tasks of the JDIH (Django Tasks API; the demo runner runs ``db_worker``)."""

from __future__ import annotations

from django_tasks import task


@task()
def extract_document_text(page_id: int) -> str:
    """Extract the PDF text of one legal document; returns the resulting text status."""
    from pendopo.jdih.models import LegalDocumentPage
    from pendopo.jdih.services.text_extraction import extract_text

    document = LegalDocumentPage.objects.filter(pk=page_id).first()
    if document is None:
        return "hilang"
    return extract_text(document=document)
