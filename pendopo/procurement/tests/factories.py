"""Factories for procurement: work units, RUP plans, SPSE packages with a trait per package
status (ongoing, complete, cancelled), their tender stages, red flags and import runs.

    PackageFactory(complete=True)            # a finished tender with a winner and a contract
    StageFactory(package=p, position=2)      # one row of the tender schedule (jadwal tahapan)
"""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal

import factory

from pendopo.procurement.models import (
    ImportRun,
    Package,
    PackageKind,
    PackageStatus,
    Plan,
    RedFlag,
    Stage,
    WorkUnit,
)
from pendopo.regions.tests.factories import RegencyFactory

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
ANNOUNCED_AT = datetime.datetime(2025, 3, 3, 10, 0, tzinfo=WIB)


class WorkUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkUnit

    regency = factory.SubFactory(RegencyFactory)
    code = factory.Sequence(lambda n: f"9.99.0.00.0.00.{n:02d}.0000")
    name = factory.Sequence(lambda n: f"Satker Uji {n}")


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    regency = factory.SubFactory(RegencyFactory)
    rup_code = factory.Sequence(lambda n: str(90_000_000 + n))
    name = "Rehabilitasi jalan desa"
    budget_year = 2025
    pagu = Decimal("1000000000.00")


class PackageFactory(factory.django.DjangoModelFactory):
    """An ongoing tender announced on 3 March 2025; traits for the other SPSE statuses."""

    class Meta:
        model = Package

    regency = factory.SubFactory(RegencyFactory)
    kind = PackageKind.TENDER
    code = factory.Sequence(lambda n: str(90_000_000 + n))
    name = "Rehabilitasi jalan desa"
    budget_year = 2025
    pagu = Decimal("1000000000.00")
    hps = Decimal("900000000.00")
    procurement_type = "Pekerjaan Konstruksi"
    method = "Tender"
    status = PackageStatus.ONGOING
    announced_at = ANNOUNCED_AT
    lpse_url = "https://lpse.banyuwangikab.go.id/eproc4"

    class Params:
        non_tender = factory.Trait(kind=PackageKind.NON_TENDER, method="Pengadaan Langsung")
        complete = factory.Trait(
            status=PackageStatus.COMPLETE,
            finished_at=datetime.datetime(2025, 4, 14, 10, 0, tzinfo=WIB),
            bidders=5,
            supplier_code="123456",
            supplier_name="CV Maju Jaya",
            contract_value=Decimal("850000000.00"),
            awarded_on=datetime.date(2025, 4, 7),
        )
        cancelled = factory.Trait(
            status=PackageStatus.CANCELLED,
            closed_note="Tender gagal: tidak ada peserta yang lulus evaluasi.",
        )


class StageFactory(factory.django.DjangoModelFactory):
    """One tender stage; ``position`` n starts n days after the announcement and lasts a day."""

    class Meta:
        model = Stage

    package = factory.SubFactory(PackageFactory)
    position = factory.Sequence(lambda n: n % 30_000 + 1)
    name = factory.Sequence(lambda n: f"Tahap {n}")
    starts_at = factory.LazyAttribute(lambda o: ANNOUNCED_AT + datetime.timedelta(days=o.position))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(days=1))


class RedFlagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RedFlag

    package = factory.SubFactory(PackageFactory)
    code = factory.Sequence(lambda n: f"uji-{n}")
    detail = "Indikator uji."


class ImportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRun

    regency = factory.SubFactory(RegencyFactory)
    source = "tender"
    file_name = "tender.json"
