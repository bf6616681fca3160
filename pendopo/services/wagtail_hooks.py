"""Admin guards of service standards: no publishing while a required part is empty."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from pendopo.services.rules import missing_parts_of


@hooks.register("before_publish_page")
def refuse_incomplete_service_standard(request, page):
    """Covers publishing paths without the editor form (bulk publish, revisions view)."""
    from pendopo.services.models import ServiceStandardPage

    specific = page.specific
    if not isinstance(specific, ServiceStandardPage):
        return None
    revision = specific.latest_revision
    missing = missing_parts_of(revision.as_object() if revision else specific)
    if not missing:
        return None
    messages.error(
        request,
        _(
            "Standar pelayanan “%(title)s” tidak diterbitkan: komponen berikut masih kosong "
            "(UU 25/2009 Pasal 21): %(parts)s."
        )
        % {"title": specific.title, "parts": ", ".join(missing)},
    )
    if specific.pk:
        return redirect("wagtailadmin_pages:edit", specific.pk)
    return redirect("wagtailadmin_explore_root")


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_of_incomplete_standards(request, action_type, objects, action):
    """Bulk publish of pages: refuse the whole batch when one service standard is incomplete."""
    from pendopo.services.models import ServiceStandardPage

    if action_type != "publish":
        return None
    for page in objects:
        specific = page.specific
        if isinstance(specific, ServiceStandardPage):
            revision = specific.latest_revision
            missing = missing_parts_of(revision.as_object() if revision else specific)
            if missing:
                messages.error(
                    request,
                    _("Standar pelayanan “%(title)s” tidak diterbitkan: %(parts)s masih kosong.")
                    % {"title": specific.title, "parts": ", ".join(missing)},
                )
                return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
