"""Agency activity (keaktifan): days since the last update, items published in the last 7 and
30 days, scheduled items, and the flag after PENDOPO_ACTIVITY_STALE_WORKING_DAYS (5) working
days without an update, counted with the core working-day calendar."""

import csv
import datetime
import io
import re
import zoneinfo

import pytest
from wagtail.models import Page

from pendopo.agencies.activity import agency_activity
from pendopo.agencies.models import AgencyIndexPage, AgencyPage
from pendopo.news.models import NewsIndexPage, NewsPage

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
# Friday 27 November 2026, no public holiday or cuti bersama in the two weeks before.
NOW = datetime.datetime(2026, 11, 27, 12, 0, tzinfo=WIB)


@pytest.fixture
def index_page(portal_site):
    return AgencyIndexPage.objects.child_of(portal_site.root_page).get()


@pytest.fixture
def pesanggaran(db):
    return AgencyPage.objects.get(agency__slug="pesanggaran")


def add_news(agency_page, slug, published_at, *, live=True, go_live_at=None) -> NewsPage:
    index = NewsIndexPage.objects.child_of(agency_page).get()
    page = NewsPage(title=slug, slug=slug, intro="Isi.", body=[], date=published_at.date())
    index.add_child(instance=page)
    page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(
        first_published_at=published_at,
        last_published_at=published_at,
        live=live,
        go_live_at=go_live_at,
    )
    return page


def row_of(rows, agency_page):
    return next(row for row in rows if row.page.pk == agency_page.pk)


@pytest.mark.django_db
def test_agency_without_any_item_is_flagged_and_never_updated(index_page, pesanggaran):
    row = row_of(agency_activity(index_page=index_page, now=NOW), pesanggaran)

    assert row.last_update is None and row.days_since_update is None
    assert row.published_7 == row.published_30 == row.scheduled == 0
    assert row.stale is True


@pytest.mark.django_db
def test_five_working_days_is_still_active_six_is_flagged(index_page, pesanggaran):
    add_news(pesanggaran, "lima", datetime.datetime(2026, 11, 20, 10, tzinfo=WIB))  # Friday

    five = row_of(agency_activity(index_page=index_page, now=NOW), pesanggaran)
    Page.objects.filter(slug="lima").update(
        last_published_at=datetime.datetime(2026, 11, 19, 10, tzinfo=WIB)
    )
    six = row_of(agency_activity(index_page=index_page, now=NOW), pesanggaran)

    assert (five.days_since_update, five.working_days_since_update, five.stale) == (7, 5, False)
    assert (six.days_since_update, six.working_days_since_update, six.stale) == (8, 6, True)


@pytest.mark.django_db
def test_stale_threshold_is_configurable(index_page, pesanggaran, settings):
    add_news(pesanggaran, "lima", datetime.datetime(2026, 11, 20, 10, tzinfo=WIB))
    settings.PENDOPO_ACTIVITY_STALE_WORKING_DAYS = 4

    row = row_of(agency_activity(index_page=index_page, now=NOW), pesanggaran)

    assert row.stale is True


@pytest.mark.django_db
def test_published_counts_use_7_and_30_day_windows_and_skip_listing_pages(index_page, pesanggaran):
    add_news(pesanggaran, "enam-hari", NOW - datetime.timedelta(days=6))
    add_news(pesanggaran, "delapan-hari", NOW - datetime.timedelta(days=8))
    add_news(pesanggaran, "tiga-puluh-satu", NOW - datetime.timedelta(days=31))
    add_news(pesanggaran, "draf", NOW - datetime.timedelta(days=1), live=False)

    row = row_of(agency_activity(index_page=index_page, now=NOW), pesanggaran)

    assert (row.published_7, row.published_30) == (1, 2)
    assert row.days_since_update == 6


@pytest.mark.django_db
def test_scheduled_items_are_counted(index_page, pesanggaran):
    add_news(
        pesanggaran,
        "terjadwal",
        NOW - datetime.timedelta(days=40),
        live=False,
        go_live_at=NOW + datetime.timedelta(days=2),
    )

    row = row_of(agency_activity(index_page=index_page, now=NOW), pesanggaran)

    assert row.scheduled == 1


@pytest.mark.django_db
def test_public_page_lists_every_agency_sortable_without_javascript(client, index_page):
    agencies = AgencyPage.objects.live().child_of(index_page).count()

    response = client.get("/perangkat-daerah/keaktifan/?urut=nama&arah=naik")
    odd = client.get("/perangkat-daerah/keaktifan/?urut=%3Cx%3E&arah=kemana")

    html = response.content.decode()
    assert response.status_code == 200 and odd.status_code == 200
    assert html.count('<th scope="row">') == agencies
    assert 'aria-sort="ascending"' in html
    assert "Tidak aktif" in html
    assert 'href="/perangkat-daerah/keaktifan.csv"' in html
    names = re.findall(r'<th scope="row"><a href="http://localhost/[^"]*">([^<]*)</a>', html)
    assert len(names) == agencies
    assert names == sorted(names, key=str.lower)


@pytest.mark.django_db
def test_csv_has_one_row_per_agency_with_the_same_figures(client, index_page):
    response = client.get("/perangkat-daerah/keaktifan.csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert len(rows) == AgencyPage.objects.live().child_of(index_page).count()
    dinkes = next(r for r in rows if r["slug"] == "dinkes")
    assert dinkes["hari_sejak_pembaruan"] == "0" and dinkes["tidak_aktif"] == "tidak"
    assert int(dinkes["terbit_7_hari"]) >= 1
    assert {r["tidak_aktif"] for r in rows} == {"ya", "tidak"}


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_agency_editor_dashboard_shows_only_own_agency(client, index_page):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from pendopo.agencies.models import Agency
    from pendopo.agencies.services import editors_group_name

    dinkes = Agency.objects.get(slug="dinkes")
    editor = get_user_model().objects.create_user("ed", password="x")
    editor.groups.add(Group.objects.get(name=editors_group_name(dinkes)))

    html = dashboard(client, editor)

    assert "Keaktifan perangkat daerah" in html
    assert dinkes.name in html
    assert "Kecamatan Pesanggaran" not in html


@pytest.mark.django_db
def test_portal_editor_dashboard_shows_every_agency(client, index_page):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from pendopo.core.services import PORTAL_EDITORS_GROUP

    editor = get_user_model().objects.create_user("portal", password="x")
    editor.groups.add(Group.objects.get(name=PORTAL_EDITORS_GROUP))

    html = dashboard(client, editor)

    assert "Kecamatan Pesanggaran" in html and "Dinas Kesehatan" in html
    assert 'href="/perangkat-daerah/keaktifan.csv"' in html
