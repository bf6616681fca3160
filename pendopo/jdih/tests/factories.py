"""Factories for JDIH: document types, legal documents (pages) with a trait per legal status,
their attachments and relations.

A legal document's ``status`` is derived (``LegalDocumentPage.save`` resets it on a new page, and
the services write it with a queryset update after a relation). The traits put a document in a
status the same way, after the page is saved: ``LegalDocumentPageFactory(dicabut=True)``.
"""

from __future__ import annotations

import itertools
from typing import Any

import factory

from pendopo.core.tests.factories import PageFactory, PortalDocumentFactory
from pendopo.jdih.models import (
    DocumentType,
    JdihIndexPage,
    LegalDocumentAttachment,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from pendopo.jdih.states import LegalStatus, RelationKind


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ("abbreviation",)

    name = factory.Sequence(lambda n: f"Peraturan Uji {n}")
    abbreviation = factory.Sequence(lambda n: f"PERUJI{n}")


class JdihIndexPageFactory(PageFactory):
    class Meta:
        model = JdihIndexPage

    title = "JDIH"


class LegalDocumentPageFactory(PageFactory):
    """A document in force; traits ``diubah``, ``dicabut_sebagian`` and ``dicabut``."""

    class Meta:
        model = LegalDocumentPage

    document_type = factory.SubFactory(DocumentTypeFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    year = 2024
    title = factory.LazyAttribute(lambda o: f"{o.document_type.name} Nomor {o.number} Tahun 2024")
    legal_status = LegalStatus.BERLAKU

    class Params:
        diubah = factory.Trait(legal_status=LegalStatus.DIUBAH)
        dicabut_sebagian = factory.Trait(legal_status=LegalStatus.DICABUT_SEBAGIAN)
        dicabut = factory.Trait(legal_status=LegalStatus.DICABUT)

    @classmethod
    def _build(cls, model_class: type[Any], *args: Any, **kwargs: Any) -> Any:
        status = kwargs.pop("legal_status")
        page = super()._build(model_class, *args, **kwargs)
        page.status = status
        return page

    @classmethod
    def _create(cls, model_class: type[Any], *args: Any, **kwargs: Any) -> Any:
        status = kwargs.pop("legal_status")
        page = super()._create(model_class, *args, **kwargs)
        if status != page.status:
            model_class.objects.filter(pk=page.pk).update(status=status)
            page.status = status
        return page


class LegalDocumentAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalDocumentAttachment

    page = factory.SubFactory(LegalDocumentPageFactory)
    document = factory.SubFactory(PortalDocumentFactory)


class LegalDocumentRelationFactory(factory.django.DjangoModelFactory):
    """A raw relation row (the target's status is not re-derived: use the services for that)."""

    class Meta:
        model = LegalDocumentRelation

    source = factory.SubFactory(LegalDocumentPageFactory)
    target = factory.SubFactory(LegalDocumentPageFactory)
    kind = RelationKind.AMENDS


# Demo-database builder (kept from before the factories): a document under the regency's /jdih/.
_numbers = itertools.count(900)


def make_document(
    *, abbreviation: str = "Perda", year: int = 2020, title: str = "", publish=True, **fields
):
    """A legal document under the regency's /jdih/ (number unique per call); live, or a
    never-published draft with ``publish=False``."""
    index = JdihIndexPage.objects.get(url_path__endswith="/jdih/", depth=3)
    kind = DocumentType.objects.get(abbreviation=abbreviation)
    number = str(fields.pop("number", next(_numbers)))
    document = LegalDocumentPage(
        title=title or f"Dokumen Uji {number}",
        slug=f"uji-{abbreviation.lower()}-{number}-{year}",
        document_type=kind,
        number=number,
        year=year,
        teu="Indonesia. Kabupaten Banyuwangi",
        **fields,
    )
    if not publish:
        document.live = False
    index.add_child(instance=document)
    revision = document.save_revision()
    if publish:
        revision.publish()
    return LegalDocumentPage.objects.get(pk=document.pk)
