"""Every PPID write: one service per status change, each leaving one event in its transaction.

Deadlines come only from ``pendopo.core.calendar`` (UU 14/2008 Pasal 22, 36, 37).
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
import uuid
import zoneinfo

from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendopo.core.calendar import get_calendar
from pendopo.core.errors import DomainError, PermissionDeniedError
from pendopo.core.services import record_event
from pendopo.ppid import permissions
from pendopo.ppid.crypto import encrypt_bytes
from pendopo.ppid.models import (
    AnnualReport,
    Dispute,
    IdentityDocument,
    InformationItem,
    InformationRequest,
    Objection,
    OfficeRole,
    PpidOffice,
)
from pendopo.ppid.states import (
    DECISIONS,
    DISPUTE_TRANSITIONS,
    NEEDS_EXEMPTION_GROUND,
    OBJECTION_TRANSITIONS,
    REQUEST_TRANSITIONS,
    Category,
    Channel,
    DisputeOutcome,
    DisputeStatus,
    ExemptionGround,
    ObjectionGround,
    ObjectionStatus,
    ObtainMethod,
    ReceiveMethod,
    RequesterKind,
    RequestStatus,
    can_move,
)

ANSWER_WORKING_DAYS = 10  # UU 14/2008 Pasal 22(7)
MAX_EXTENSION_WORKING_DAYS = 7  # UU 14/2008 Pasal 22(8)
OBJECTION_FILING_WORKING_DAYS = 30  # UU 14/2008 Pasal 36(1)
OBJECTION_ANSWER_WORKING_DAYS = 30  # UU 14/2008 Pasal 36(2)
DISPUTE_FILING_WORKING_DAYS = 14  # UU 14/2008 Pasal 37(2)
BERKALA_MAX_AGE_MONTHS = 6  # UU 14/2008 Pasal 9
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
DOCUMENT_TYPES = {"application/pdf", "image/jpeg", "image/png"}

RULE_ANSWER = "UU 14/2008 Pasal 22(7)"
RULE_EXTENDED = "UU 14/2008 Pasal 22(7)–(8)"
RULE_OBJECTION_FILING = "UU 14/2008 Pasal 36(1)"
RULE_OBJECTION_ANSWER = "UU 14/2008 Pasal 36(2)"
RULE_DISPUTE = "UU 14/2008 Pasal 37(2)"


class RequestInvalid(DomainError):
    """A request misses required fields; ``errors`` maps field name → Indonesian message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(" ".join(errors.values()))


# --- Organisation ------------------------------------------------------------------------


UTAMA_GROUP = "PPID Utama (Diskominfo)"
ATASAN_GROUP = "Atasan PPID (Sekretaris Daerah)"


def pelaksana_group_name(agency) -> str:
    return f"PPID Pelaksana {agency.name}"[:150]


def _is_diskominfo(agency) -> bool:
    return agency.slug == "diskominfo" or "komunikasi" in agency.name.lower()


def _is_sekretariat_daerah(agency) -> bool:
    return agency.kind == "sekretariat" and agency.name.lower() == "sekretariat daerah"


@transaction.atomic
def ensure_ppid_offices(*, regency) -> dict[str, int]:
    """Give every agency of ``regency`` a PPID Pelaksana office and staff group; the PPID Utama
    at Diskominfo and the atasan PPID at the Sekretariat Daerah (Permendagri 3/2017).

    Idempotent. In a province installation group names carry the regency's name after the
    first regency so that two regencies never share a group. Returns counts by role.
    """
    from pendopo.agencies.models import Agency

    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    first = not PpidOffice.objects.exclude(regency=regency).exists()
    suffix = "" if first else f" — {regency.name}"
    counts = {"utama": 0, "pelaksana": 0, "atasan": 0}

    item_permissions = list(
        Permission.objects.filter(
            content_type__app_label="ppid",
            codename__in=[
                f"{verb}_informationitem" for verb in ("add", "change", "delete", "view")
            ],
        )
    )

    def office(agency, role, name):
        existing = PpidOffice.objects.filter(agency=agency, role=role).first()
        if existing is None:
            group, _created = Group.objects.get_or_create(name=(name + suffix)[:150])
            existing = PpidOffice.objects.create(
                regency=regency, agency=agency, role=role, group=group
            )
            counts[role] += 1
        existing.group.permissions.add(access)
        if role != OfficeRole.ATASAN:
            existing.group.permissions.add(*item_permissions)
        return existing

    for agency in Agency.objects.filter(regency=regency):
        office(agency, OfficeRole.PELAKSANA, pelaksana_group_name(agency))
        if _is_diskominfo(agency):
            office(agency, OfficeRole.UTAMA, UTAMA_GROUP)
        if _is_sekretariat_daerah(agency):
            office(agency, OfficeRole.ATASAN, ATASAN_GROUP)
    return counts


