"""The portal's document model: Wagtail's documents are carried over by migration 0003."""

from __future__ import annotations

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from taggit.models import Tag, TaggedItem
from wagtail.documents import get_document_model
from wagtail.documents.models import Document as WagtailDocument
from wagtail.models import Collection, ReferenceIndex

from pendopo.core.models import PortalDocument

migration = importlib.import_module("pendopo.core.migrations.0003_portal_document")


def test_the_portal_document_is_wagtails_document_model():
    assert get_document_model() is PortalDocument


@pytest.mark.django_db
def test_migration_copies_wagtail_documents_with_ids_dates_tags_and_references():
    root = Collection.get_first_root_node()
    uploaded = timezone.make_aware(datetime.datetime(2024, 3, 5, 9, 30))
    old = WagtailDocument.objects.create(
        id=900001, title="Perbup 12/2024", file="documents/perbup_12_2024.pdf", collection=root
    )
    WagtailDocument.objects.filter(id=old.id).update(created_at=uploaded, file_size=1234)
    tag = Tag.objects.create(name="peraturan-uji", slug="peraturan-uji")
    old_type = ContentType.objects.get_for_model(WagtailDocument)
    TaggedItem.objects.create(tag=tag, content_type=old_type, object_id=old.id)
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    reference = ReferenceIndex.objects.create(
        content_type=page_type,
        base_content_type=page_type,
        object_id="1",
        to_content_type=old_type,
        to_object_id=str(old.id),
        model_path="body.1.value",
        content_path="body.1.value",
        content_path_hash=ReferenceIndex._get_content_path_hash("body.1.value"),
    )

    migration.copy_wagtail_documents(apps, SimpleNamespace(connection=connection))

    copy = PortalDocument.objects.get(id=900001)
    assert (copy.title, copy.file.name, copy.file_size) == (
        "Perbup 12/2024",
        "documents/perbup_12_2024.pdf",
        1234,
    )
    assert copy.created_at == uploaded
    assert copy.filename == "perbup_12_2024.pdf"  # no recorded upload name: the stored one
    assert list(copy.tags.names()) == ["peraturan-uji"]
    reference.refresh_from_db()
    assert reference.to_content_type == ContentType.objects.get_for_model(PortalDocument)
    # The next upload gets a fresh id (PostgreSQL's sequence was moved past the copies).
    fresh = PortalDocument.objects.create(title="Baru", file="documents/baru.pdf")
    assert fresh.id > 900001
