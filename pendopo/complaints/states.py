"""Case statuses and the one transitions table (SP4N-LAPOR!, docs/rules.md#complaints-states).

    received ──verify──▶ assigned ──follow_up──▶ answered ──auto_close/confirm──▶ closed
       │  ▲                │ ▲ transfer (same clock)   │                          │
       │  └─hold─▶ on_hold ┘ └──────reopen (reporter reply)───────────────────────┘
       ├─refer──▶ referred (bukan wewenang, with a referral)
       ├─archive─▶ archived
       └─mark_spam─▶ spam ──restore──▶ received

Every move goes through one service in ``services.py`` and leaves an event; the table has the
kernel's shape (``pendopo.core.workflow``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendopo.core import workflow
from pendopo.core.workflow import InvalidTransition, Transitions


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("Diterima, menunggu verifikasi")
    ON_HOLD = "on_hold", _("Ditunda")
    ASSIGNED = "assigned", _("Diteruskan ke perangkat daerah")
    ANSWERED = "answered", _("Ditindaklanjuti")
    CLOSED = "closed", _("Selesai")
    REFERRED = "referred", _("Bukan wewenang, dirujuk")
    ARCHIVED = "archived", _("Diarsipkan")
    SPAM = "spam", _("Spam")


class Action(models.TextChoices):
    SUBMIT = "submit", _("kirim")
    SUBMIT_SPAM = "submit_spam", _("kirim (tersaring spam)")
    VERIFY = "verify", _("verifikasi dan teruskan")
    HOLD = "hold", _("tunda")
    REFER = "refer", _("bukan wewenang, rujuk")
    ARCHIVE = "archive", _("arsipkan")
    MARK_SPAM = "mark_spam", _("tandai spam")
    RESTORE = "restore", _("pulihkan dari spam")
    TRANSFER = "transfer", _("alihkan ke perangkat daerah lain")
    FOLLOW_UP = "follow_up", _("kirim tindak lanjut")
    REOPEN = "reopen", _("dibuka kembali oleh pelapor")
    CONFIRM = "confirm", _("dinilai pelapor")
    AUTO_CLOSE = "auto_close", _("selesai otomatis")


S = CaseStatus
NEW = None  # the "from" state of a case that does not exist yet

# (from status, action) -> to status. Nothing else may change Case.status.
TRANSITIONS: Transitions = {
    (NEW, Action.SUBMIT): S.RECEIVED,
    (NEW, Action.SUBMIT_SPAM): S.SPAM,
    (S.RECEIVED, Action.VERIFY): S.ASSIGNED,
    (S.ON_HOLD, Action.VERIFY): S.ASSIGNED,
    (S.RECEIVED, Action.HOLD): S.ON_HOLD,
    (S.RECEIVED, Action.REFER): S.REFERRED,
    (S.ON_HOLD, Action.REFER): S.REFERRED,
    (S.RECEIVED, Action.ARCHIVE): S.ARCHIVED,
    (S.ON_HOLD, Action.ARCHIVE): S.ARCHIVED,
    (S.RECEIVED, Action.MARK_SPAM): S.SPAM,
    (S.ON_HOLD, Action.MARK_SPAM): S.SPAM,
    (S.SPAM, Action.RESTORE): S.RECEIVED,
    (S.ASSIGNED, Action.TRANSFER): S.ASSIGNED,
    (S.ASSIGNED, Action.FOLLOW_UP): S.ANSWERED,
    (S.ANSWERED, Action.REOPEN): S.ASSIGNED,
    (S.CLOSED, Action.REOPEN): S.ASSIGNED,
    (S.ANSWERED, Action.CONFIRM): S.CLOSED,
    (S.ANSWERED, Action.AUTO_CLOSE): S.CLOSED,
}

# Statuses in which the public Q&A may show a case (never when confidential or demo-hidden).
ANSWERED_STATUSES = (S.ANSWERED, S.CLOSED)
# Statuses with a running legal clock that can become overdue.
CLOCKED_STATUSES = (S.RECEIVED, S.ON_HOLD, S.ASSIGNED)
OPEN_STATUSES = (S.RECEIVED, S.ON_HOLD, S.ASSIGNED, S.ANSWERED)


TransitionRefused = InvalidTransition
"""The case's current status does not allow this action (the kernel's ``InvalidTransition``)."""


def describe(current: str | None, action: str) -> tuple[str, str]:
    """Human labels ``(status, action)`` for the refusal message."""
    label = str(CaseStatus(current).label) if current else gettext("baru")
    return label, str(Action(action).label)


def next_status(current: str | None, action: str) -> str:
    """The status ``action`` leads to from ``current`` in :data:`TRANSITIONS`.

    Raises :class:`TransitionRefused` (``core.workflow.InvalidTransition``) when not allowed.
    """
    return workflow.next_status(TRANSITIONS, current, action, describe=describe)


def allowed_actions(current: str | None) -> list[str]:
    """Actions :data:`TRANSITIONS` allows from ``current``, in table order."""
    return workflow.allowed_actions(TRANSITIONS, current)


def is_allowed(current: str | None, action: str) -> bool:
    """True when :data:`TRANSITIONS` lets ``action`` happen from ``current``."""
    return workflow.is_allowed(TRANSITIONS, current, action)
