"""Reads of region data used by pages, loaders and other apps."""

from __future__ import annotations

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest

from pendopo.core.models import SiteSettings
from pendopo.regions.models import District, Regency, Village, VillageKind


def regency_for_request(request: HttpRequest | None) -> Regency | None:
    """The Regency configured in the current Site's SiteSettings, or None."""

    if request is None:
        return None
    settings = SiteSettings.for_request(request)
    return settings.regency


def districts_with_counts(regency: Regency) -> QuerySet[District]:
    """Kecamatan of ``regency`` with ``desa_count``, ``kelurahan_count`` and ``village_count``."""
    return (
        District.objects.filter(regency=regency)
        .annotate(
            desa_count=Count("villages", filter=Q(villages__kind=VillageKind.DESA)),
            kelurahan_count=Count("villages", filter=Q(villages__kind=VillageKind.KELURAHAN)),
            village_count=Count("villages"),
        )
        .order_by("code")
    )


def districts_by_name(regency: Regency | None) -> QuerySet[District]:
    """Kecamatan of ``regency`` in alphabetical order (none when the site has no regency)."""
    return (
        District.objects.filter(regency=regency).order_by("name")
        if regency
        else District.objects.none()
    )


def village_counts(regency: Regency) -> dict[str, int]:
    """``{"districts": n, "desa": n, "kelurahan": n, "villages": n}`` for one regency."""
    villages = Village.objects.filter(district__regency=regency)
    return {
        "districts": District.objects.filter(regency=regency).count(),
        "desa": villages.filter(kind=VillageKind.DESA).count(),
        "kelurahan": villages.filter(kind=VillageKind.KELURAHAN).count(),
        "villages": villages.count(),
    }


def villages_with_ambiguity(queryset: QuerySet[Village]) -> QuerySet[Village]:
    """Annotate ``same_name_count``: villages of the same regency that share the name.

    Three names occur twice in Banyuwangi (Karangrejo, Watukebo, Tamansari); a name with
    ``same_name_count > 1`` must always be shown with its kecamatan.
    """
    same_name = (
        Village.objects.filter(
            name__iexact=OuterRef("name"),
            district__regency_id=OuterRef("district__regency_id"),
        )
        .order_by()
        .values("district__regency_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.select_related("district").annotate(
        same_name_count=Coalesce(Subquery(same_name), 1)
    )


def villages_of(district: District) -> QuerySet[Village]:
    return villages_with_ambiguity(Village.objects.filter(district=district)).order_by("code")


def village_label(village: Village) -> str:
    """The name to show: with ", Kec. <kecamatan>" when the name is not unique in the regency."""
    count = getattr(village, "same_name_count", None)
    if count is None:
        count = Village.objects.filter(
            name__iexact=village.name, district__regency_id=village.district.regency_id
        ).count()
    if count > 1:
        return f"{village.name}, Kec. {village.district.name}"
    return village.name
