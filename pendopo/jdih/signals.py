"""Decoupled concerns only: the cached JDIHN feed is purged when a document is published,
unpublished or deleted (the status itself is written by services, never here)."""

from __future__ import annotations

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from pendopo.jdih.models import LegalDocumentPage


@receiver(page_published, sender=LegalDocumentPage)
@receiver(page_unpublished, sender=LegalDocumentPage)
@receiver(post_delete, sender=LegalDocumentPage)
def _purge_feed(sender, instance, **kwargs) -> None:
    from pendopo.jdih.services import purge_feed_cache

    purge_feed_cache()


@receiver(page_published, sender=LegalDocumentPage)
def _extract_new_pdf(sender, instance, **kwargs) -> None:
    """A newly published PDF gets its text extracted in the background (search indexing)."""
    from pendopo.jdih.services import request_text_extraction

    if instance.pdf_id != instance.text_source_id:
        request_text_extraction(document=instance)
