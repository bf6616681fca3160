"""One attachment mechanism for announcements: the old single ``attachment`` field becomes the
first item of the ``attachments`` list (same document, empty display title), then goes.

The page's revisions are rewritten the same way, so the edit form (which loads the latest
revision) and "compare"/"revert" see the moved attachment and publishing never drops it.
Backwards: the first list item becomes the single attachment again and leaves the list.
Plain ORM work: runs on SQLite and PostgreSQL alike.
"""

from django.db import migrations


def _announcement_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="news", model="announcementpage").first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type=content_type).order_by("pk")


def single_into_list(apps, schema_editor):
    AnnouncementPage = apps.get_model("news", "AnnouncementPage")
    AnnouncementAttachment = apps.get_model("news", "AnnouncementAttachment")
    moved = {}  # page id -> (document id, new attachment pk)
    for page in AnnouncementPage.objects.exclude(attachment=None).only("pk", "attachment_id"):
        for position, item in enumerate(
            AnnouncementAttachment.objects.filter(page_id=page.pk).order_by("sort_order", "pk"),
            start=1,
        ):
            item.sort_order = position
            item.save(update_fields=["sort_order"])
        first = AnnouncementAttachment.objects.create(
            page_id=page.pk, document_id=page.attachment_id, title="", sort_order=0
        )
        moved[page.pk] = (page.attachment_id, first.pk)
    # Every revision: a draft may hold an attachment that the live version has not.
    for revision in _announcement_revisions(apps):
        content = dict(revision.content or {})
        if "attachment" not in content:
            continue
        document_id = content.pop("attachment")
        if document_id:
            page_id = int(revision.object_id)
            live_document, new_pk = moved.get(page_id, (None, None))
            items = [dict(i, sort_order=n) for n, i in enumerate(content.get("attachments") or [], 1)]
            first = {
                "pk": new_pk if live_document == document_id else None,
                "page": page_id,
                "document": document_id,
                "title": "",
                "sort_order": 0,
            }
            content["attachments"] = [first, *items]
        revision.content = content
        revision.save(update_fields=["content"])


def list_into_single(apps, schema_editor):
    AnnouncementPage = apps.get_model("news", "AnnouncementPage")
    AnnouncementAttachment = apps.get_model("news", "AnnouncementAttachment")
    for page in AnnouncementPage.objects.only("pk"):
        first = (
            AnnouncementAttachment.objects.filter(page_id=page.pk)
            .order_by("sort_order", "pk")
            .first()
        )
        if first is None:
            continue
        AnnouncementPage.objects.filter(pk=page.pk).update(attachment_id=first.document_id)
        first.delete()
    for revision in _announcement_revisions(apps):
        content = dict(revision.content or {})
        items = sorted(
            content.get("attachments") or [], key=lambda i: (i.get("sort_order") or 0)
        )
        content["attachment"] = items[0]["document"] if items else None
        content["attachments"] = items[1:]
        revision.content = content
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0005_indonesian_field_names"),
        ("wagtailcore", "0079_rename_taskstate_page_revision"),
    ]

    operations = [
        migrations.RunPython(single_into_list, list_into_single),
        migrations.RemoveField(model_name="announcementpage", name="attachment"),
    ]
