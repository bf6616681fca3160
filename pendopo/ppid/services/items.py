"""The public information list (DIP): saving items and flagging stale berkala information."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from pendopo.core.errors import PermissionDeniedError
from pendopo.core.selectors import regency_time_zone
from pendopo.core.services import record_event
from pendopo.ppid import permissions
from pendopo.ppid.models import InformationItem
from pendopo.ppid.services.deadlines import local_date, stale_cutoff
from pendopo.ppid.states import Category


def flag_stale_berkala(now: datetime.datetime) -> str:
    """Periodic job: flag berkala items older than ``rules.BERKALA_REFRESH`` (6 months, UU
    14/2008 Pasal 9), unflag refreshed ones; one event per change. Idempotent."""
    flagged = cleared = 0
    with transaction.atomic():
        items = InformationItem.objects.filter(category=Category.BERKALA).select_related("regency")
        zones: dict[int, str] = {}
        for item in items:
            if item.regency_id not in zones:
                zones[item.regency_id] = regency_time_zone(item.regency)
            cutoff = stale_cutoff(local_date(now, zones[item.regency_id]))
            stale = item.last_updated_on < cutoff
            if stale and item.stale_flagged_at is None:
                item.stale_flagged_at = now
                item.save(update_fields=["stale_flagged_at"])
                record_event(
                    obj=item,
                    kind="ppid_item_stale",
                    payload={"last_updated_on": item.last_updated_on.isoformat()},
                )
                flagged += 1
            elif not stale and item.stale_flagged_at is not None:
                item.stale_flagged_at = None
                item.save(update_fields=["stale_flagged_at"])
                record_event(obj=item, kind="ppid_item_refreshed", payload={})
                cleared += 1
    return f"{flagged} ditandai usang, {cleared} diperbarui"


@transaction.atomic
def save_information_item(*, item: InformationItem, by) -> InformationItem:
    """Save a list item after checking who may and the model's rules (exempt items need a
    Pasal 17 ground and a consequence test; ``ValidationError`` otherwise)."""
    if not permissions.can_manage_item(by, item):
        raise PermissionDeniedError(_("Anda hanya dapat mengelola daftar informasi PPID Anda."))
    item.full_clean()
    created = item.pk is None
    item.save()
    record_event(
        obj=item,
        kind="ppid_item_created" if created else "ppid_item_changed",
        actor=by,
        payload={"category": item.category, "published": item.is_published},
    )
    return item
