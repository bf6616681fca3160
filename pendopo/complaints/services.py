"""Every write on a case: one service per transition of ``states.TRANSITIONS``.

Deadlines come from the working-day calendar with the amounts of ``rules.py`` (SP4N-LAPOR!,
``docs/rules.md#complaints-verification`` and following): verification ``rules.VERIFY`` from
receipt, first follow-up ``rules.FOLLOW_UP`` from disposition, automatic closure
``rules.AUTO_CLOSE`` after a follow-up the reporter did not answer.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendopo.complaints import notifications, permissions, rules
from pendopo.complaints.abuse import SPAM_THRESHOLD
from pendopo.complaints.fields import encrypt
from pendopo.complaints.models import Attachment, Case, Message, MessageAuthor
from pendopo.complaints.states import Action, CaseStatus, next_status
from pendopo.core.calendar import get_calendar, zone_named
from pendopo.core.errors import InvalidInputError, PermissionDeniedError
from pendopo.core.rules import Rule
from pendopo.core.services import record_event

MAX_BODY = 5000  # characters of one message


@dataclass(frozen=True)
class Submission:
    case: Case
    token: str
    created: bool


def token_for(nonce: str) -> str:
    """The private follow-up token (256 bits) derived from the form's nonce: a retried POST
    gets the same token back without the token ever being stored in clear."""
    mac = hmac.new(
        settings.SECRET_KEY.encode(), b"pendopo.complaints.token:" + nonce.encode(), "sha256"
    )
    return base64.urlsafe_b64encode(mac.digest()).decode().rstrip("=")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _submission_key(nonce: str) -> str:
    return hashlib.sha256(b"submission:" + nonce.encode()).hexdigest()


def tracking_prefix(regency) -> str:
    """ "BWI" for the installation's first regency (PENDOPO_COMPLAINTS_TRACKING_PREFIX), else
    the first three letters of the regency's name without "Kabupaten"/"Kota"."""
    if regency.code == settings.PENDOPO_REGENCY_CODE:
        return settings.PENDOPO_COMPLAINTS_TRACKING_PREFIX
    short = regency.name.removeprefix("Kabupaten ").removeprefix("Kota ")
    return "".join(ch for ch in short.upper() if ch.isalpha())[:3] or "LPR"