def regency_time_zone(regency) -> str:
    """The regency's zone from its SiteSettings (WIB when it has none)."""
    from pendopo.core.models import SiteSettings

    settings = SiteSettings.objects.filter(regency=regency).only("time_zone").first()
    return settings.time_zone if settings else "Asia/Jakarta"


def _local_start(day: datetime.date, time_zone: str) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zoneinfo.ZoneInfo(time_zone))


def _local_date(moment: datetime.datetime, time_zone: str) -> datetime.date:
    return moment.astimezone(zoneinfo.ZoneInfo(time_zone)).date()


# --- Information requests ------------------------------------------------------------------

REQUIRED_FIELDS = {
    "requester_name": _("Nama lengkap wajib diisi."),
    "identity_number": _("NIK atau nomor SK badan hukum wajib diisi."),
    "address": _("Alamat wajib diisi."),
    "topic": _("Pokok permohonan wajib diisi."),
    "details": _("Rincian informasi yang dibutuhkan wajib diisi."),
    "purpose": _("Tujuan penggunaan informasi wajib diisi."),
    "obtain_method": _("Pilih cara memperoleh informasi."),
    "receive_method": _("Pilih cara mendapatkan salinan informasi."),
    "requester_kind": _("Pilih jenis pemohon."),
}


def validate_request_data(data: dict, documents: list[tuple[str, object]]) -> dict[str, str]:
    """The required fields of docs/rules.md#ppid-request-fields; returns field → message."""
    errors: dict[str, str] = {}
    for name, message in REQUIRED_FIELDS.items():
        if not str(data.get(name) or "").strip():
            errors[name] = str(message)
    if not str(data.get("phone") or "").strip() and not str(data.get("email") or "").strip():
        errors["phone"] = _("Isi nomor telepon atau alamat e-mail.")
    kind = data.get("requester_kind")
    if kind and kind not in RequesterKind.values:
        errors["requester_kind"] = _("Jenis pemohon tidak dikenal.")
    identity = str(data.get("identity_number") or "").strip()
    if (
        kind == RequesterKind.PERSON
        and identity
        and not (identity.isdigit() and len(identity) == 16)
    ):
        errors["identity_number"] = _("NIK terdiri dari 16 angka.")
    if data.get("obtain_method") and data["obtain_method"] not in ObtainMethod.values:
        errors["obtain_method"] = _("Cara memperoleh informasi tidak dikenal.")
    if data.get("receive_method") and data["receive_method"] not in ReceiveMethod.values:
        errors["receive_method"] = _("Cara mendapatkan salinan tidak dikenal.")
    kinds = {kind for kind, _file in documents}
    if data.get("is_proxy") and IdentityDocument.Kind.POWER_OF_ATTORNEY not in kinds:
        errors["power_of_attorney"] = _("Permohonan melalui kuasa wajib melampirkan surat kuasa.")
    if kind == RequesterKind.LEGAL_ENTITY and IdentityDocument.Kind.DECREE not in kinds:
        errors["decree"] = _("Badan hukum wajib melampirkan SK pengesahan badan hukum.")
    for doc_kind, upload in documents:
        if upload.size > MAX_DOCUMENT_BYTES:
            errors[doc_kind] = _("Berkas paling besar 5 MB.")
        elif getattr(upload, "content_type", "") not in DOCUMENT_TYPES:
            errors[doc_kind] = _("Berkas harus PDF, JPG atau PNG.")
    return errors


