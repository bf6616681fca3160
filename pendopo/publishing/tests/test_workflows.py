"""Per-agency approval: editors draft and submit, moderators approve, portal editors approve
what goes on the regency front page (issue 4, "Editorial work")."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import GroupPagePermission, TaskState, Workflow, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pendopo.agencies.models import Agency, AgencyPage
from pendopo.core.services import PORTAL_EDITORS_GROUP
from pendopo.news.models import NewsPage
from pendopo.publishing.models import PortalFrontPageTask

User = get_user_model()


def _user(username: str, group: Group) -> User:
    user = User.objects.create_user(username, f"{username}@example.invalid", "x")
    user.groups.add(group)
    return user


@pytest.fixture
def dinkes():
    return Agency.objects.get(slug="dinkes")


@pytest.fixture
def editor(db, dinkes):
    return _user("uji.editor", dinkes.editors_group)


@pytest.fixture
def moderator(db, dinkes):
    return _user("uji.moderator", Group.objects.get(name=f"Moderator {dinkes.name}"))


@pytest.fixture
def portal_editor(db):
    return _user("uji.portal", Group.objects.get(name=PORTAL_EDITORS_GROUP))


def _news_index(dinkes):
    return AgencyPage.objects.get(agency=dinkes).get_children().get(slug="berita")


def _form(title: str, **changes) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "date": timezone.localdate().isoformat(),
            "intro": "Ringkasan.",
            "image": "",
            "body": streamfield([("paragraph", rich_text("<p>Isi.</p>"))]),
            "tags": "",
            "gallery_images": inline_formset([]),
            "portal_feature_requested": "",
            "comments": inline_formset([]),
            **changes,
        }
    )


def _submit(client, user, dinkes, title, **changes) -> NewsPage:
    client.force_login(user)
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", _news_index(dinkes).pk])
    response = client.post(url, {**_form(title, **changes), "action-submit": "1"})
    assert response.status_code == 302, re.findall(r'error-message">(.*?)<', response.text)
    return NewsPage.objects.get(title=title)


def _approve(page: NewsPage, user) -> None:
    state = page.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve")


@pytest.mark.django_db
def test_every_agency_has_moderators_and_a_two_step_workflow_and_editors_cannot_publish():
    agencies = list(Agency.objects.select_related("editors_group", "page"))
    portal_task = PortalFrontPageTask.objects.get()

    for agency in agencies:
        editor_rights = set(
            GroupPagePermission.objects.filter(group=agency.editors_group).values_list(
                "permission__codename", flat=True
            )
        )
        moderators = Group.objects.get(name=f"Moderator {agency.name}")
        moderator_rights = set(
            GroupPagePermission.objects.filter(group=moderators, page=agency.page).values_list(
                "permission__codename", flat=True
            )
        )
        workflow = WorkflowPage.objects.get(page=agency.page).workflow
        tasks = [t.specific for t in workflow.tasks.order_by("workflow_tasks__sort_order")]
        assert editor_rights == {"add_page", "change_page"}, agency.name
        assert moderator_rights == {"add_page", "change_page", "publish_page"}, agency.name
        assert list(tasks[0].groups.all()) == [moderators]
        assert tasks[1] == portal_task
    assert len(agencies) == 56
    assert list(portal_task.groups.values_list("name", flat=True)) == [PORTAL_EDITORS_GROUP]


@pytest.mark.django_db
def test_provisioning_twice_changes_nothing():
    before = (Workflow.objects.count(), Group.objects.count(), TaskState.objects.count())

    call_command("load_agencies", verbosity=0)

    assert (Workflow.objects.count(), Group.objects.count(), TaskState.objects.count()) == before


@pytest.mark.django_db
def test_an_editor_cannot_publish_and_a_submitted_item_waits_for_the_moderator(
    client, editor, moderator, dinkes
):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", _news_index(dinkes).pk])

    client.post(url, {**_form("Kabar tanpa hak terbit"), "action-publish": "1"})
    page = _submit(client, editor, dinkes, "Kabar menunggu moderator")

    assert not NewsPage.objects.get(title="Kabar tanpa hak terbit").live
    assert not page.live
    assert page.current_workflow_task.name == f"Persetujuan {dinkes.name}"

    _approve(page, moderator)

    page.refresh_from_db()
    assert page.live
    portal_step = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), task__name="Persetujuan beranda portal"
    )
    assert portal_step.status == TaskState.STATUS_SKIPPED
    assert not page.featured_on_portal


@pytest.mark.django_db
def test_a_front_page_request_needs_the_portal_editor_after_the_moderator(
    client, editor, moderator, portal_editor, dinkes
):
    page = _submit(client, editor, dinkes, "Kabar usulan beranda", portal_feature_requested="on")

    _approve(page, moderator)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == "Persetujuan beranda portal"
    assert not page.current_workflow_task.specific.user_can_access_editor(page, moderator)

    client.force_login(portal_editor)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(
        edit,
        {
            **_form(
                "Kabar usulan beranda",
                slug=page.slug,
                portal_feature_requested="on",
                featured_on_portal="on",
            ),
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
        },
    )

    page.refresh_from_db()
    assert response.status_code == 302
    assert page.live and page.featured_on_portal
    assert "Kabar usulan beranda" in client.get("/").content.decode()


@pytest.mark.django_db
def test_only_portal_editors_may_set_the_front_page_flag(editor, moderator, portal_editor, dinkes):
    form_class = NewsPage.get_edit_handler().get_form_class()

    editor_form = form_class(instance=NewsPage(), for_user=editor)
    moderator_form = form_class(instance=NewsPage(), for_user=moderator)
    portal_form = form_class(instance=NewsPage(), for_user=portal_editor)

    assert "featured_on_portal" not in editor_form.fields
    assert "featured_on_portal" not in moderator_form.fields
    assert "featured_on_portal" in portal_form.fields
    assert "portal_feature_requested" in editor_form.fields


@pytest.mark.django_db
def test_the_regency_front_page_shows_agency_news_only_when_featured(client):
    item = NewsPage.objects.get(slug="contoh-dinkes-1")
    item.date = datetime.date.today() + datetime.timedelta(days=1)  # newest of all
    item.save_revision().publish()

    before = client.get("/").content.decode()
    item.featured_on_portal = True
    item.save_revision().publish()
    after = client.get("/").content.decode()

    assert item.title not in before
    assert item.title in after
    assert item.title in client.get("/berita/").content.decode()
