"""Approval workflows of every agency (Wagtail workflows, not a home-made one).

Per agency: group "Editor <agency>" drafts, submits and schedules (add/change, no publish);
group "Moderator <agency>" approves and publishes (add/change/publish); the workflow
"Persetujuan <agency>" has two steps: the agency's moderators, then the portal editors, the
latter only for revisions that ask for the regency front page (``PortalFrontPageTask``).
The portal editors group alone may set ``featured_on_portal`` (permission
``publishing.feature_on_portal``).
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from pendopo.core.services import PORTAL_EDITORS_GROUP, grant_page_and_collection_permissions
from pendopo.publishing.models import PortalFrontPageTask

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
PORTAL_TASK_NAME = "Persetujuan beranda portal"


def moderators_group_name(agency) -> str:
    return f"Moderator {agency.name}"[:150]


def workflow_name(agency) -> str:
    return f"Persetujuan {agency.name}"[:255]


def portal_editors_group() -> Group:
    """The portal editors (Diskominfo/Humas), with the right to feature on the front page."""
    group, _created = Group.objects.get_or_create(name=PORTAL_EDITORS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="publishing", codename="feature_on_portal")
    )
    return group


def portal_front_page_task() -> PortalFrontPageTask:
    task = PortalFrontPageTask.objects.filter(name=PORTAL_TASK_NAME).first()
    if task is None:
        task = PortalFrontPageTask.objects.create(name=PORTAL_TASK_NAME)
    task.groups.add(portal_editors_group())
    return task


@transaction.atomic
def ensure_agency_workflow(*, agency, page) -> Workflow:
    """Moderators group, rights and the two-step workflow of one agency (idempotent).

    Re-running also takes publish rights away from an editors group that had them before
    moderation existed.
    """
    GroupPagePermission.objects.filter(
        group=agency.editors_group, permission__codename="publish_page"
    ).delete()
    moderators, _created = Group.objects.get_or_create(name=moderators_group_name(agency))
    grant_page_and_collection_permissions(
        moderators,
        page=page,
        collection=agency.collection,
        page_permissions=MODERATOR_PAGE_PERMISSIONS,
    )
    agency_task = GroupApprovalTask.objects.filter(name=workflow_name(agency)).first()
    if agency_task is None:
        agency_task = GroupApprovalTask.objects.create(name=workflow_name(agency))
    agency_task.groups.set([moderators])
    workflow, _created = Workflow.objects.get_or_create(name=workflow_name(agency))
    task_ids = [agency_task.pk, portal_front_page_task().pk]
    steps = WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order")
    if list(steps.values_list("task_id", flat=True)) != task_ids:
        steps.delete()
        for position, task_id in enumerate(task_ids):
            WorkflowTask.objects.create(workflow=workflow, task_id=task_id, sort_order=position)
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def grant_editors_and_workflow(agency, page) -> Workflow:
    """An agency sub-site's editors draft, submit and schedule; its moderators publish (issue 4).

    Registered with ``agencies.subsites.register_agency_setup``: editors get
    EDITOR_PAGE_PERMISSIONS on ``page``'s subtree and the agency's collection, then
    ``ensure_agency_workflow``."""
    grant_page_and_collection_permissions(
        agency.editors_group,
        page=page,
        collection=agency.collection,
        page_permissions=EDITOR_PAGE_PERMISSIONS,
    )
    return ensure_agency_workflow(agency=agency, page=page)
