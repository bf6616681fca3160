"""The leaders' public agenda is its own list; events show in their own zone; all-day events
show dates only; the editor's form has the new fields."""

import pytest
from django.urls import reverse

from pendopo.agenda.models import EventPage


@pytest.mark.django_db
def test_leaders_agenda_lists_only_leaders_events(client):
    html = client.get("/agenda/pimpinan/").content.decode()

    assert "Bupati membuka festival budaya" in html
    assert "Sekretaris Daerah memimpin apel pagi" in html
    assert "Rapat koordinasi penanggulangan bencana" not in html  # not a leader's event


@pytest.mark.django_db
def test_leaders_agenda_filters_by_one_leader_and_ignores_unknown_values(client):
    only_bupati = client.get("/agenda/pimpinan/?pejabat=bupati").content.decode()
    unknown = client.get("/agenda/pimpinan/?pejabat=%3Cscript%3E")

    assert "Bupati membuka festival budaya" in only_bupati
    assert "Wakil Bupati meninjau" not in only_bupati
    assert unknown.status_code == 200
    assert "Wakil Bupati meninjau" in unknown.content.decode()


@pytest.mark.django_db
def test_all_day_event_shows_dates_without_clock_times(client):
    page = EventPage.objects.get(slug="contoh-agenda-sepanjang-hari")

    html = client.get(page.url).content.decode()

    assert "sepanjang hari" in html
    assert "00:00" not in html and "23:59" not in html
    assert f'href="/feeds/agenda/{page.pk}.ics"' in html


@pytest.mark.django_db
def test_event_edit_form_offers_zone_all_day_and_leader(admin_client):
    page = EventPage.objects.get(slug="contoh-agenda-sepanjang-hari")

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    for field in ("all_day", "time_zone", "location_address", "organiser_name", "leader"):
        assert f'name="{field}"' in html, field
