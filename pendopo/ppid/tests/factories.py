"""Factories for PPID desks, the information list, requests, objections and disputes, with a
trait per status of a request (UU 14/2008 Pasal 22), an objection (Pasal 35–36) and a dispute.

The factories write rows directly (no event, no e-mail): use them to put a case *in* a state;
call ``pendopo.ppid.services`` to test how it *gets* there.

    InformationRequestFactory(refused=True)
    ObjectionFactory(upheld=True)
    DisputeFactory(decided=True)
"""

from __future__ import annotations

import datetime
import zoneinfo

import factory
from django.contrib.auth.models import Group

from pendopo.agencies.tests.factories import AgencyFactory
from pendopo.ppid.models import (
    AnnualReport,
    Format,
    IdentityDocument,
    InformationItem,
    InformationRequest,
    Objection,
    OfficeRole,
    PpidOffice,
)
from pendopo.ppid.models import Dispute as DisputeModel
from pendopo.ppid.states import (
    Category,
    DisputeOutcome,
    DisputeStatus,
    ExemptionGround,
    ObjectionGround,
    ObjectionStatus,
    ObtainMethod,
    ReceiveMethod,
    RequesterKind,
    RequestStatus,
)
from pendopo.regions.tests.factories import RegencyFactory

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
RECEIVED_AT = datetime.datetime(2026, 3, 16, 9, 0, tzinfo=WIB)  # a Monday
DECIDED_AT = datetime.datetime(2026, 3, 27, 10, 0, tzinfo=WIB)


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Grup uji {n}")


class PpidOfficeFactory(factory.django.DjangoModelFactory):
    """A PPID Pelaksana by default; ``utama`` and ``atasan`` traits for the other two desks."""

    class Meta:
        model = PpidOffice
        django_get_or_create = ("agency", "role")

    regency = factory.SubFactory(RegencyFactory)
    agency = factory.SubFactory(AgencyFactory, regency=factory.SelfAttribute("..regency"))
    role = OfficeRole.PELAKSANA
    group = factory.SubFactory(
        GroupFactory, name=factory.LazyAttribute(lambda g: f"PPID {g.factory_parent.agency.slug}")
    )

    class Params:
        utama = factory.Trait(role=OfficeRole.UTAMA)
        atasan = factory.Trait(role=OfficeRole.ATASAN)


class InformationItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformationItem

    regency = factory.SubFactory(RegencyFactory)
    category = Category.BERKALA
    title = factory.Sequence(lambda n: f"Informasi uji {n}")
    summary = "Ringkasan informasi."
    holding_unit = "Sekretariat"
    responsible_person = "Sekretaris"
    production = "2026, Banyuwangi"
    formats = Format.SOFT
    retention = "5 tahun"
    last_updated_on = datetime.date(2026, 1, 5)

    class Params:
        serta_merta = factory.Trait(category=Category.SERTA_MERTA)
        setiap_saat = factory.Trait(category=Category.SETIAP_SAAT)
        exempt = factory.Trait(
            category=Category.DIKECUALIKAN,
            exemption_ground=ExemptionGround.H,
            consequence_test="Membuka data ini mengungkap rahasia pribadi.",
        )


def _decided(status: str, **extra: object) -> factory.Trait:
    return factory.Trait(status=status, decision=status, decided_at=DECIDED_AT, **extra)


class InformationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformationRequest

    regency = factory.SubFactory(RegencyFactory)
    agency = factory.SubFactory(AgencyFactory, regency=factory.SelfAttribute("..regency"))
    number = factory.Sequence(lambda n: f"UJI/PPID/2026/{n:05d}")
    access_code_hash = factory.Sequence(lambda n: f"{n:064x}")
    requester_kind = RequesterKind.PERSON
    requester_name = "Siti Aminah"
    identity_number = "3510014101900001"
    address = "Jl. Ahmad Yani 1, Banyuwangi"
    topic = "Anggaran puskesmas 2025"
    details = "Rincian realisasi anggaran puskesmas tahun 2025"
    purpose = "Penelitian"
    obtain_method = ObtainMethod.COPY_SOFT
    receive_method = ReceiveMethod.EMAIL
    status = RequestStatus.RECEIVED
    received_at = RECEIVED_AT
    time_zone = "Asia/Jakarta"
    due_on = datetime.date(2026, 4, 6)

    class Params:
        processing = factory.Trait(status=RequestStatus.PROCESSING)
        extended = factory.Trait(
            status=RequestStatus.EXTENDED,
            extension_days=7,
            extension_reason="Informasi tersebar di beberapa unit.",
            extended_at=DECIDED_AT,
            due_on=datetime.date(2026, 4, 15),
        )
        granted = _decided(RequestStatus.GRANTED)
        partly_granted = _decided(
            RequestStatus.PARTLY_GRANTED,
            exemption_ground=ExemptionGround.H,
            consequence_test="Data pribadi pasien dihitamkan.",
            redacted_parts="Nama pasien",
        )
        refused = _decided(
            RequestStatus.REFUSED,
            exemption_ground=ExemptionGround.H,
            consequence_test="Membuka data ini mengungkap rahasia pribadi.",
        )
        not_held = _decided(RequestStatus.NOT_HELD, holding_body="Dinas Kesehatan Provinsi")
        not_documented = _decided(RequestStatus.NOT_DOCUMENTED)
        done = factory.Trait(
            granted=True,
            status=RequestStatus.DONE,
            delivered_at=DECIDED_AT,
            delivery_note="E-mail",
        )


class IdentityDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IdentityDocument

    request = factory.SubFactory(InformationRequestFactory)
    kind = IdentityDocument.Kind.IDENTITY
    filename = "ktp.jpg"
    content_type = "image/jpeg"
    size = 4
    encrypted = b"not-a-real-ciphertext"


class ObjectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objection

    request = factory.SubFactory(InformationRequestFactory, refused=True)
    number = factory.Sequence(lambda n: f"UJI/KEB/2026/{n:05d}")
    ground = ObjectionGround.A
    statement = "Pengecualian tidak berdasar."
    filed_at = datetime.datetime(2026, 3, 30, 9, 0, tzinfo=WIB)
    due_on = datetime.date(2026, 5, 15)
    status = ObjectionStatus.RECEIVED

    class Params:
        overruled = factory.Trait(
            status=ObjectionStatus.OVERRULED,
            answered_at=datetime.datetime(2026, 4, 20, 9, 0, tzinfo=WIB),
            answer_reasons="Informasi terbuka.",
        )
        upheld = factory.Trait(
            status=ObjectionStatus.UPHELD,
            answered_at=datetime.datetime(2026, 4, 20, 9, 0, tzinfo=WIB),
            answer_reasons="Pengecualian sah.",
        )


class DisputeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DisputeModel

    objection = factory.SubFactory(ObjectionFactory, upheld=True)
    registered_on = datetime.date(2026, 5, 4)
    ki_number = factory.Sequence(lambda n: f"KI/UJI/{n}")
    status = DisputeStatus.REGISTERED

    class Params:
        decided = factory.Trait(
            status=DisputeStatus.DECIDED,
            outcome=DisputeOutcome.MEDIATION,
            decided_on=datetime.date(2026, 6, 1),
        )


class AnnualReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualReport

    regency = factory.SubFactory(RegencyFactory)
    year = factory.Sequence(lambda n: 2000 + n % 90)
