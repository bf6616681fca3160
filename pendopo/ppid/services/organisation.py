"""Who is who in PPID: offices and staff groups of every agency (Permendagri 3/2017)."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from pendopo.agencies.models import Agency
from pendopo.ppid.models import OfficeRole, PpidOffice

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
