"""Small builders for procurement tests (the real files are used where the data matters).

They build with the factories of ``factories.py``; ``banyuwangi()`` gets or creates the
installation's regency, so they work with and without the demo database."""

from __future__ import annotations

import zoneinfo

from django.conf import settings

from pendopo.procurement.models import Package, WorkUnit
from pendopo.procurement.tests.factories import PackageFactory, WorkUnitFactory
from pendopo.regions.models import Regency
from pendopo.regions.tests.factories import ProvinceFactory, RegencyFactory

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def banyuwangi() -> Regency:
    return RegencyFactory(
        code=settings.PENDOPO_REGENCY_CODE,
        name="Kabupaten Banyuwangi",
        province=ProvinceFactory(code="35", name="Jawa Timur"),
    )


def make_package(**overrides) -> Package:
    """An ongoing tender of Rp1 miliar announced on 3 March 2025 (``PackageFactory``)."""
    regency = overrides.pop("regency", None) or banyuwangi()
    return PackageFactory(regency=regency, **overrides)


def make_unit(*, agency=None, code="1.02.0.00.0.00.02.0000", name="Dinas Kesehatan") -> WorkUnit:
    return WorkUnitFactory(regency=banyuwangi(), code=code, name=name, agency=agency)
