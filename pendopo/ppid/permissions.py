"""Who may do what in PPID, one predicate per action (used to hide a button and to refuse
the service call). Each PPID acts only on its own items and requests: a PPID Pelaksana on
its agency's, the PPID Utama on the regency-level ones (no agency), the atasan PPID on the
objections of its regency. Superusers may do everything."""

from __future__ import annotations

from django.db.models import Q

from pendopo.ppid.models import (
    InformationItem,
    InformationRequest,
    Objection,
    OfficeRole,
    PpidOffice,
)


def offices_of(user) -> list[PpidOffice]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_ppid_offices", None)
    if cached is None:
        cached = list(
            PpidOffice.objects.filter(group__in=user.groups.all()).select_related(
                "agency", "regency"
            )
        )
        user._ppid_offices = cached
    return cached


def is_ppid_staff(user) -> bool:
    return getattr(user, "is_superuser", False) or bool(offices_of(user))


def scope_q(user, *, agency_field: str = "agency", regency_field: str = "regency") -> Q:
    """Filter for the items/requests ``user`` handles (``Q(pk__in=[])`` when none)."""
    if user.is_superuser:
        return Q()
    query = Q(pk__in=[])
    for office in offices_of(user):
        if office.role == OfficeRole.PELAKSANA:
            query |= Q(**{agency_field: office.agency_id})
        elif office.role == OfficeRole.UTAMA:
            query |= Q(**{f"{agency_field}__isnull": True, regency_field: office.regency_id})
    return query


def _handles(user, *, agency_id, regency_id) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    for office in offices_of(user):
        if office.role == OfficeRole.PELAKSANA and agency_id == office.agency_id:
            return True
        is_utama = office.role == OfficeRole.UTAMA and office.regency_id == regency_id
        if is_utama and agency_id is None:
            return True
    return False


def can_manage_item(user, item: InformationItem) -> bool:
    return _handles(user, agency_id=item.agency_id, regency_id=item.regency_id)


def can_handle_request(user, request: InformationRequest) -> bool:
    """Process, extend, decide and deliver: the PPID the request is addressed to."""
    return _handles(user, agency_id=request.agency_id, regency_id=request.regency_id)


def can_answer_objection(user, objection: Objection) -> bool:
    """Only the atasan PPID of the request's regency answers an objection (Pasal 36)."""
    if getattr(user, "is_superuser", False):
        return True
    return any(
        office.role == OfficeRole.ATASAN and office.regency_id == objection.request.regency_id
        for office in offices_of(user)
    )


def can_record_dispute(user, objection: Objection) -> bool:
    return can_handle_request(user, objection.request) or can_answer_objection(user, objection)


def can_edit_report(user, regency_id) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return any(
        office.role == OfficeRole.UTAMA and office.regency_id == regency_id
        for office in offices_of(user)
    )