def _hash_code(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def check_access_code(request: InformationRequest, code: str) -> bool:
    """True when ``code`` is the access code printed on the request's receipt."""
    return secrets.compare_digest(request.access_code_hash, _hash_code(code or ""))


def _next_number(model, prefix: str) -> str:
    last = (
        model.objects.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    sequence = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{sequence:05d}"


def request_deadline(request: InformationRequest, calendar=None):
    """The request's answer deadline, with the extension (Pasal 22(7)–(8))."""
    calendar = calendar or get_calendar()
    return calendar.deadline(
        request.received_at,
        working_days=request.total_working_days,
        rule=RULE_EXTENDED if request.extension_days else RULE_ANSWER,
        time_zone=request.time_zone,
    )


def submit_request(
    *,
    regency,
    agency,
    data: dict,
    documents: list[tuple[str, object]] | None = None,
    submission_key: uuid.UUID | None = None,
    channel: str = Channel.ONLINE,
    received_at: datetime.datetime | None = None,
    actor=None,
    is_demo: bool = False,
) -> tuple[InformationRequest, str | None]:
    """Register a request at once (UU 14/2008 Pasal 22(1)–(7)): registration number, access
    code for the receipt, and due date 10 hari kerja after receipt in the regency's zone.

    ``data`` holds the form fields; ``documents`` ``(kind, uploaded file)`` pairs stored
    encrypted. The same ``submission_key`` twice returns the first request and ``None`` as
    code (a double tap makes one record). Raises RequestInvalid listing missing fields.
    """
    documents = documents or []
    if submission_key is not None:
        existing = InformationRequest.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing, None
    errors = validate_request_data(data, documents)
    if agency is not None and agency.regency_id != regency.pk:
        errors["agency"] = _("Perangkat daerah tidak ditemukan.")
    if errors:
        raise RequestInvalid(errors)
    received_at = received_at or timezone.now()
    time_zone = regency_time_zone(regency)
    code = secrets.token_urlsafe(9)
    fields = {
        name: str(data.get(name) or "").strip()
        for name in (
            "requester_name",
            "identity_number",
            "occupation",
            "address",
            "phone",
            "email",
            "topic",
            "details",
            "purpose",
            "obtain_method",
            "receive_method",
            "requester_kind",
        )
    }
    year = _local_date(received_at, time_zone).year
    prefix = f"PPID-{regency.code.replace('.', '')}-{year}-"
    for _attempt in range(5):
        try:
            with transaction.atomic():
                request = InformationRequest(
                    regency=regency,
                    agency=agency,
                    number=_next_number(InformationRequest, prefix),
                    access_code_hash=_hash_code(code),
                    submission_key=submission_key,
                    channel=channel,
                    is_proxy=bool(data.get("is_proxy")),
                    received_at=received_at,
                    time_zone=time_zone,
                    is_demo=is_demo,
                    **fields,
                )
                request.due_on = request_deadline(request).due_on
                request.save()
                for kind, upload in documents:
                    upload.seek(0)
                    content = upload.read()
                    IdentityDocument.objects.create(
                        request=request,
                        kind=kind,
                        filename=str(getattr(upload, "name", kind))[-120:],
                        content_type=upload.content_type,
                        size=len(content),
                        encrypted=encrypt_bytes(content),
                    )
                record_event(
                    obj=request,
                    kind="ppid_request_received",
                    actor=actor,
                    payload={
                        "to": RequestStatus.RECEIVED,
                        "due_on": request.due_on.isoformat(),
                        "rule": RULE_ANSWER,
                        "channel": channel,
                    },
                )
                return request, code
        except IntegrityError:
            if submission_key is not None:
                existing = InformationRequest.objects.filter(submission_key=submission_key).first()
                if existing is not None:
                    return existing, None
    raise DomainError(_("Nomor pendaftaran tidak dapat dibuat; coba lagi."))


def _move(request: InformationRequest, target: str, *, by, payload: dict | None = None) -> None:
    if not can_move(REQUEST_TRANSITIONS, request.status, target):
        raise DomainError(
            _("Permohonan berstatus “%(from)s” tidak dapat menjadi “%(to)s”.")
            % {"from": request.get_status_display(), "to": RequestStatus(target).label}
        )
    source = request.status
    request.status = target
    request.save()
    record_event(
        obj=request,
        kind=f"ppid_request_{target}",
        actor=by,
        payload={"from": source, "to": target, **(payload or {})},
    )


def _lock(request: InformationRequest) -> InformationRequest:
    return InformationRequest.objects.select_for_update().get(pk=request.pk)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDeniedError(_("Anda tidak berwenang menangani permohonan ini."))


@transaction.atomic
def start_processing(*, request: InformationRequest, by) -> InformationRequest:
    """Mark a received request as being processed."""
    request = _lock(request)
    _require(permissions.can_handle_request(by, request))
    _move(request, RequestStatus.PROCESSING, by=by)
    return request


@transaction.atomic
def extend_deadline(
    *, request: InformationRequest, by, days: int, reason: str
) -> InformationRequest:
    """Extend the answer deadline once by 1–7 hari kerja with a written reason
    (UU 14/2008 Pasal 22(8)); a second extension is refused."""
    request = _lock(request)
    _require(permissions.can_handle_request(by, request))
    if request.extension_days:
        raise DomainError(_("Jangka waktu hanya dapat diperpanjang satu kali (Pasal 22 ayat 8)."))
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 7:
        raise DomainError(_("Perpanjangan paling lama 7 hari kerja (Pasal 22 ayat 8)."))
    if not (reason or "").strip():
        raise DomainError(_("Perpanjangan wajib disertai alasan tertulis (Pasal 22 ayat 8)."))
    old_due = request.due_on
    request.extension_days = days
    request.extension_reason = reason.strip()
    request.extended_at = timezone.now()
    request.due_on = request_deadline(request).due_on
    _move(
        request,
        RequestStatus.EXTENDED,
        by=by,
        payload={
            "days": days,
            "reason": request.extension_reason,
            "due_from": old_due.isoformat(),
            "due_to": request.due_on.isoformat(),
            "rule": "UU 14/2008 Pasal 22(8)",
        },
    )
    return request


@transaction.atomic
def decide_request(
    *,
    request: InformationRequest,
    by,
    decision: str,
    note: str,
    exemption_ground: str = "",
    consequence_test: str = "",
    redacted_parts: str = "",
    holding_body: str = "",
    at: datetime.datetime | None = None,
) -> InformationRequest:
    """Record the written notice (UU 14/2008 Pasal 22(7) a–f): one of the five decisions.

    ``dikabulkan_sebagian`` needs the redacted parts, a Pasal 17 ground and a consequence
    test; ``ditolak`` a Pasal 17 ground and a consequence test; ``tidak_dikuasai`` the body
    that holds the information. Raises DomainError otherwise.
    """
    request = _lock(request)
    _require(permissions.can_handle_request(by, request))
    if decision not in DECISIONS:
        raise DomainError(_("Jenis keputusan tidak dikenal."))
    if not (note or "").strip():
        raise DomainError(_("Isi pemberitahuan tertulis wajib diisi."))
    if decision in NEEDS_EXEMPTION_GROUND:
        if exemption_ground not in ExemptionGround.values:
            raise DomainError(_("Sebutkan dasar pengecualian menurut Pasal 17."))
        if not consequence_test.strip():
            raise DomainError(_("Lampirkan uji konsekuensi atas informasi yang dikecualikan."))
    if decision == RequestStatus.PARTLY_GRANTED and not redacted_parts.strip():
        raise DomainError(_("Sebutkan bagian informasi yang dihitamkan beserta alasannya."))
    if decision == RequestStatus.NOT_HELD and not holding_body.strip():
        raise DomainError(_("Sebutkan badan publik yang menguasai informasi tersebut."))
    request.decision = decision
    request.decided_at = at or timezone.now()
    request.decision_note = note.strip()
    keep_ground = decision in NEEDS_EXEMPTION_GROUND
    request.exemption_ground = exemption_ground if keep_ground else ""
    request.consequence_test = consequence_test.strip() if keep_ground else ""
    request.redacted_parts = (
        redacted_parts.strip() if decision == RequestStatus.PARTLY_GRANTED else ""
    )
    request.holding_body = holding_body.strip() if decision == RequestStatus.NOT_HELD else ""
    _move(
        request,
        decision,
        by=by,
        payload={
            "exemption_ground": request.exemption_ground,
            "due_on": request.due_on.isoformat(),
        },
    )
    return request


@transaction.atomic
def record_delivery(
    *, request: InformationRequest, by, note: str, at: datetime.datetime | None = None
) -> InformationRequest:
    """Record how and when the information or notice was delivered; the request is done."""
    request = _lock(request)
    _require(permissions.can_handle_request(by, request))
    if not (note or "").strip():
        raise DomainError(_("Sebutkan cara penyampaian."))
    request.delivered_at = at or timezone.now()
    request.delivery_note = note.strip()[:255]
    _move(request, RequestStatus.DONE, by=by, payload={"note": request.delivery_note})
    return request


# --- Objections and disputes ---------------------------------------------------------------


def objection_grounds(
    request: InformationRequest, *, now: datetime.datetime | None = None
) -> dict[str, datetime.datetime]:
    """Pasal 35(1) grounds open to the requester now, each with the moment it arose.

    An overdue, unanswered request enables ground (c) from the day after its due date; an
    answer given after the due date enables (g). A refusal or partial grant enables (a);
    any answer enables (b), (d), (e) and (f).
    """
    now = now or timezone.now()
    today = _local_date(now, request.time_zone)
    grounds: dict[str, datetime.datetime] = {}
    if request.decided_at is None:
        if today > request.due_on:
            grounds[ObjectionGround.C] = _local_start(
                request.due_on + datetime.timedelta(days=1), request.time_zone
            )
        return grounds
    decided_on = _local_date(request.decided_at, request.time_zone)
    if request.decision in NEEDS_EXEMPTION_GROUND:
        grounds[ObjectionGround.A] = request.decided_at
    for ground in (ObjectionGround.B, ObjectionGround.D, ObjectionGround.E, ObjectionGround.F):
        grounds[ground] = request.decided_at
    if decided_on > request.due_on:
        grounds[ObjectionGround.G] = request.decided_at
    return grounds


def objection_window(request: InformationRequest, ground: str, *, now=None, calendar=None):
    """The filing deadline for ``ground``: 30 hari kerja after it arose (Pasal 36(1)); None
    when the ground is not open."""
    arose = objection_grounds(request, now=now).get(ground)
    if arose is None:
        return None
    calendar = calendar or get_calendar()
    return calendar.deadline(
        arose,
        working_days=OBJECTION_FILING_WORKING_DAYS,
        rule=RULE_OBJECTION_FILING,
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
    request, within 30 hari kerja after it arose. The atasan's answer is due 30 hari kerja
    after receipt. Raises DomainError otherwise."""
    request = _lock(request)
    filed_at = filed_at or timezone.now()
    if ground not in ObjectionGround.values:
        raise DomainError(_("Pilih salah satu dari tujuh alasan keberatan Pasal 35 ayat 1."))
    if not (statement or "").strip():
        raise DomainError(_("Uraikan keberatan Anda."))
    calendar = get_calendar()
    window = objection_window(request, ground, now=filed_at, calendar=calendar)
    if window is None:
        raise DomainError(_("Alasan keberatan ini belum berlaku untuk permohonan Anda."))
    if _local_date(filed_at, request.time_zone) > window.due_on:
        raise DomainError(
            _("Keberatan hanya dapat diajukan paling lambat 30 hari kerja (Pasal 36 ayat 1).")
        )
    if request.objections.filter(status=ObjectionStatus.RECEIVED).exists():
        raise DomainError(_("Keberatan sebelumnya masih menunggu tanggapan atasan PPID."))
    due = calendar.deadline(
        filed_at,
        working_days=OBJECTION_ANSWER_WORKING_DAYS,
        rule=RULE_OBJECTION_ANSWER,
        time_zone=request.time_zone,
    )
    year = _local_date(filed_at, request.time_zone).year
    prefix = f"KBR-{request.regency.code.replace('.', '')}-{year}-"
    objection = Objection.objects.create(
        request=request,
        number=_next_number(Objection, prefix),
        ground=ground,
        statement=statement.strip(),
        filed_at=filed_at,
        due_on=due.due_on,
        is_demo=is_demo,
    )
    record_event(
        obj=objection,
        kind="ppid_objection_received",
        actor=actor,
        payload={
            "to": ObjectionStatus.RECEIVED,
            "ground": ground,
            "due_on": due.due_on.isoformat(),
        },
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
    decision requires written reasons."""
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    if not permissions.can_answer_objection(by, objection):
        raise PermissionDeniedError(_("Hanya atasan PPID yang dapat menanggapi keberatan."))
    target = ObjectionStatus.OVERRULED if overrule else ObjectionStatus.UPHELD
    if not can_move(OBJECTION_TRANSITIONS, objection.status, target):
        raise DomainError(_("Keberatan ini sudah ditanggapi."))
    if not overrule and not (reasons or "").strip():
        raise DomainError(_("Tanggapan yang menguatkan keputusan PPID wajib disertai alasan."))
    if not (atasan_name or "").strip():
        raise DomainError(_("Nama atasan PPID wajib diisi."))
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
    return _local_date(objection.answered_at, objection.request.time_zone) > objection.due_on


def dispute_window(objection: Objection, *, calendar=None):
    """The 14-hari-kerja window to take the objection to the Komisi Informasi (Pasal 37(2)):
    after the atasan's answer, or after its 30-day period lapsed unanswered. None before."""
    calendar = calendar or get_calendar()
    time_zone = objection.request.time_zone
    if objection.answered_at is not None:
        start = objection.answered_at
    else:
        start = _local_start(objection.due_on + datetime.timedelta(days=1), time_zone)
    return calendar.deadline(
        start, working_days=DISPUTE_FILING_WORKING_DAYS, rule=RULE_DISPUTE, time_zone=time_zone
    )


@transaction.atomic
def record_dispute(
    *, objection: Objection, by, registered_on: datetime.date, ki_number: str, is_demo=False
) -> Dispute:
    """Record that the requester took the objection to the Komisi Informasi, registered within
    14 hari kerja (UU 14/2008 Pasal 37(2))."""
    objection = Objection.objects.select_for_update().select_related("request").get(pk=objection.pk)
    if not permissions.can_record_dispute(by, objection):
        raise PermissionDeniedError(_("Anda tidak berwenang mencatat sengketa ini."))
    if Dispute.objects.filter(objection=objection).exists():
        raise DomainError(_("Sengketa untuk keberatan ini sudah dicatat."))
    if not (ki_number or "").strip():
        raise DomainError(_("Nomor register Komisi Informasi wajib diisi."))
    window = dispute_window(objection)
    today = _local_date(timezone.now(), objection.request.time_zone)
    if objection.answered_at is None and today <= objection.due_on:
        raise DomainError(_("Atasan PPID masih dalam jangka waktu 30 hari kerja untuk menanggapi."))
    if registered_on < window.received_on:
        raise DomainError(
            _("Tanggal registrasi sebelum keberatan ditanggapi atau jangka waktu habis.")
        )
    if registered_on > window.due_on:
        raise DomainError(
            _("Sengketa hanya dapat diajukan paling lambat 14 hari kerja (Pasal 37 ayat 2).")
        )
    dispute = Dispute.objects.create(
        objection=objection,
        registered_on=registered_on,
        ki_number=ki_number.strip(),
        is_demo=is_demo,
    )
    record_event(
        obj=dispute,
        kind="ppid_dispute_registered",
        actor=by,
        payload={"to": DisputeStatus.REGISTERED, "registered_on": registered_on.isoformat()},
    )
    return dispute


@transaction.atomic
def record_dispute_outcome(
    *, dispute: Dispute, by, outcome: str, note: str, decided_on: datetime.date
) -> Dispute:
    """Record the Komisi Informasi's outcome (mediation or adjudication)."""
    dispute = (
        Dispute.objects.select_for_update().select_related("objection__request").get(pk=dispute.pk)
    )
    if not permissions.can_record_dispute(by, dispute.objection):
        raise PermissionDeniedError(_("Anda tidak berwenang mencatat sengketa ini."))
    if not can_move(DISPUTE_TRANSITIONS, dispute.status, DisputeStatus.DECIDED):
        raise DomainError(_("Putusan sengketa ini sudah dicatat."))
    if outcome not in DisputeOutcome.values:
        raise DomainError(_("Pilih jenis putusan."))
    if decided_on < dispute.registered_on:
        raise DomainError(_("Tanggal putusan tidak boleh sebelum tanggal registrasi."))
    source = dispute.status
    dispute.status = DisputeStatus.DECIDED
    dispute.outcome = outcome
    dispute.outcome_note = (note or "").strip()
    dispute.decided_on = decided_on
    dispute.save()
    record_event(
        obj=dispute,
        kind="ppid_dispute_decided",
        actor=by,
        payload={"from": source, "to": DisputeStatus.DECIDED, "outcome": outcome},
    )
    return dispute


# --- Public information list ---------------------------------------------------------------


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months earlier (the 31st falls back to the month end)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def stale_cutoff(today: datetime.date) -> datetime.date:
    """Berkala items last updated before this date are stale (UU 14/2008 Pasal 9: 6 months)."""
    return months_before(today, BERKALA_MAX_AGE_MONTHS)


def flag_stale_berkala(now: datetime.datetime) -> str:
    """Periodic job: flag berkala items older than 6 months, unflag refreshed ones; one event
    per change. Idempotent."""
    flagged = cleared = 0
    with transaction.atomic():
        items = InformationItem.objects.filter(category=Category.BERKALA).select_related("regency")
        zones: dict[int, str] = {}
        for item in items:
            if item.regency_id not in zones:
                zones[item.regency_id] = regency_time_zone(item.regency)
            cutoff = stale_cutoff(_local_date(now, zones[item.regency_id]))
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
    Pasal 17 ground and a consequence test)."""
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


# --- Yearly report -------------------------------------------------------------------------


@transaction.atomic
def publish_annual_report(
    *, report: AnnualReport, by, at: datetime.datetime | None = None
) -> AnnualReport:
    """Publish the yearly report (Perki 1/2021 Pasal 56) and list it as setiap-saat
    information (UU 14/2008 Pasal 11(1)). Refused before the budget year has ended."""
    if not permissions.can_edit_report(by, report.regency_id):
        raise PermissionDeniedError(_("Hanya PPID Utama yang dapat menerbitkan laporan tahunan."))
    at = at or timezone.now()
    time_zone = regency_time_zone(report.regency)
    if _local_date(at, time_zone).year <= report.year:
        raise DomainError(_("Laporan tahunan diterbitkan setelah tahun anggaran berakhir."))
    empty = [name for name in AnnualReport.SECTIONS if not getattr(report, name).strip()]
    if empty:
        raise DomainError(_("Keenam bagian laporan wajib diisi sebelum diterbitkan."))
    report.published_at = at
    title = str(report)
    url = f"/ppid/laporan/{report.year}/"
    item = report.item or InformationItem(regency=report.regency, category=Category.SETIAP_SAAT)
    item.title = title
    item.summary = _(
        "Laporan layanan informasi publik tahun %(year)s, dengan rekap permohonan, "
        "keberatan dan sengketa."
    ) % {"year": report.year}
    item.holding_unit = "PPID Utama"
    item.responsible_person = "PPID Utama"
    item.production = f"{_local_date(at, time_zone):%Y}, {report.regency.name}"
    item.formats = "softcopy"
    item.retention = "Permanen"
    item.external_url = url
    item.last_updated_on = _local_date(at, time_zone)
    item.published_at = at
    item.save()
    report.item = item
    report.save()
    record_event(
        obj=report,
        kind="ppid_report_published",
        actor=by,
        payload={
            "year": report.year,
            "late": _local_date(at, time_zone) > report.due_on,
            "url": url,
        },
    )
    return report
