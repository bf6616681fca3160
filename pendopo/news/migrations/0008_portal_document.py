"""ForeignKeys to documents now point at the portal's own document model (core 0003).

Going back first copies the portal's documents into Wagtail's table (the last operation
runs first in reverse), so the old ForeignKeys find every document they hold."""

import django.db.models.deletion
from django.db import migrations, models

from pendopo.core.migrations._documents import copy_documents_back


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_portal_document'),
        ('news', '0007_gallery_video_thumbnail'),
    ]

    operations = [
        migrations.AlterField(
            model_name='announcementattachment',
            name='document',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.portaldocument', verbose_name='dokumen'),
        ),
        migrations.AlterField(
            model_name='downloaditem',
            name='document',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.portaldocument', verbose_name='dokumen'),
        ),
        migrations.RunPython(migrations.RunPython.noop, copy_documents_back),
    ]
