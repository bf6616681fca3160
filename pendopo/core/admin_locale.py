"""Indonesian names for the records Wagtail creates in English on a fresh install (issue 9).

Wagtail's migrations create the groups "Moderators" and "Editors" and the workflow and task
"Moderators approval"; editors then read "Pengajuan ke Moderators approval" on every page.
:func:`localize_admin_defaults` renames them once; it never touches a record an
administrator has already renamed, so it is safe to run on every deploy.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

# Wagtail's English default -> Pendopo's Indonesian name (docs/istilah-admin.md).
GROUP_NAMES = {"Moderators": _("Moderator"), "Editors": _("Editor")}
WORKFLOW_NAMES = {"Moderators approval": _("Persetujuan moderator")}
TASK_NAMES = {"Moderators approval": _("Persetujuan moderator")}


def localize_admin_defaults() -> list[str]:
    """Rename Wagtail's default groups, workflow and task; return what was renamed.

    A record is renamed only while it still has Wagtail's English name and the Indonesian
    name is free; otherwise it is left alone. Runs in one transaction.
    """
    from django.contrib.auth.models import Group
    from wagtail.models import Task, Workflow

    renamed: list[str] = []
    with transaction.atomic():
        for model, names in ((Group, GROUP_NAMES), (Workflow, WORKFLOW_NAMES), (Task, TASK_NAMES)):
            for english, indonesian in names.items():
                new_name = str(indonesian)
                if model.objects.filter(name=new_name).exists():
                    continue
                for record in model.objects.filter(name=english):
                    record.name = new_name
                    record.save(update_fields=["name"])
                    renamed.append(f"{model._meta.verbose_name}: {english} -> {new_name}")
    return renamed
