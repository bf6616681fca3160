"""Sengketa at the Komisi Informasi: the filing window, registration and outcome (Pasal 37–38)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendopo.core.calendar import Deadline, WorkingDayCalendar, get_calendar
from pendopo.core.errors import PermissionDeniedError
from pendopo.core.services import record_event
from pendopo.core.workflow import InvalidTransition, next_status
from pendopo.ppid import permissions, rules
from pendopo.ppid.errors import DeadlinePassed, IncompleteAnswer, WindowNotOpen
from pendopo.ppid.models import Dispute, Objection
from pendopo.ppid.services.deadlines import local_date, local_start
from pendopo.ppid.states import (
    DISPUTE_TRANSITIONS,
    NEW,
    DisputeAction,
    DisputeOutcome,
)


def dispute_window(objection: Objection, *, calendar: WorkingDayCalendar | None = None) -> Deadline:
    """The ``rules.DISPUTE_FILING`` (14) hari kerja window to take the objection to the Komisi
    Informasi (Pasal 37(2)): after the atasan's answer, or after its 30-day period lapsed
    unanswered."""
    calendar = calendar or get_calendar()
    time_zone = objection.request.time_zone
    if objection.answered_at is not None:
        start = objection.answered_at
    else:
        start = local_start(objection.due_on + datetime.timedelta(days=1), time_zone)
    return calendar.deadline(
        start,
        working_days=rules.DISPUTE_FILING.amount,
        rule=rules.DISPUTE_FILING.basis,
        time_zone=time_zone,
    )


@transaction.atomic
def record_dispute(
    *, objection: Objection, by, registered_on: datetime.date, ki_number: str, is_demo=False
) -> Dispute:
    """Record that the requester took the objection to the Komisi Informasi, registered within
    ``rules.DISPUTE_FILING`` (14) hari kerja (UU 14/2008 Pasal 37(2)).

    Raises InvalidTransition (already recorded), IncompleteAnswer (no KI number) or
    DeadlinePassed (outside the window, or the atasan's 30 days still running).
    """
    objection = Objection.objects.select_for_update().select_related("request").get(pk=objection.pk)
    if not permissions.can_record_dispute(by, objection):
        raise PermissionDeniedError(_("Anda tidak berwenang mencatat sengketa ini."))
    existing = Dispute.objects.filter(objection=objection).first()
    try:
        status = next_status(
            DISPUTE_TRANSITIONS, existing.status if existing else NEW, DisputeAction.REGISTER
        )
    except InvalidTransition:
        raise InvalidTransition(_("Sengketa untuk keberatan ini sudah dicatat.")) from None
    if not (ki_number or "").strip():
        raise IncompleteAnswer(_("Nomor register Komisi Informasi wajib diisi."))
    window = dispute_window(objection)
    today = local_date(timezone.now(), objection.request.time_zone)
    if objection.answered_at is None and today <= objection.due_on:
        raise WindowNotOpen(
            _("Atasan PPID masih dalam jangka waktu %(days)s hari kerja untuk menanggapi.")
            % {"days": rules.OBJECTION_ANSWER.amount}
        )
    if registered_on < window.received_on:
        raise WindowNotOpen(
            _("Tanggal registrasi sebelum keberatan ditanggapi atau jangka waktu habis.")
        )
    if registered_on > window.due_on:
        raise DeadlinePassed(
            _("Sengketa hanya dapat diajukan paling lambat %(days)s hari kerja (Pasal 37 ayat 2).")
            % {"days": rules.DISPUTE_FILING.amount}
        )
    dispute = Dispute.objects.create(
        objection=objection,
        registered_on=registered_on,
        ki_number=ki_number.strip(),
        status=status,
        is_demo=is_demo,
    )
    record_event(
        obj=dispute,
        kind="ppid_dispute_registered",
        actor=by,
        payload={"to": status, "registered_on": registered_on.isoformat()},
    )
    return dispute


@transaction.atomic
def record_dispute_outcome(
    *, dispute: Dispute, by, outcome: str, note: str, decided_on: datetime.date
) -> Dispute:
    """Record the Komisi Informasi's outcome (mediation or adjudication). Raises
    InvalidTransition when already recorded, IncompleteAnswer on a bad outcome or date."""
    dispute = (
        Dispute.objects.select_for_update().select_related("objection__request").get(pk=dispute.pk)
    )
    if not permissions.can_record_dispute(by, dispute.objection):
        raise PermissionDeniedError(_("Anda tidak berwenang mencatat sengketa ini."))
    try:
        target = next_status(DISPUTE_TRANSITIONS, dispute.status, DisputeAction.DECIDE)
    except InvalidTransition:
        raise InvalidTransition(_("Putusan sengketa ini sudah dicatat.")) from None
    if outcome not in DisputeOutcome.values:
        raise IncompleteAnswer(_("Pilih jenis putusan."))
    if decided_on < dispute.registered_on:
        raise IncompleteAnswer(_("Tanggal putusan tidak boleh sebelum tanggal registrasi."))
    source = dispute.status
    dispute.status = target
    dispute.outcome = outcome
    dispute.outcome_note = (note or "").strip()
    dispute.decided_on = decided_on
    dispute.save()
    record_event(
        obj=dispute,
        kind="ppid_dispute_decided",
        actor=by,
        payload={"from": source, "to": target, "outcome": outcome},
    )
    return dispute
