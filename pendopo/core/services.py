"""Kernel services: page-tree helpers and grants, the event log, the working-day calendar.

Building a regency portal (its Site, home and sections) is ``pendopo.portal.services``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from pendopo.core import calendar
from pendopo.core.errors import DomainError
from pendopo.core.models import CalendarOverride, Event

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
PORTAL_EDITORS_GROUP = "Editor Portal (Diskominfo)"


def ensure_child(
    parent: Page, model: type[Page], *, slug: str, title: str, show_in_menus: bool = True, **fields
) -> Page:
    """The child of ``parent`` with ``slug``; created live (with a revision) when absent."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing
    page = model(slug=slug, title=title, show_in_menus=show_in_menus, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def grant_page_and_collection_permissions(
    group: Group,
    *,
    page: Page,
    collection: Collection,
    page_permissions: list[str] = PAGE_PERMISSIONS,
) -> None:
    """Give ``group`` admin access, ``page_permissions`` (default edit/publish) on ``page``'s
    subtree and add/change/choose on ``collection``."""
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in page_permissions:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    for app_label, codename in COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


# --- Event log -----------------------------------------------------------------------------


def record_event(*, obj, kind: str, actor=None, payload: dict | None = None) -> Event:
    """Append one event about ``obj`` (call inside the transaction of the change)."""
    return Event.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        kind=kind,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        payload=payload or {},
    )


# --- Working-day calendar ------------------------------------------------------------------


@dataclass
class RecomputeReport:
    """What a recomputation changed: ``(case, old due date, new due date)`` per moved case."""

    checked: int = 0
    moved: list[tuple[object, datetime.date, datetime.date]] = field(default_factory=list)


@transaction.atomic
def recompute_open_deadlines(*, reason: str, actor=None) -> RecomputeReport:
    """Recompute every registered open case's deadline with the current calendar.

    A case whose due date changes gets it stored (its module's ``apply``) and an event
    ``deadline_recomputed`` with the old and new date and the reason, in one transaction.
    """
    report = RecomputeReport()
    current = calendar.get_calendar()
    for source in list(calendar._registry.values()):
        for case in source():
            report.checked += 1
            new = calendar.recompute(case, current)
            if new.due_on == case.due_on:
                continue
            case.apply(new.due_on)
            record_event(
                obj=case.case,
                kind="deadline_recomputed",
                actor=actor,
                payload={
                    "from": case.due_on.isoformat(),
                    "to": new.due_on.isoformat(),
                    "reason": reason,
                    "rule": case.rule,
                },
            )
            report.moved.append((case.case, case.due_on, new.due_on))
    return report


def _write_override(
    *, date: datetime.date, name: str, is_working_day: bool, reference: str
) -> CalendarOverride:
    if not name.strip():
        raise DomainError(_("Nama pengecualian wajib diisi."))
    override, _created = CalendarOverride.objects.update_or_create(
        date=date,
        defaults={"name": name.strip(), "is_working_day": is_working_day, "reference": reference},
    )
    return override


@transaction.atomic
def save_calendar_override(
    *,
    date: datetime.date,
    name: str,
    is_working_day: bool = False,
    reference: str = "",
    actor=None,
) -> tuple[CalendarOverride, RecomputeReport]:
    """Add (or change) the override of ``date`` and move the open deadlines it affects."""
    override = _write_override(
        date=date, name=name, is_working_day=is_working_day, reference=reference
    )
    report = recompute_open_deadlines(reason=f"Kalender kerja diubah: {override}", actor=actor)
    return override, report


@transaction.atomic
def import_calendar_overrides(
    *, rows: list[dict], source: str, actor=None
) -> tuple[list[CalendarOverride], RecomputeReport]:
    """Add or change many overrides (``date, name, is_working_day, reference`` per row), then
    recompute the open deadlines once; all rows or none."""
    overrides = [_write_override(**row) for row in rows]
    report = recompute_open_deadlines(reason=f"Impor kalender kerja dari {source}", actor=actor)
    return overrides, report


@transaction.atomic
def delete_calendar_override(*, override: CalendarOverride, actor=None) -> RecomputeReport:
    """Remove an override; open deadlines move back to what the package alone gives."""
    reason = f"Kalender kerja dikembalikan: {override}"
    override.delete()
    return recompute_open_deadlines(reason=reason, actor=actor)
