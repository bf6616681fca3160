"""Who may do what with a case: coordinators (Diskominfo) everything, liaisons their agency's.

A coordinator is a user holding the ``complaints.coordinate_cases`` permission (``Case.Meta``),
directly or through any group: the group's name plays no part, so renaming a group in the
admin changes nothing. A liaison is a user with a :class:`~pendopo.complaints.models.Liaison`
row for an agency.
"""

from __future__ import annotations

COORDINATE_CASES = "complaints.coordinate_cases"
"""Verify, hold, refer, archive, mark spam, record the LAPOR! ID, and see every case."""

COORDINATOR_GROUP = "Koordinator Pengaduan (Diskominfo)"
"""The display name of the group the demo (and migration 0005) gives COORDINATE_CASES to.
Never consulted to decide who may act."""


def is_coordinator(user) -> bool:
    """A superuser or a holder of :data:`COORDINATE_CASES` (own or through a group)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.has_perm(COORDINATE_CASES)


def liaison_agency_ids(user) -> set[int]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return set(user.complaint_liaisons.values_list("agency_id", flat=True))


def can_use_complaints_admin(user) -> bool:
    return is_coordinator(user) or bool(liaison_agency_ids(user))


def cases_visible_to(user):
    """Coordinators see every case; a liaison only the cases routed to their agencies."""
    from pendopo.complaints.models import Case

    if is_coordinator(user):
        return Case.objects.all()
    return Case.objects.filter(agency_id__in=liaison_agency_ids(user))


def can_view_case(user, case) -> bool:
    return is_coordinator(user) or case.agency_id in liaison_agency_ids(user)


def can_verify(user, case) -> bool:
    """Verify, hold, refer, archive, mark spam, record the LAPOR! ID: the coordinator."""
    return is_coordinator(user)


def can_answer(user, case) -> bool:
    """Post a follow-up or hand over: the liaison of the case's agency (or the coordinator)."""
    return is_coordinator(user) or (
        case.agency_id is not None and case.agency_id in liaison_agency_ids(user)
    )


def can_view_personal_data(user, case) -> bool:
    return can_view_case(user, case)
