"""Decoupled reactions to a legal document being published, unpublished or deleted.

- The cached JDIHN feed is purged (it lists only published documents).
- The documents it amends or revokes get their status recomputed: only a live source counts
  (``services.relations.recompute_status``), so its publication or withdrawal changes their
  status. The status itself is written by ``services``, never here.
- A newly published PDF gets its text extracted.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from pendopo.jdih.models import LegalDocumentPage


@receiver(page_published, sender=LegalDocumentPage)
@receiver(page_unpublished, sender=LegalDocumentPage)
@receiver(post_delete, sender=LegalDocumentPage)
def _purge_feed(sender, instance, **kwargs) -> None:
    from pendopo.jdih.services.purge import purge_feed_cache

    purge_feed_cache()


@receiver(page_published, sender=LegalDocumentPage)
@receiver(page_unpublished, sender=LegalDocumentPage)
def _recount_targets(sender, instance, **kwargs) -> None:
    """The source went live or was withdrawn: its targets' status may change."""
    from pendopo.jdih.services.relations import recompute_targets_of

    recompute_targets_of(source=instance)


@receiver(pre_delete, sender=LegalDocumentPage)
def _remember_targets(sender, instance, **kwargs) -> None:
    """Its relations are deleted with it (CASCADE): note the targets before they go."""
    instance._jdih_target_ids = list(
        instance.outgoing_relations.values_list("target_id", flat=True)
    )


@receiver(post_delete, sender=LegalDocumentPage)
def _recount_targets_after_delete(sender, instance, **kwargs) -> None:
    from pendopo.jdih.services.relations import recompute_targets_of

    target_ids = getattr(instance, "_jdih_target_ids", None)
    if target_ids:
        recompute_targets_of(source=instance, target_ids=target_ids)


@receiver(page_published, sender=LegalDocumentPage)
def _extract_new_pdf(sender, instance, **kwargs) -> None:
    """A newly published PDF gets its text extracted in the background (search indexing)."""
    from pendopo.jdih.services.text_extraction import request_text_extraction

    if instance.pdf_id != instance.text_source_id:
        request_text_extraction(document=instance)
