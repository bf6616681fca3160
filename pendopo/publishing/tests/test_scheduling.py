"""Scheduling by editors without publish rights, in WIB; the scheduler's heartbeat."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pendopo.agencies.models import Agency, AgencyPage
from pendopo.news.models import NewsPage
from pendopo.publishing.models import SchedulerHeartbeat
from pendopo.publishing.selectors import scheduler_is_late
from pendopo.publishing.services import record_heartbeat

User = get_user_model()


def _user(username, group):
    user = User.objects.create_user(username, f"{username}@example.invalid", "x")
    user.groups.add(group)
    return user


@pytest.mark.django_db
def test_the_schedule_fields_name_the_wib_zone_for_an_editor_without_publish_rights(client):
    dinkes = Agency.objects.get(slug="dinkes")
    editor = _user("uji.jadwal", dinkes.editors_group)
    index = AgencyPage.objects.get(agency=dinkes).get_children().get(slug="berita")
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="go_live_at"' in html and 'name="expire_at"' in html
    assert html.count("Waktu dalam WIB (Asia/Jakarta).") == 2


@pytest.mark.django_db
def test_an_approved_schedule_goes_live_when_run_scheduled_passes_the_wib_time():
    dinkes = Agency.objects.get(slug="dinkes")
    moderator = _user("uji.mod.jadwal", Group.objects.get(name=f"Moderator {dinkes.name}"))
    index = AgencyPage.objects.get(agency=dinkes).get_children().get(slug="berita")
    wib = datetime.timezone(datetime.timedelta(hours=7))
    go_live = datetime.datetime(2030, 1, 6, 8, 0, tzinfo=wib)  # 08:00 WIB = 01:00 UTC
    page = NewsPage(title="Kabar terjadwal", slug="kabar-terjadwal", intro="Terjadwal.")
    index.add_child(instance=page)
    page.unpublish()
    page.go_live_at = go_live
    revision = page.save_revision(user=moderator)

    revision.publish(user=moderator)
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == go_live

    with timezone.override("UTC"):
        _run_at(datetime.datetime(2030, 1, 6, 0, 59, tzinfo=datetime.UTC))
    page.refresh_from_db()
    assert not page.live
    _run_at(datetime.datetime(2030, 1, 6, 1, 0, 1, tzinfo=datetime.UTC))
    page.refresh_from_db()
    assert page.live


def _run_at(moment):
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("run_scheduled", verbosity=0)


@pytest.mark.django_db
def test_run_scheduled_stores_a_heartbeat():
    SchedulerHeartbeat.objects.all().delete()
    moment = datetime.datetime(2030, 2, 1, 3, 0, tzinfo=datetime.UTC)

    _run_at(moment)

    assert SchedulerHeartbeat.objects.get().last_run_at == moment


@pytest.mark.django_db
def test_the_scheduler_is_late_after_15_silent_minutes_not_before():
    beat = datetime.datetime(2030, 2, 1, 3, 0, tzinfo=datetime.UTC)
    record_heartbeat(now=beat)

    assert not scheduler_is_late(now=beat + datetime.timedelta(minutes=15))
    assert scheduler_is_late(now=beat + datetime.timedelta(minutes=15, seconds=1))


@pytest.mark.django_db
def test_the_admin_dashboard_warns_when_the_scheduler_is_silent(admin_client):
    record_heartbeat(now=timezone.now() - datetime.timedelta(minutes=16))
    late = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    record_heartbeat(now=timezone.now() - datetime.timedelta(minutes=14))
    fresh = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Penjadwal tidak berjalan" in late
    assert "Penjadwal tidak berjalan" not in fresh


@pytest.mark.django_db
def test_an_editor_schedules_in_wib_and_the_moderator_s_approval_makes_it_effective(client):
    from django.utils.text import slugify
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    dinkes = Agency.objects.get(slug="dinkes")
    editor = _user("uji.editor.jadwal", dinkes.editors_group)
    moderator = _user("uji.mod.jadwal2", Group.objects.get(name=f"Moderator {dinkes.name}"))
    index = AgencyPage.objects.get(agency=dinkes).get_children().get(slug="berita")
    title = "Kabar dijadwalkan editor"
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk]),
        {
            **nested_form_data(
                {
                    "title": title,
                    "slug": slugify(title),
                    "date": "2030-01-06",
                    "intro": "Terjadwal.",
                    "image": "",
                    "body": streamfield([("paragraph", rich_text("<p>Isi.</p>"))]),
                    "tags": "",
                    "gallery_images": inline_formset([]),
                    "comments": inline_formset([]),
                    "go_live_at": "06/01/2030 08:00",  # WIB, as the admin picker writes it
                }
            ),
            "action-submit": "1",
        },
    )
    assert response.status_code == 302, [
        (k, v) for k, v in response.context["form"].errors.items()
    ] + re.findall(r"error-message[^>]*>\s*(.*?)<", response.text)
    page = NewsPage.objects.get(title=title)
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    page.refresh_from_db()
    assert response.status_code == 302
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == datetime.datetime(
        2030, 1, 6, 1, 0, tzinfo=datetime.UTC
    )


def _edit_page_as_dinkes_editor(client, username):
    """An editor without publish rights (they schedule) opens a page's edit view."""
    dinkes = Agency.objects.get(slug="dinkes")
    client.force_login(_user(username, dinkes.editors_group))
    page = NewsPage.objects.get(slug="contoh-dinkes-1")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_page_edit_view_warns_after_16_silent_minutes_not_after_14(client):
    record_heartbeat(now=timezone.now() - datetime.timedelta(minutes=14))
    fresh = _edit_page_as_dinkes_editor(client, "uji.detak.14")
    record_heartbeat(now=timezone.now() - datetime.timedelta(minutes=16))
    late = _edit_page_as_dinkes_editor(client, "uji.detak.16")

    assert "Penjadwal tidak berjalan" not in fresh
    assert "Penjadwal tidak berjalan" in late
    assert "lebih dari 15 menit lalu" in late
    assert re.search(r'<li class="penjadwal warning">', late)  # Wagtail's message list


@pytest.mark.django_db
def test_every_admin_page_warns_but_the_warning_is_never_stored_or_public(client):
    record_heartbeat(now=timezone.now() - datetime.timedelta(hours=2))
    dinkes = Agency.objects.get(slug="dinkes")
    client.force_login(_user("uji.detak.jelajah", dinkes.editors_group))
    index = AgencyPage.objects.get(agency=dinkes)

    explorer = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    again = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    public = client.get("/").content.decode()

    assert explorer.count("Penjadwal tidak berjalan") == again.count("Penjadwal tidak berjalan")
    assert explorer.count("Penjadwal tidak berjalan") == 1
    assert "Penjadwal tidak berjalan" not in public


@pytest.mark.django_db
def test_staff_who_cannot_publish_or_schedule_see_no_warning(client):
    record_heartbeat(now=timezone.now() - datetime.timedelta(hours=2))
    user = User.objects.create_user("uji.detak.staf", "uji.detak.staf@example.invalid", "x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Penjadwal tidak berjalan" not in html


@pytest.mark.django_db
def test_the_warning_costs_one_cached_query_a_minute(admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    record_heartbeat(now=timezone.now() - datetime.timedelta(minutes=16))
    with CaptureQueriesContext(connection) as first:
        admin_client.get(reverse("wagtailadmin_home"))
    with CaptureQueriesContext(connection) as second:
        admin_client.get(reverse("wagtailadmin_home"))

    def beats(queries):
        return [q for q in queries if "publishing_schedulerheartbeat" in q["sql"]]

    assert len(beats(first)) == 1
    assert beats(second) == []
