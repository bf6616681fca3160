"""Notifications to reporters and agency liaisons, sent in background tasks.

A channel is anything with ``name`` and ``send(*, recipient, subject, body) -> bool``.
E-mail ships here; a WhatsApp gateway registers its own channel with ``register_channel``
and is switched on with ``PENDOPO_COMPLAINTS_CHANNELS=email,whatsapp``, without touching the
services. Messages never carry personal data beyond what the recipient already gave.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recipient:
    name: str = ""
    email: str = ""
    phone: str = ""


class Channel(Protocol):
    name: str

    def send(self, *, recipient: Recipient, subject: str, body: str) -> bool:
        """Deliver one message; False when the recipient has no address on this channel."""


class EmailChannel:
    name = "email"

    def send(self, *, recipient: Recipient, subject: str, body: str) -> bool:
        if not recipient.email:
            return False
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])
        return True


_CHANNELS: dict[str, Channel] = {"email": EmailChannel()}


def register_channel(channel: Channel) -> None:
    _CHANNELS[channel.name] = channel


def active_channels() -> list[Channel]:
    return [_CHANNELS[n] for n in settings.PENDOPO_COMPLAINTS_CHANNELS if n in _CHANNELS]


def deliver(*, recipient: Recipient, subject: str, body: str) -> int:
    """Send through every active channel; the number of channels that delivered."""
    sent = 0
    for channel in active_channels():
        if channel.send(recipient=recipient, subject=subject, body=body):
            sent += 1
    return sent


# --- tasks: arguments are ids and an encrypted link, never personal data ----------------------


@task()
def notify_reporter(case_id: int, kind: str, sealed_link: str = "") -> int:
    """Tell the reporter about ``kind`` (receipt, answered, closed) on their own channels."""
    from pendopo.complaints.fields import decrypt
    from pendopo.complaints.models import Case

    case = Case.objects.filter(pk=case_id).first()
    if case is None or case.is_spam or case.personal_data_purged_at:
        return 0
    recipient = Recipient(
        name=case.reporter_name, email=case.reporter_email, phone=case.reporter_phone
    )
    link = decrypt(sealed_link) if sealed_link else ""
    subjects = {
        "receipt": _("Laporan %(n)s diterima"),
        "answered": _("Laporan %(n)s mendapat tindak lanjut"),
        "closed": _("Laporan %(n)s selesai"),
    }
    subject = subjects.get(kind, _("Kabar laporan %(n)s")) % {"n": case.tracking_number}
    lines = [
        _("Yth. %(name)s,") % {"name": case.reporter_name or _("Pelapor")},
        "",
        _("Nomor laporan: %(n)s") % {"n": case.tracking_number},
        _("Judul: %(s)s") % {"s": case.subject},
        _("Status: %(s)s") % {"s": case.get_status_display()},
    ]
    if link:
        lines += ["", _("Pantau dan balas laporan Anda di tautan pribadi ini:"), link]
        lines += [_("Jangan bagikan tautan ini kepada orang lain.")]
    return deliver(recipient=recipient, subject=subject, body="\n".join(lines))


@task()
def notify_agency(case_id: int, kind: str) -> int:
    """Tell the liaisons of the case's agency that a case was routed (or handed) to them."""
    from pendopo.complaints.models import Case

    case = Case.objects.select_related("agency").filter(pk=case_id).first()
    if case is None or case.agency is None:
        return 0
    subject = _("Laporan %(n)s diteruskan ke %(a)s") % {
        "n": case.tracking_number,
        "a": case.agency.name,
    }
    body = "\n".join(
        [
            _("Judul: %(s)s") % {"s": case.subject},
            _("Batas tindak lanjut: %(d)s") % {"d": case.due_on},
            _("Buka di admin: %(u)s")
            % {"u": f"{settings.WAGTAILADMIN_BASE_URL}/admin/pengaduan/{case.pk}/"},
        ]
    )
    return sum(
        deliver(recipient=Recipient(email=email), subject=subject, body=body)
        for email in liaison_emails(case.agency)
    )


def liaison_emails(agency) -> list[str]:
    return sorted(
        {
            liaison.user.email
            for liaison in agency.complaint_liaisons.select_related("user")
            if liaison.user.email and liaison.user.is_active
        }
    )


def after_commit(task_obj, *args) -> None:
    """Enqueue ``task_obj`` once the surrounding transaction commits (nothing on rollback)."""
    transaction.on_commit(lambda: task_obj.enqueue(*args))


@task()
def notify_digest(email: str, subject: str, body: str) -> int:
    """The daily overdue digest to one liaison (a staff address, not a reporter's)."""
    return deliver(recipient=Recipient(email=email), subject=subject, body=body)
