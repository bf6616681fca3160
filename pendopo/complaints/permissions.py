"""Who may do what with a case: coordinators (Diskominfo) everything, liaisons their agency's."""

from __future__ import annotations

COORDINATOR_GROUP = "Koordinator Pengaduan (Diskominfo)"


def is_coordinator(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=COORDINATOR_GROUP).exists()


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
