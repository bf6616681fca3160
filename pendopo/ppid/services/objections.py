"""Keberatan to the atasan PPID: open grounds, filing windows, the atasan's answer (Pasal 35–36)."""

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
from pendopo.ppid.errors import DeadlinePassed, GroundNotOpen, IncompleteAnswer, ObjectionPending
from pendopo.ppid.models import InformationRequest, Objection
from pendopo.ppid.services.deadlines import local_date, local_start
from pendopo.ppid.services.numbering import next_number
from pendopo.ppid.states import (
    NEEDS_EXEMPTION_GROUND,
    NEW,
    OBJECTION_TRANSITIONS,
    ObjectionAction,
    ObjectionGround,
)


def objection_grounds(
    request: InformationRequest, *, now: datetime.datetime | None = None
) -> dict[str, datetime.datetime]:
    """Pasal 35(1) grounds open to the requester now, each with the moment it arose.

    An overdue, unanswered request enables ground (c) from the day after its due date; an
    answer given after the due date enables (g). A refusal or partial grant enables (a);
    any answer enables (b), (d), (e) and (f).
    """
    now = now or timezone.now()
    today = local_date(now, request.time_zone)
    grounds: dict[str, datetime.datetime] = {}
    if request.decided_at is None:
        if today > request.due_on:
            grounds[ObjectionGround.C] = local_start(
                request.due_on + datetime.timedelta(days=1), request.time_zone
            )
        return grounds
    decided_on = local_date(request.decided_at, request.time_zone)
    if request.decision in NEEDS_EXEMPTION_GROUND:
        grounds[ObjectionGround.A] = request.decided_at
    for ground in (ObjectionGround.B, ObjectionGround.D, ObjectionGround.E, ObjectionGround.F):
        grounds[ground] = request.decided_at
    if decided_on > request.due_on:
        grounds[ObjectionGround.G] = request.decided_at
    return grounds


def objection_window(
    request: InformationRequest,
    ground: str,
    *,
    now: datetime.datetime | None = None,
    calendar: WorkingDayCalendar | None = None,
) -> Deadline | None:
    """The filing deadline for ``ground``: ``rules.OBJECTION_FILING`` (30) hari kerja after it
    arose (Pasal 36(1)); None when the ground is not open."""
    arose = objection_grounds(request, now=now).get(ground)
    if arose is None:
        return None
    calendar = calendar or get_calendar()
    return calendar.deadline(
        arose,
        working_days=rules.OBJECTION_FILING.amount,
        rule=rules.OBJECTION_FILING.basis,
        time_zone=request.time_zone,
    )


@transaction.atomic
def file_objection(
    *,
    request: InformationRequest,
    ground: str,
    statement: str,
    filed_at: datetime.datetime | None = None,
    actor=None,
    is_demo: bool = False,
) -> Objection:
    """File a keberatan (UU 14/2008 Pasal 35–36): one of the seven grounds, open for this
    request, within ``rules.OBJECTION_FILING`` (30) hari kerja after it arose. The atasan's
    answer is due ``rules.OBJECTION_ANSWER`` (30) hari kerja after receipt.

    Raises IncompleteAnswer (unknown ground, no statement), GroundNotOpen, DeadlinePassed or
    ObjectionPending (an earlier objection is unanswered).
    """
    request = InformationRequest.objects.select_for_update().get(pk=request.pk)
    filed_at = filed_at or timezone.now()
    if ground not in ObjectionGround.values:
        raise IncompleteAnswer(_("Pilih salah satu dari tujuh alasan keberatan Pasal 35 ayat 1."))
    if not (statement or "").strip():
        raise IncompleteAnswer(_("Uraikan keberatan Anda."))
    calendar = get_calendar()
    window = objection_window(request, ground, now=filed_at, calendar=calendar)
    if window is None:
        raise GroundNotOpen(_("Alasan keberatan ini belum berlaku untuk permohonan Anda."))
    if local_date(filed_at, request.time_zone) > window.due_on:
        raise DeadlinePassed(
            _("Keberatan hanya dapat diajukan paling lambat %(days)s hari kerja (Pasal 36 ayat 1).")
            % {"days": rules.OBJECTION_FILING.amount}
        )
    if request.objections.awaiting_answer().exists():
        raise ObjectionPending(_("Keberatan sebelumnya masih menunggu tanggapan atasan PPID."))
    due = calendar.deadline(
        filed_at,
        working_days=rules.OBJECTION_ANSWER.amount,
        rule=rules.OBJECTION_ANSWER.basis,
        time_zone=request.time_zone,
    )
    status = next_status(OBJECTION_TRANSITIONS, NEW, ObjectionAction.FILE)
    year = local_date(filed_at, request.time_zone).year
    prefix = f"KBR-{request.regency.code.replace('.', '')}-{year}-"
    objection = Objection.objects.create(
        request=request,
        number=next_number(Objection, prefix),
        ground=ground,
        statement=statement.strip(),
        filed_at=filed_at,
        due_on=due.due_on,
        status=status,
        is_demo=is_demo,
    )
    record_event(
        obj=objection,
        kind="ppid_objection_received",
        actor=actor,
        payload={"to": status, "ground": ground, "due_on": due.due_on.isoformat()},
    )
    record_event(
        obj=request,
        kind="ppid_objection_filed",
        actor=actor,
        payload={"objection": objection.number},
    )
    return objection


@transaction.atomic
def answer_objection(
    *,
    objection: Objection,
    by,
    overrule: bool,
    reasons: str,
    atasan_name: str,
    atasan_position: str,
    at: datetime.datetime | None = None,
) -> Objection:
    """The atasan PPID's written answer (UU 14/2008 Pasal 36(2)). Upholding the PPID's
    decision requires written reasons. Raises InvalidTransition when already answered,
    IncompleteAnswer without reasons or the atasan's name."""
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    if not permissions.can_answer_objection(by, objection):
        raise PermissionDeniedError(_("Hanya atasan PPID yang dapat menanggapi keberatan."))
    action = ObjectionAction.OVERRULE if overrule else ObjectionAction.UPHOLD
    try:
        target = next_status(OBJECTION_TRANSITIONS, objection.status, action)
    except InvalidTransition:
        raise InvalidTransition(_("Keberatan ini sudah ditanggapi.")) from None
    if not overrule and not (reasons or "").strip():
        raise IncompleteAnswer(_("Tanggapan yang menguatkan keputusan PPID wajib disertai alasan."))
    if not (atasan_name or "").strip():
        raise IncompleteAnswer(_("Nama atasan PPID wajib diisi."))
    source = objection.status
    objection.status = target
    objection.answered_at = at or timezone.now()
    objection.answer_reasons = (reasons or "").strip()
    objection.atasan_name = atasan_name.strip()
    objection.atasan_position = (atasan_position or "").strip()
    objection.save()
    record_event(
        obj=objection,
        kind=f"ppid_objection_{target}",
        actor=by,
        payload={"from": source, "to": target, "late": _is_late_answer(objection)},
    )
    return objection


def _is_late_answer(objection: Objection) -> bool:
    assert objection.answered_at is not None
    return local_date(objection.answered_at, objection.request.time_zone) > objection.due_on
