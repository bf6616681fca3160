"""Factories for complaint cases and what hangs on them, with a trait per case status.

``CaseFactory`` writes the row directly (no event, no e-mail): use it to put a case *in* a state.
To test how a case *gets* there, call the service (``services.submit_case``, ``verify_case``…).

    CaseFactory(assigned=True)   # routed to an agency, follow-up clock running
    CaseFactory(closed=True)
"""

from __future__ import annotations

import datetime
import zoneinfo

import factory

from pendopo.agencies.tests.factories import AgencyFactory
from pendopo.complaints.models import (
    Attachment,
    Case,
    CaseKind,
    Category,
    DigestSent,
    Liaison,
    Message,
    MessageAuthor,
    SavedReply,
)
from pendopo.complaints.states import CaseStatus
from pendopo.core.tests.factories import UserFactory
from pendopo.regions.tests.factories import RegencyFactory

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
RECEIVED_AT = datetime.datetime(2026, 3, 16, 9, 0, tzinfo=WIB)  # a Monday


class CategoryFactory(factory.django.DjangoModelFactory):
    """Gets or creates by slug (``CategoryFactory(slug="kesehatan", agency_slug="dinkes")``)."""

    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"kategori-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    regency = factory.SubFactory(RegencyFactory)
    tracking_number = factory.Sequence(lambda n: f"UJI-2026-{n:06d}")
    kind = CaseKind.COMPLAINT
    category = factory.SubFactory(CategoryFactory)
    subject = "Antrean puskesmas"
    body = "Antrean terlalu lama."
    reporter_name = "Siti Aminah"
    reporter_phone = "081234567890"
    reporter_email = "siti@example.org"
    received_at = RECEIVED_AT
    submission_key = factory.Sequence(lambda n: f"{n:064x}")
    token_hash = factory.Sequence(lambda n: f"{n + 1:064x}"[::-1])
    status = CaseStatus.RECEIVED
    step_started_at = RECEIVED_AT
    step_days = 3
    due_on = datetime.date(2026, 3, 26)

    class Params:
        on_hold = factory.Trait(status=CaseStatus.ON_HOLD, step_days=None, due_on=None)
        assigned = factory.Trait(
            status=CaseStatus.ASSIGNED,
            agency=factory.SubFactory(AgencyFactory, regency=factory.SelfAttribute("..regency")),
            step_days=5,
            due_on=datetime.date(2026, 3, 31),
            follow_up_due_on=datetime.date(2026, 3, 31),
        )
        answered = factory.Trait(
            assigned=True,
            status=CaseStatus.ANSWERED,
            first_answered_at=datetime.datetime(2026, 3, 30, 10, tzinfo=WIB),
            step_days=10,
            due_on=datetime.date(2026, 4, 13),
        )
        closed = factory.Trait(
            answered=True,
            status=CaseStatus.CLOSED,
            closed_at=datetime.datetime(2026, 4, 13, 10, tzinfo=WIB),
            step_days=None,
            due_on=None,
        )
        referred = factory.Trait(
            status=CaseStatus.REFERRED,
            referral="Wewenang pemerintah provinsi.",
            step_days=None,
            due_on=None,
        )
        archived = factory.Trait(status=CaseStatus.ARCHIVED, step_days=None, due_on=None)
        spam = factory.Trait(status=CaseStatus.SPAM, spam_score=90, step_days=None, due_on=None)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    case = factory.SubFactory(CaseFactory)
    author_kind = MessageAuthor.REPORTER
    body = "Mohon ditindaklanjuti."
    created_at = RECEIVED_AT


class AttachmentFactory(factory.django.DjangoModelFactory):
    """Writes to ``PENDOPO_COMPLAINTS_PRIVATE_ROOT``: point it at ``tmp_path`` in the test."""

    class Meta:
        model = Attachment

    case = factory.SubFactory(CaseFactory)
    file = factory.django.FileField(filename="foto.jpg", data=b"\xff\xd8\xff\xd9")
    original_name = "foto.jpg"
    content_type = "image/jpeg"
    size = 4


class LiaisonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Liaison

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)


class SavedReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedReply

    title = factory.Sequence(lambda n: f"Jawaban baku {n}")
    body = "Terima kasih atas laporan Anda."


class DigestSentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DigestSent

    agency = factory.SubFactory(AgencyFactory)
    on = datetime.date(2026, 3, 17)
