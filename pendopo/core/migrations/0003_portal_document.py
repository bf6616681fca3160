"""The portal's own document model (keeps the uploaded file name) replaces Wagtail's.

Existing documents are copied with their ids, so every ForeignKey and StreamField chooser that
holds a document id keeps pointing at the same file; tags and the reference index follow.
Wagtail's table is left as it was; going back copies documents uploaded since into it. Afterwards run
``manage.py update_index`` so the admin search finds the documents again (docs/operations.md).
"""

import django.db.models.deletion
import modelsearch.index
import taggit.managers
import wagtail.models.media
from django.conf import settings
from django.db import migrations, models

from pendopo.core.migrations._documents import copy_documents, copy_documents_back


def copy_wagtail_documents(apps, schema_editor):
    """Wagtail's documents into the portal's table, then their tags and reference-index rows."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    db = schema_editor.connection.alias
    copied = copy_documents(
        apps.get_model("wagtaildocs", "Document"),
        apps.get_model("core", "PortalDocument"),
        schema_editor,
    )
    if not copied:
        return
    old_type, _ = ContentType.objects.using(db).get_or_create(
        app_label="wagtaildocs", model="document"
    )
    new_type, _ = ContentType.objects.using(db).get_or_create(
        app_label="core", model="portaldocument"
    )
    TaggedItem.objects.using(db).bulk_create(
        [
            TaggedItem(tag_id=item.tag_id, object_id=item.object_id, content_type_id=new_type.id)
            for item in TaggedItem.objects.using(db).filter(content_type_id=old_type.id)
        ]
    )
    ReferenceIndex.objects.using(db).filter(to_content_type_id=old_type.id).update(
        to_content_type_id=new_type.id
    )


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_calendar_override_and_event'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PortalDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=255, verbose_name='title')),
                ('file', models.FileField(upload_to='documents', verbose_name='file')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('file_size', models.PositiveBigIntegerField(editable=False, null=True, verbose_name='ukuran berkas')),
                ('file_hash', models.CharField(blank=True, editable=False, max_length=40, verbose_name='sidik berkas')),
                ('original_filename', models.CharField(blank=True, editable=False, help_text='Nama berkas saat diunggah; dipakai saat berkas diunduh.', max_length=255, verbose_name='nama berkas asli')),
                ('collection', models.ForeignKey(default=wagtail.models.media.get_root_collection_id, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.collection', verbose_name='collection')),
                ('tags', taggit.managers.TaggableManager(blank=True, help_text=None, through='taggit.TaggedItem', to='taggit.Tag', verbose_name='tags')),
                ('uploaded_by_user', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='uploaded by user')),
            ],
            options={
                'verbose_name': 'dokumen',
                'verbose_name_plural': 'dokumen',
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.RunPython(copy_wagtail_documents, copy_documents_back, elidable=False),
    ]
