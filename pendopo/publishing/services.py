"""Writes of the publishing machinery: withdrawal with notice, removed addresses, heartbeat."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from pendopo.core.errors import DomainError, PermissionDeniedError
from pendopo.core.services import record_event
from pendopo.publishing.models import RemovedPath, SchedulerHeartbeat, Withdrawal
from pendopo.publishing.permissions import can_withdraw
from pendopo.publishing.selectors import HEARTBEAT_CACHE_KEY, HEARTBEAT_NAME, urls_to_purge

REASON_MAX = 1000


@transaction.atomic
def withdraw_page(*, page: Page, by, reason: str) -> Withdrawal:
    """Withdraw a live page with notice: it stays readable, with a banner saying when and why.

    Raises PermissionDeniedError when ``by`` may not publish the page, DomainError when the
    page is not live, already withdrawn or the reason is empty or longer than 1000 characters.
    """
    if not can_withdraw(by, page):
        raise PermissionDeniedError(_("Anda tidak berhak menarik halaman ini."))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Alasan penarikan wajib diisi."))
    if len(reason) > REASON_MAX:
        raise DomainError(_("Alasan penarikan paling panjang 1000 karakter."))
    if not page.live:
        raise DomainError(_("Hanya halaman yang sedang terbit yang dapat ditarik."))
    if Withdrawal.objects.filter(page=page).exists():
        raise DomainError(_("Halaman ini sudah ditarik."))
    withdrawal = Withdrawal.objects.create(page=page, reason=reason, withdrawn_by=by)
    record_event(obj=page, kind="page_withdrawn", actor=by, payload={"reason": reason})
    log(instance=page, action="pendopo.withdraw", user=by, data={"reason": reason})
    _purge_after_commit(page)
    return withdrawal


@transaction.atomic
def cancel_withdrawal(*, page: Page, by) -> None:
    """Take the withdrawal notice off a page (a mistaken withdrawal)."""
    if not can_withdraw(by, page):
        raise PermissionDeniedError(_("Anda tidak berhak mengubah halaman ini."))
    deleted, _rows = Withdrawal.objects.filter(page=page).delete()
    if not deleted:
        raise DomainError(_("Halaman ini tidak sedang ditarik."))
    record_event(obj=page, kind="page_withdrawal_cancelled", actor=by)
    log(instance=page, action="pendopo.withdraw_cancel", user=by)
    _purge_after_commit(page)


def purge_showing(page: Page) -> None:
    """Purge from the frontend cache every URL that shows ``page`` on every host
    (``selectors.urls_to_purge``); nothing when the frontend cache app is not installed."""
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    # Lazy for start-up cost and because the app is optional: only imported when installed.
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    PurgeBatch(urls_to_purge(page)).purge()


def _purge_after_commit(page: Page) -> None:
    """The lists and feeds that show ``page`` carry its "Ditarik" marker: purge them all
    (``selectors.urls_to_purge``) once the change is committed."""
    transaction.on_commit(lambda: purge_showing(page))


def remember_removed(*, page: Page) -> RemovedPath:
    """Record that ``page``'s address served content and no longer does (for 410 Gone)."""
    removed, _created = RemovedPath.objects.update_or_create(
        url_path=page.url_path,
        defaults={"title": page.title[:255], "removed_at": timezone.now()},
    )
    return removed


def forget_removed(*, page: Page) -> None:
    """The address serves content again (re-published, or a new page took the slug)."""
    RemovedPath.objects.filter(url_path=page.url_path).delete()


def record_heartbeat(
    *, now: datetime.datetime | None = None, ok: bool = True, summary: str = ""
) -> SchedulerHeartbeat:
    """Store that ``run_scheduled`` finished (the admin warns after 15 silent minutes)."""
    beat, _created = SchedulerHeartbeat.objects.update_or_create(
        name=HEARTBEAT_NAME,
        defaults={"last_run_at": now or timezone.now(), "last_ok": ok, "summary": summary[:500]},
    )
    cache.delete(HEARTBEAT_CACHE_KEY)
    return beat
