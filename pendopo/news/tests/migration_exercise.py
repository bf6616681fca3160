"""Exercise of migration news 0006 (one attachment list), run by
``tests/test_announcement_attachment_migration.py``: in the test's transaction on PostgreSQL,
in a subprocess against a copy of the test database on SQLite."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("news", "0005_indonesian_field_names")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


def exercise() -> dict:
    """Migrate news back to 0005, give two announcements a single attachment (one of them
    also a list item, and the single one in its latest revision), migrate forward, read,
    migrate back, read; return what was read (JSON-ready)."""
    if connection.vendor == "postgresql":
        # Row changes leave deferred FK checks pending, and PostgreSQL refuses ALTER TABLE
        # while any are: check each constraint at once instead.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("news")
    executor = _migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Page = old.get_model("news", "AnnouncementPage")
    Attachment = old.get_model("news", "AnnouncementAttachment")
    # At news 0005 the attachment ForeignKeys still point at Wagtail's document table
    # (news 0008 moves them to core.PortalDocument; going back copies the documents there).
    Document = old.get_model("wagtaildocs", "Document")
    Revision = old.get_model("wagtailcore", "Revision")
    document = Document.objects.order_by("pk").first()
    only_single = Page.objects.get(slug="contoh-pengumuman-1")
    both = Page.objects.get(slug="contoh-pengumuman-2")
    Attachment.objects.filter(page_id__in=[only_single.pk, both.pk]).delete()
    Attachment.objects.create(
        page_id=both.pk, document_id=document.pk, title="Daftar peserta (uji)", sort_order=0
    )
    for page in (only_single, both):
        Page.objects.filter(pk=page.pk).update(attachment_id=document.pk)
    revision = Revision.objects.get(pk=Page.objects.get(pk=both.pk).latest_revision_id)
    listed_item = {
        "pk": None,
        "page": both.pk,
        "document": document.pk,
        "title": "Daftar peserta (uji)",
        "sort_order": 0,
    }
    revision.content = {
        **revision.content,
        "attachment": document.pk,
        "attachments": [listed_item],
    }
    revision.save(update_fields=["content"])

    _migrate(latest)
    from pendopo.news.models import AnnouncementAttachment

    def listed(page_id):
        return [
            (a.document_id, a.title, a.sort_order)
            for a in AnnouncementAttachment.objects.filter(page_id=page_id).order_by("sort_order")
        ]

    from wagtail.models import Revision as CurrentRevision

    forward = {
        "only_single": listed(only_single.pk),
        "both": listed(both.pk),
        "revision": CurrentRevision.objects.get(pk=revision.pk).content,
    }

    executor = _migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Page = old.get_model("news", "AnnouncementPage")
    Attachment = old.get_model("news", "AnnouncementAttachment")
    backward = {
        "single": {
            p.slug: p.attachment_id for p in Page.objects.filter(pk__in=[only_single.pk, both.pk])
        },
        "both_list": list(Attachment.objects.filter(page_id=both.pk).values_list("title")),
        "revision_attachment": old.get_model("wagtailcore", "Revision")
        .objects.get(pk=revision.pk)
        .content.get("attachment"),
    }
    _migrate(latest)
    return {"document": document.pk, "forward": forward, "backward": backward}