def _next_tracking_number(regency, year: int) -> str:
    prefix = f"{tracking_prefix(regency)}-{year}-"
    last = (
        Case.objects.filter(tracking_number__startswith=prefix)
        .order_by("-tracking_number")
        .values_list("tracking_number", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:06d}"


def _start_clock(case: Case, *, at: datetime.datetime, rule: Rule, text: str) -> None:
    """Start the current step's clock: ``rule.amount`` working days from ``at``."""
    deadline = get_calendar().deadline(
        at, working_days=rule.amount, rule=text, time_zone=case.time_zone
    )
    case.step_started_at = at
    case.step_days = rule.amount
    case.step_rule = text
    case.due_on = deadline.due_on


def _stop_clock(case: Case) -> None:
    case.step_started_at = None
    case.step_days = None
    case.step_rule = ""
    case.due_on = None


def _move(case: Case, action: str, *, actor=None, **payload) -> str:
    """Apply ``action`` to ``case.status`` and record the event; returns the old status."""
    old = case.status
    case.status = next_status(old, action)
    record_event(
        obj=case,
        kind=f"complaints.{action}",
        actor=actor,
        payload={"from": old, "to": case.status, **payload},
    )
    return old


def _clean_text(value: str, *, field: str, limit: int = MAX_BODY) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInputError(_("%(field)s wajib diisi.") % {"field": field})
    if len(text) > limit:
        raise InvalidInputError(
            _("%(field)s paling panjang %(n)d karakter.") % {"field": field, "n": limit}
        )
    return text


@transaction.atomic
def submit_case(
    *,
    regency,
    nonce: str,
    kind: str,
    category,
    subject: str,
    body: str,
    reporter_name: str,
    reporter_phone: str = "",
    reporter_email: str = "",
    requested_agency=None,
    service=None,
    district=None,
    village=None,
    reference_path: str = "",
    is_anonymous: bool = False,
    is_confidential: bool = False,
    attachments=(),
    spam_score: int = 0,
    proof_of_work: bool = False,
    is_demo: bool = False,
    time_zone: str = "Asia/Jakarta",
    received_at: datetime.datetime | None = None,
    link_for=None,
) -> Submission:
    """Register a citizen's report and start the verification clock (``rules.VERIFY``).

    Idempotent on ``nonce`` (the form's signed key): a double tap or a retried POST returns
    the first case (``created=False``) with the same token. A ``spam_score`` of
    SPAM_THRESHOLD or more files it as spam: kept, not e-mailed, never public. ``link_for``
    turns the token into the absolute follow-up link for the receipt e-mail.
    """
    token = token_for(nonce)
    key = _submission_key(nonce)
    existing = Case.objects.filter(submission_key=key).first()
    if existing is not None:
        return Submission(case=existing, token=token, created=False)
    received_at = received_at or timezone.now()
    action = Action.SUBMIT_SPAM if spam_score >= SPAM_THRESHOLD else Action.SUBMIT
    for _attempt in range(5):
        case = Case(
            regency=regency,
            tracking_number=_next_tracking_number(
                regency, timezone.localtime(received_at, _zone(time_zone)).year
            ),
            kind=kind,
            category=category,
            subject=_clean_text(subject, field=_("Judul"), limit=200),
            body=_clean_text(body, field=_("Isi laporan")),
            requested_agency=requested_agency,
            service=service,
            district=district,
            village=village,
            reference_path=reference_path,
            reporter_name=reporter_name.strip(),
            reporter_phone=reporter_phone.strip(),
            reporter_email=reporter_email.strip(),
            is_anonymous=is_anonymous,
            is_confidential=is_confidential,
            is_demo=is_demo,
            received_at=received_at,
            time_zone=time_zone,
            submission_key=key,
            token_hash=hash_token(token),
            spam_score=spam_score,
            proof_of_work=proof_of_work,
            status=next_status(None, action),
        )
        if case.status == CaseStatus.RECEIVED:
            _start_clock(case, at=received_at, rule=rules.VERIFY, text=rules.VERIFY_TEXT)
        try:
            with transaction.atomic():
                case.save()
            break
        except IntegrityError:
            first = Case.objects.filter(submission_key=key).first()
            if first is not None:  # the same form, posted twice at once
                return Submission(case=first, token=token, created=False)
    else:  # pragma: no cover - five tracking-number races in a row
        raise InvalidInputError(_("Laporan belum tersimpan, silakan kirim ulang."))
    for upload in attachments:
        Attachment.objects.create(
            case=case,
            file=upload,
            original_name=upload.name[:150],
            content_type=upload.content_type,
            size=upload.size,
        )
    record_event(
        obj=case,
        kind=f"complaints.{action}",
        payload={"from": None, "to": case.status, "spam_score": spam_score},
    )
    if case.status == CaseStatus.RECEIVED and case.reporter_email:
        link = link_for(token) if link_for else ""
        notifications.after_commit(
            notifications.notify_reporter, case.pk, "receipt", encrypt(link) if link else ""
        )
    return Submission(case=case, token=token, created=True)


def _zone(name: str):

    return zone_named(name)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDeniedError(_("Anda tidak berwenang melakukan tindakan ini."))


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


@transaction.atomic
def verify_case(*, case: Case, by, agency, note: str = "", now=None) -> Case:
    """Verify and route to ``agency`` (disposisi); starts the ``rules.FOLLOW_UP`` clock."""
    _require(permissions.can_verify(by, case))
    if agency is None or agency.regency_id != case.regency_id:
        raise InvalidInputError(_("Pilih perangkat daerah tujuan di kabupaten/kota ini."))
    case = _locked(case)
    now = now or timezone.now()
    _move(case, Action.VERIFY, actor=by, agency=agency.slug, note=note[:500])
    case.agency = agency
    _start_clock(case, at=now, rule=rules.FOLLOW_UP, text=rules.FOLLOW_UP_TEXT)
    if case.follow_up_due_on is None:
        case.follow_up_due_on = case.due_on
    case.save()
    notifications.after_commit(notifications.notify_agency, case.pk, "assigned")
    return case


@transaction.atomic
def hold_case(*, case: Case, by, reason: str) -> Case:
    """Tunda: keep the case waiting (the verification clock keeps running)."""
    _require(permissions.can_verify(by, case))
    reason = _clean_text(reason, field=_("Alasan"), limit=500)
    case = _locked(case)
    _move(case, Action.HOLD, actor=by, reason=reason)
    case.save()
    return case


@transaction.atomic
def refer_case(*, case: Case, by, referral: str) -> Case:
    """Bukan wewenang: not this government's authority; the referral tells the reporter where
    to go (e.g. the police, a ministry, the province)."""
    _require(permissions.can_verify(by, case))
    referral = _clean_text(referral, field=_("Rujukan"), limit=1000)
    case = _locked(case)
    _move(case, Action.REFER, actor=by)
    case.referral = referral
    _stop_clock(case)
    case.closed_at = timezone.now()
    case.save()
    return case


@transaction.atomic
def archive_case(*, case: Case, by, reason: str) -> Case:
    _require(permissions.can_verify(by, case))
    reason = _clean_text(reason, field=_("Alasan"), limit=500)
    case = _locked(case)
    _move(case, Action.ARCHIVE, actor=by, reason=reason)
    _stop_clock(case)
    case.closed_at = timezone.now()
    case.save()
    return case


@transaction.atomic
def mark_spam(*, case: Case, by) -> Case:
    _require(permissions.can_verify(by, case))
    case = _locked(case)
    _move(case, Action.MARK_SPAM, actor=by)
    _stop_clock(case)
    case.save()
    return case


@transaction.atomic
def restore_case(*, case: Case, by) -> Case:
    """Not spam after all: back to verification, with a fresh ``rules.VERIFY`` clock from now."""
    _require(permissions.can_verify(by, case))
    case = _locked(case)
    _move(case, Action.RESTORE, actor=by)
    _start_clock(case, at=timezone.now(), rule=rules.VERIFY, text=rules.VERIFY_TEXT)
    case.save()
    return case


@transaction.atomic
def transfer_case(*, case: Case, by, agency, reason: str) -> Case:
    """Hand the case to another agency; the follow-up clock is NOT reset."""
    _require(permissions.can_answer(by, case))
    reason = _clean_text(reason, field=_("Alasan"), limit=500)
    if agency is None or agency.regency_id != case.regency_id or agency.pk == case.agency_id:
        raise InvalidInputError(_("Pilih perangkat daerah lain di kabupaten/kota ini."))
    case = _locked(case)
    previous = case.agency.slug if case.agency else None
    _move(case, Action.TRANSFER, actor=by, agency=agency.slug, previous=previous, reason=reason)
    case.agency = agency
    case.save()
    notifications.after_commit(notifications.notify_agency, case.pk, "transferred")
    return case


@transaction.atomic
def post_follow_up(*, case: Case, by, body: str, now=None) -> Case:
    """The agency's answer (tindak lanjut); starts the auto-close clock (``rules.AUTO_CLOSE``)."""
    _require(permissions.can_answer(by, case))
    body = _clean_text(body, field=_("Tindak lanjut"))
    case = _locked(case)
    now = now or timezone.now()
    _move(case, Action.FOLLOW_UP, actor=by, agency=case.agency.slug if case.agency else None)
    Message.objects.create(
        case=case,
        author_kind=MessageAuthor.AGENCY,
        author=by,
        agency=case.agency,
        body=body,
        created_at=now,
    )
    if case.first_answered_at is None:
        case.first_answered_at = now
    _start_clock(case, at=now, rule=rules.AUTO_CLOSE, text=rules.AUTO_CLOSE_TEXT)
    case.save()
    notifications.after_commit(notifications.notify_reporter, case.pk, "answered", "")
    return case


@transaction.atomic
def reply_as_reporter(*, case: Case, body: str, now=None) -> Case:
    """The reporter's reply; on an answered or closed case it reopens it with a new
    follow-up clock (``rules.FOLLOW_UP``). Refused on spam, archived or referred cases."""
    body = _clean_text(body, field=_("Balasan"))
    case = _locked(case)
    now = now or timezone.now()
    if case.status in (CaseStatus.ANSWERED, CaseStatus.CLOSED):
        _move(case, Action.REOPEN)
        case.closed_at = None
        _start_clock(case, at=now, rule=rules.FOLLOW_UP, text=rules.FOLLOW_UP_TEXT)
        notifications.after_commit(notifications.notify_agency, case.pk, "reopened")
    elif case.status not in (CaseStatus.RECEIVED, CaseStatus.ON_HOLD, CaseStatus.ASSIGNED):
        raise InvalidInputError(_("Laporan ini tidak dapat dibalas lagi."))
    Message.objects.create(case=case, author_kind=MessageAuthor.REPORTER, body=body, created_at=now)
    record_event(obj=case, kind="complaints.reporter_reply", payload={"status": case.status})
    case.save()
    return case


@transaction.atomic
def rate_answer(*, case: Case, score: int, comment: str = "") -> Case:
    """The reporter rates the answer 1–5; on an answered case this confirms and closes it."""
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise InvalidInputError(_("Nilai harus antara 1 dan 5."))
    if len(comment) > 1000:
        raise InvalidInputError(_("Komentar paling panjang 1000 karakter."))
    case = _locked(case)
    if case.status not in (CaseStatus.ANSWERED, CaseStatus.CLOSED):
        raise InvalidInputError(_("Penilaian dapat diberikan setelah ada tindak lanjut."))
    case.rating = score
    case.rating_comment = comment.strip()
    if case.status == CaseStatus.ANSWERED:
        _move(case, Action.CONFIRM, rating=score)
        _stop_clock(case)
        case.closed_at = timezone.now()
    else:
        record_event(obj=case, kind="complaints.rated", payload={"rating": score})
    case.save()
    return case


@transaction.atomic
def auto_close_case(*, case: Case, now=None) -> Case:
    """Selesai: ``rules.AUTO_CLOSE`` after a follow-up passed without a reply from the reporter."""
    case = _locked(case)
    _move(case, Action.AUTO_CLOSE, due_on=case.due_on.isoformat() if case.due_on else None)
    _stop_clock(case)
    case.closed_at = now or timezone.now()
    case.save()
    notifications.after_commit(notifications.notify_reporter, case.pk, "closed", "")
    return case


@transaction.atomic
def record_lapor_id(*, case: Case, by, lapor_tracking_id: str) -> Case:
    """Store the SP4N-LAPOR! Tracking ID when the case was forwarded there."""
    _require(permissions.can_verify(by, case))
    value = lapor_tracking_id.strip()
    if not value or len(value) > 40 or not all(ch.isalnum() or ch in "-/" for ch in value):
        raise InvalidInputError(_("Tracking ID SP4N-LAPOR! tidak sah."))
    case = _locked(case)
    case.lapor_tracking_id = value
    record_event(obj=case, kind="complaints.lapor_id", actor=by, payload={"id": value})
    case.save()
    return case


def log_personal_data_access(*, case: Case, by, purpose: str) -> None:
    """UU 27/2022: who looked at a reporter's contact details, when and why."""
    _require(permissions.can_view_personal_data(by, case))
    record_event(
        obj=case, kind="complaints.personal_data_viewed", actor=by, payload={"purpose": purpose}
    )


@transaction.atomic
def purge_personal_data(*, now=None, days: int | None = None) -> int:
    """Erase name, phone, e-mail and identity number of cases closed more than ``days``
    (PENDOPO_COMPLAINTS_RETENTION_DAYS) ago; attachments are deleted too. Returns the count."""
    now = now or timezone.now()
    days = settings.PENDOPO_COMPLAINTS_RETENTION_DAYS if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    from django.db.models import Q

    cases = Case.objects.filter(
        Q(closed_at__lt=cutoff) | Q(status=CaseStatus.SPAM, received_at__lt=cutoff),
        personal_data_purged_at__isnull=True,
    )
    count = 0
    for case in cases:
        for attachment in case.attachments.all():
            attachment.file.delete(save=False)
            attachment.delete()
        case.reporter_name = ""
        case.reporter_phone = ""
        case.reporter_email = ""
        case.reporter_id_number = ""
        case.personal_data_purged_at = now
        case.save()
        record_event(obj=case, kind="complaints.personal_data_purged", payload={"days": days})
        count += 1
    return count
