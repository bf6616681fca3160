"""Small builders for procurement tests (the real files are used where the data matters)."""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal

from pendopo.procurement.models import Package, PackageKind, PackageStatus, WorkUnit
from pendopo.regions.models import Regency

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
_counter = iter(range(10_000_000, 99_999_999))


def banyuwangi() -> Regency:
    return Regency.objects.get(code="35.10")


def make_package(**overrides) -> Package:
    regency = overrides.pop("regency", None) or banyuwangi()
    values = {
        "kind": PackageKind.TENDER,
        "code": str(next(_counter)),
        "name": "Rehabilitasi jalan desa",
        "budget_year": 2025,
        "pagu": Decimal("1000000000.00"),
        "hps": Decimal("900000000.00"),
        "procurement_type": "Pekerjaan Konstruksi",
        "method": "Tender",
        "status": PackageStatus.ONGOING,
        "announced_at": datetime.datetime(2025, 3, 3, 10, 0, tzinfo=WIB),
        "lpse_url": "https://lpse.banyuwangikab.go.id/eproc4",
    }
    values.update(overrides)
    return Package.objects.create(regency=regency, **values)


def make_unit(*, agency=None, code="1.02.0.00.0.00.02.0000", name="Dinas Kesehatan") -> WorkUnit:
    return WorkUnit.objects.create(regency=banyuwangi(), code=code, name=name, agency=agency)
