"""Factories for provinces, regencies, districts, villages and the regions pages.

Codes start with ``Z`` so they never clash with Kemendagri's real codes in the demo database.
``RegencyFactory(code=settings.PENDOPO_REGENCY_CODE)`` gets or creates the installation's own
regency (the one whose complaint tracking numbers start with ``BWI``).
"""

from __future__ import annotations

import factory

from pendopo.core.tests.factories import PageFactory
from pendopo.regions.models import (
    District,
    DistrictIndexPage,
    GeographyPage,
    Province,
    Regency,
    RegencyKind,
    Village,
    VillageKind,
)

_CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: "Z" + _CODE_CHARS[n % len(_CODE_CHARS)])
    name = factory.Sequence(lambda n: f"Provinsi Uji {n}")


class RegencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"Z{n % 10_000:04d}")
    province = factory.SubFactory(ProvinceFactory)
    name = factory.Sequence(lambda n: f"Kabupaten Uji {n}")
    kind = RegencyKind.KABUPATEN


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"Z{n % 10_000_000:07d}")
    regency = factory.SubFactory(RegencyFactory)
    name = factory.Sequence(lambda n: f"Kecamatan Uji {n}")
    slug = factory.Sequence(lambda n: f"kecamatan-uji-{n}")


class VillageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Village
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"Z{n:012d}")
    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"Desa Uji {n}")
    kind = VillageKind.DESA

    class Params:
        kelurahan = factory.Trait(kind=VillageKind.KELURAHAN)


class GeographyPageFactory(PageFactory):
    class Meta:
        model = GeographyPage

    title = "Geografi"


class DistrictIndexPageFactory(PageFactory):
    class Meta:
        model = DistrictIndexPage

    title = "Kecamatan"
