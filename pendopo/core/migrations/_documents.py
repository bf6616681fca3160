"""Shared by the migrations that point ForeignKeys at ``core.PortalDocument`` (news 0008,
jdih 0005, ppid 0003): going back to Wagtail's document table must not leave a ForeignKey
pointing at a document that only the portal's table holds. (A leading underscore keeps this
module out of Django's migration loader.)"""


def copy_documents_back(apps, schema_editor):
    """Reverse helper: copy into ``wagtaildocs_document`` every portal document it lacks
    (same id, title, file, dates, collection, uploader, size and hash)."""
    OldDocument = apps.get_model("wagtaildocs", "Document")
    PortalDocument = apps.get_model("core", "PortalDocument")
    db = schema_editor.connection.alias
    present = set(OldDocument.objects.using(db).values_list("id", flat=True))
    missing = [
        OldDocument(
            id=document.id,
            title=document.title,
            file=document.file.name,
            uploaded_by_user_id=document.uploaded_by_user_id,
            collection_id=document.collection_id,
            file_size=document.file_size,
            file_hash=document.file_hash,
        )
        for document in PortalDocument.objects.using(db).order_by("id").iterator()
        if document.id not in present
    ]
    OldDocument.objects.using(db).bulk_create(missing, batch_size=500)
    for document in missing:  # created_at is auto_now_add: put the real dates back
        created = PortalDocument.objects.using(db).get(id=document.id).created_at
        OldDocument.objects.using(db).filter(id=document.id).update(created_at=created)

    from django.core.management.color import no_style

    connection = schema_editor.connection
    for statement in connection.ops.sequence_reset_sql(no_style(), [OldDocument]):
        with connection.cursor() as cursor:
            cursor.execute(statement)
