"""Document copying shared by core 0003 (Wagtail's documents into ``core.PortalDocument``) and
by the migrations that point ForeignKeys at the portal's model (news 0008, jdih 0005,
ppid 0003): going back to Wagtail's table must not leave a ForeignKey pointing at a document
only the portal's table holds. (A leading underscore keeps this module out of Django's
migration loader.)"""

from django.core.management.color import no_style


def copy_documents(source, target, schema_editor) -> int:
    """Copy every ``source`` document that ``target`` lacks (same id, title, file, upload date,
    collection, uploader, size and hash); move ``target``'s id sequence past the copies.
    ``source``/``target`` are historical document models. Returns how many were copied."""
    db = schema_editor.connection.alias
    present = set(target.objects.using(db).values_list("id", flat=True))
    originals = [
        document
        for document in source.objects.using(db).order_by("id").iterator()
        if document.id not in present
    ]
    target.objects.using(db).bulk_create(
        [
            target(
                id=document.id,
                title=document.title,
                file=document.file.name,
                uploaded_by_user_id=document.uploaded_by_user_id,
                collection_id=document.collection_id,
                file_size=document.file_size,
                file_hash=document.file_hash,
            )
            for document in originals
        ],
        batch_size=500,
    )
    # created_at is auto_now_add: bulk_create stamped "now", so put the real dates back.
    for document in originals:
        target.objects.using(db).filter(id=document.id).update(created_at=document.created_at)
    # PostgreSQL sequences do not follow inserts with explicit ids (SQLite's rowid does).
    connection = schema_editor.connection
    for statement in connection.ops.sequence_reset_sql(no_style(), [target]):
        with connection.cursor() as cursor:
            cursor.execute(statement)
    return len(originals)


def copy_documents_back(apps, schema_editor):
    """Reverse helper: copy into Wagtail's ``wagtaildocs_document`` every portal document it
    lacks, so the ForeignKeys moved back to it find every document they hold."""
    copy_documents(
        apps.get_model("core", "PortalDocument"),
        apps.get_model("wagtaildocs", "Document"),
        schema_editor,
    )
