"""Reads of service standards shared by the lists, agency sub-sites and the complaint form."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Page

from pendopo.services.models import ServiceStandardPage


def standards_under(root: Page) -> QuerySet[ServiceStandardPage]:
    """Live, public service standards below ``root``, by title."""
    return ServiceStandardPage.objects.listed_under(root)


def live_standard(pk) -> ServiceStandardPage | None:
    """The live service standard with id ``pk`` (the complaint form's ``layanan``), or None."""
    try:
        return ServiceStandardPage.objects.live().public().filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        return None
