"""Decoupled reactions to publishing (STYLE.md: signals only for cache purge and the like).

- Publish/unpublish: purge every URL that shows the page on every host (frontend cache).
- Unpublish/delete: remember the address so it answers 410 Gone; re-publish forgets it.
- Every ``run_scheduled``: a heartbeat (a periodic job, so it runs after the sweeps start).
"""

from __future__ import annotations

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from pendopo.core.scheduler import register_periodic_job
from pendopo.publishing.services import (
    forget_removed,
    purge_showing,
    record_heartbeat,
    remember_removed,
)


@receiver(page_published)
def _on_published(sender, instance, **kwargs):
    forget_removed(page=instance)
    purge_showing(instance)


@receiver(page_unpublished)
def _on_unpublished(sender, instance, **kwargs):
    remember_removed(page=instance)
    purge_showing(instance)


@receiver(pre_delete)
def _on_deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page) or not instance.live or instance.depth <= 2:
        return
    remember_removed(page=instance)


def _heartbeat(now):
    record_heartbeat(now=now, summary="ok")
    return now.isoformat(timespec="seconds")


register_periodic_job("publishing.heartbeat", _heartbeat)
