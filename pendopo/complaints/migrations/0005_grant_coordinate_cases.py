"""Give ``complaints.coordinate_cases`` to the coordinators' group the demo created.

Until this migration ``permissions.is_coordinator`` keyed on the group's display name
"Koordinator Pengaduan (Diskominfo)"; from now on it keys on the permission, so the group that
had the role gets the permission once, here. Data only; reversing removes the grant.
"""

from django.db import migrations

GROUP = "Koordinator Pengaduan (Diskominfo)"


def _permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="complaints", model="case")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="coordinate_cases",
        defaults={"name": "Mengoordinasikan semua laporan warga (verifikasi, rujuk)"},
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.add(_permission(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(_permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0004_case_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
