"""Information requests: registration, processing, extension, the written notice, delivery."""

from __future__ import annotations

import datetime
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendopo.core.crypto import encrypt_bytes
from pendopo.core.errors import PermissionDeniedError
from pendopo.core.selectors import regency_time_zone
from pendopo.core.services import record_event
from pendopo.core.workflow import InvalidTransition, next_status
from pendopo.ppid import permissions, rules
from pendopo.ppid.errors import (
    ExtensionRefused,
    IncompleteAnswer,
    NumberUnavailable,
    RequestInvalid,
)
from pendopo.ppid.models import IdentityDocument, InformationRequest
from pendopo.ppid.services.deadlines import local_date, request_deadline
from pendopo.ppid.services.numbering import hash_code, new_access_code, next_number
from pendopo.ppid.states import (
    DECISION_ACTIONS,
    DECISIONS,
    NEEDS_EXEMPTION_GROUND,
    NEW,
    REQUEST_TRANSITIONS,
    Channel,
    ExemptionGround,
    ObtainMethod,
    ReceiveMethod,
    RequestAction,
    RequesterKind,
    RequestStatus,
)

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
DOCUMENT_TYPES = {"application/pdf", "image/jpeg", "image/png"}

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
    """The required fields of an online request (Perki 1/2021 form; PP 61/2010 Pasal 1 angka
    6; ``docs/rules.md``); returns field → message, empty when valid."""
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
        if upload.size > MAX_DOCUMENT_BYTES:  # type: ignore[attr-defined]
            errors[doc_kind] = _("Berkas paling besar 5 MB.")
        elif getattr(upload, "content_type", "") not in DOCUMENT_TYPES:
            errors[doc_kind] = _("Berkas harus PDF, JPG atau PNG.")
    return errors


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
    code for the receipt, and due date ``rules.ANSWER`` (10 hari kerja) after receipt in the
    regency's zone.

    ``data`` holds the form fields; ``documents`` ``(kind, uploaded file)`` pairs stored
    encrypted. The same ``submission_key`` twice returns the first request and ``None`` as
    code (a double tap makes one record). Raises RequestInvalid listing missing fields,
    NumberUnavailable when no number could be given.
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
    code = new_access_code()
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
    year = local_date(received_at, time_zone).year
    prefix = f"PPID-{regency.code.replace('.', '')}-{year}-"
    status = next_status(REQUEST_TRANSITIONS, NEW, RequestAction.SUBMIT)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                request = InformationRequest(
                    regency=regency,
                    agency=agency,
                    number=next_number(InformationRequest, prefix),
                    access_code_hash=hash_code(code),
                    submission_key=submission_key,
                    channel=channel,
                    is_proxy=bool(data.get("is_proxy")),
                    status=status,
                    received_at=received_at,
                    time_zone=time_zone,
                    is_demo=is_demo,
                    **fields,
                )
                request.due_on = request_deadline(request).due_on
                request.save()
                for kind, upload in documents:
                    _store_document(request, kind, upload)
                record_event(
                    obj=request,
                    kind="ppid_request_received",
                    actor=actor,
                    payload={
                        "to": status,
                        "due_on": request.due_on.isoformat(),
                        "rule": rules.ANSWER.basis,
                        "channel": channel,
                    },
                )
                return request, code
        except IntegrityError:
            if submission_key is not None:
                existing = InformationRequest.objects.filter(submission_key=submission_key).first()
                if existing is not None:
                    return existing, None
    raise NumberUnavailable(_("Nomor pendaftaran tidak dapat dibuat; coba lagi."))


def _store_document(request: InformationRequest, kind: str, upload) -> None:
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


def _move(request: InformationRequest, action: str, *, by, payload: dict | None = None) -> None:
    """Apply ``action`` through ``REQUEST_TRANSITIONS`` and leave one event."""
    source = request.status
    try:
        target = next_status(REQUEST_TRANSITIONS, source, action)
    except InvalidTransition:
        to = next(to for (_from, act), to in REQUEST_TRANSITIONS.items() if act == action)
        raise InvalidTransition(
            _("Permohonan berstatus “%(from)s” tidak dapat menjadi “%(to)s”.")
            % {"from": request.get_status_display(), "to": RequestStatus(to).label}
        ) from None
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
    """Mark a received request as being processed. Raises InvalidTransition otherwise."""
    request = _lock(request)
    _require(permissions.can_handle_request(by, request))
    _move(request, RequestAction.PROCESS, by=by)
    return request


@transaction.atomic
def extend_deadline(
    *, request: InformationRequest, by, days: int, reason: str
) -> InformationRequest:
    """Extend the answer deadline once by 1–``rules.EXTENSION`` (7) hari kerja with a written
    reason (UU 14/2008 Pasal 22(8)). Raises ExtensionRefused (second extension, too long, no
    reason) or InvalidTransition (already decided)."""
    request = _lock(request)
    _require(permissions.can_handle_request(by, request))
    if request.extension_days:
        raise ExtensionRefused(
            _("Jangka waktu hanya dapat diperpanjang satu kali (Pasal 22 ayat 8).")
        )
    limit = rules.EXTENSION.amount
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= limit:
        raise ExtensionRefused(
            _("Perpanjangan paling lama %(days)s hari kerja (Pasal 22 ayat 8).") % {"days": limit}
        )
    if not (reason or "").strip():
        raise ExtensionRefused(_("Perpanjangan wajib disertai alasan tertulis (Pasal 22 ayat 8)."))
    old_due = request.due_on
    request.extension_days = days
    request.extension_reason = reason.strip()
    request.extended_at = timezone.now()
    request.due_on = request_deadline(request).due_on
    _move(
        request,
        RequestAction.EXTEND,
        by=by,
        payload={
            "days": days,
            "reason": request.extension_reason,
            "due_from": old_due.isoformat(),
            "due_to": request.due_on.isoformat(),
            "rule": rules.EXTENSION.basis,
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
    that holds the information. Raises IncompleteAnswer otherwise, InvalidTransition when
    the request is already decided.
    """
    request = _lock(request)
    _require(permissions.can_handle_request(by, request))
    if decision not in DECISIONS:
        raise IncompleteAnswer(_("Jenis keputusan tidak dikenal."))
    if not (note or "").strip():
        raise IncompleteAnswer(_("Isi pemberitahuan tertulis wajib diisi."))
    if decision in NEEDS_EXEMPTION_GROUND:
        if exemption_ground not in ExemptionGround.values:
            raise IncompleteAnswer(_("Sebutkan dasar pengecualian menurut Pasal 17."))
        if not consequence_test.strip():
            raise IncompleteAnswer(_("Lampirkan uji konsekuensi atas informasi yang dikecualikan."))
    if decision == RequestStatus.PARTLY_GRANTED and not redacted_parts.strip():
        raise IncompleteAnswer(_("Sebutkan bagian informasi yang dihitamkan beserta alasannya."))
    if decision == RequestStatus.NOT_HELD and not holding_body.strip():
        raise IncompleteAnswer(_("Sebutkan badan publik yang menguasai informasi tersebut."))
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
        DECISION_ACTIONS[decision],
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
    """Record how and when the information or notice was delivered; the request is done.
    Raises IncompleteAnswer without a note, InvalidTransition before a decision."""
    request = _lock(request)
    _require(permissions.can_handle_request(by, request))
    if not (note or "").strip():
        raise IncompleteAnswer(_("Sebutkan cara penyampaian."))
    request.delivered_at = at or timezone.now()
    request.delivery_note = note.strip()[:255]
    _move(request, RequestAction.DELIVER, by=by, payload={"note": request.delivery_note})
    return request
