"""The download counter of a legal document."""

from __future__ import annotations

from django.db.models import F

from pendopo.jdih.models import LegalDocumentPage


def record_download(*, document: LegalDocumentPage) -> None:
    """Count one download (an atomic ``+1``, safe under concurrent requests)."""
    LegalDocumentPage.objects.filter(pk=document.pk).update(download_count=F("download_count") + 1)
