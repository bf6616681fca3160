"""The scheduler warning on every admin page, through the messages Wagtail's admin shows.

Wagtail's admin base template (``wagtailadmin/base.html``) renders the ``messages`` of the
Django messages framework at the top of every admin page. This context processor, listed
after Django's ``messages`` processor, hands admin templates that same list with one more
warning in front when ``run_scheduled`` has been silent longer than
``PENDOPO_SCHEDULER_MAX_SILENCE_MINUTES`` (15). The warning is never stored, so it cannot
pile up across redirects, and it disappears on the first page view after the scheduler runs
again (the heartbeat is cached for 60 seconds: one query a minute at most).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _


def scheduler_warning_message(*, now=None) -> Message | None:
    """The warning (Indonesian msgids) as a WARNING-level message, or None when it ran
    within the last ``PENDOPO_SCHEDULER_MAX_SILENCE_MINUTES`` minutes."""
    from django.utils import timezone

    from pendopo.publishing.selectors import last_heartbeat_at, scheduler_is_late

    if not scheduler_is_late(now=now):
        return None
    last = last_heartbeat_at()
    if last is None:
        detail = _("run_scheduled belum pernah berjalan.")
    else:
        detail = _(
            "run_scheduled terakhir berjalan %(when)s, lebih dari %(minutes)s menit lalu."
        ) % {
            "when": date_format(timezone.localtime(last), "j F Y H:i T"),
            "minutes": settings.PENDOPO_SCHEDULER_MAX_SILENCE_MINUTES,
        }
    hint = _(
        "Jadwal terbit dan kedaluwarsa tidak dijalankan. Periksa cron atau timer systemd "
        "(docs/operations.md)."
    )
    text = f"{_('Penjadwal tidak berjalan')}: {detail} {hint}"
    return Message(messages.WARNING, text, extra_tags="penjadwal")


def can_publish_or_schedule(user) -> bool:
    """Staff who can add, edit or publish any page: they set go-live and expiry times."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


class MessagesWithSchedulerWarning:
    """The request's messages, led by the scheduler warning when there is one.

    Iterable any number of times, like Django's message storage; nothing is computed until a
    template asks (``{% if messages %}`` or a loop).
    """

    def __init__(self, request, storage):
        self.request = request
        self.storage = storage

    @cached_property
    def warning(self) -> Message | None:
        if not can_publish_or_schedule(getattr(self.request, "user", None)):
            return None
        return scheduler_warning_message()

    def __iter__(self):
        if self.warning is not None:
            yield self.warning
        yield from self.storage

    def __len__(self) -> int:
        return len(self.storage) + (1 if self.warning is not None else 0)

    def __bool__(self) -> bool:
        return self.warning is not None or bool(len(self.storage))


def scheduler_warning(request) -> dict:
    """``messages`` with the scheduler warning, on admin pages only (``/admin/``)."""
    if not request.path.startswith(reverse("wagtailadmin_home")):
        return {}
    return {"messages": MessagesWithSchedulerWarning(request, messages.get_messages(request))}
