"""Recount every stored status from the relations whose source is live.

Before this, a draft (never published, or unpublished) amending or revoking document already
changed its target's status. The table is the one of ``pendopo.jdih.states`` at the time of
writing, copied so that the migration does not change when the app does.
"""

from django.db import migrations

STATUS_FROM_INCOMING = [
    ("mencabut", "dicabut"),
    ("mencabut_sebagian", "dicabut_sebagian"),
    ("mengubah", "diubah"),
]


def recount(apps, schema_editor):
    Document = apps.get_model("jdih", "LegalDocumentPage")
    Relation = apps.get_model("jdih", "LegalDocumentRelation")
    kinds: dict[int, set[str]] = {}
    for target_id, kind in Relation.objects.filter(source__live=True).values_list(
        "target_id", "kind"
    ):
        kinds.setdefault(target_id, set()).add(kind)
    for pk, current in Document.objects.values_list("pk", "status"):
        status = next(
            (s for kind, s in STATUS_FROM_INCOMING if kind in kinds.get(pk, set())), "berlaku"
        )
        if status != current:
            Document.objects.filter(pk=pk).update(status=status)


class Migration(migrations.Migration):
    dependencies = [("jdih", "0003_indonesian_field_names")]

    operations = [migrations.RunPython(recount, migrations.RunPython.noop)]
