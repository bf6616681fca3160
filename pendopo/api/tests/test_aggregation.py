"""The province aggregation feed (JSON Feed 1.1 and Atom): news of every agency, plus the
PPID immediate-information notices when that app is installed (contract C4)."""

import datetime
import sys
import types

import feedparser
import pytest
from django.apps import apps
from django.utils import timezone

from pendopo.news.models import NewsPage


@pytest.mark.django_db
def test_json_feed_lists_live_news_of_portal_and_agencies_newest_first(client):
    response = client.get("/feeds/agregasi.json")

    data = response.json()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/feed+json"
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["_pendopo"]["kode_wilayah"] == "35.10"
    items = data["items"]
    assert len(items) == NewsPage.objects.live().count()
    dates = [datetime.datetime.fromisoformat(i["date_published"]) for i in items]
    assert dates == sorted(dates, reverse=True)
    assert all(d.tzinfo is not None for d in dates)
    assert all(i["url"].startswith("http://localhost/") and i["id"] == i["url"] for i in items)
    agencies = {i["_pendopo"]["perangkat_daerah"] for i in items}
    assert "dinkes" in agencies and None in agencies
    assert {i["_pendopo"]["jenis"] for i in items} == {"berita"}


@pytest.mark.django_db
def test_atom_aggregation_parses_cleanly(client):
    feed = feedparser.parse(client.get("/feeds/agregasi.atom").content)

    assert feed.bozo == 0
    assert feed.version == "atom10"
    assert len(feed.entries) == NewsPage.objects.live().count()
    assert any(tag.term == "dinkes" for e in feed.entries for tag in e.tags)


@pytest.fixture
def ppid_notices(monkeypatch):
    """Stands in for the PPID app (another branch) exactly as contract C4 describes it."""
    calls = []

    def immediate_notices(*, site=None, limit=50):
        calls.append((site, limit))
        return [
            {
                "title": "Peringatan dini\x0b banjir",
                "url": "/ppid/serta-merta/banjir/",
                "published_at": timezone.now() + datetime.timedelta(minutes=1),
                "summary": "Warga bantaran sungai diminta waspada.",
                "agency_slug": "bpbd",
            }
        ]

    module = types.ModuleType("pendopo.ppid.selectors")
    module.immediate_notices = immediate_notices
    monkeypatch.setitem(sys.modules, "pendopo.ppid", types.ModuleType("pendopo.ppid"))
    monkeypatch.setitem(sys.modules, "pendopo.ppid.selectors", module)
    real = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name == "pendopo.ppid" or real(name))
    return calls


@pytest.mark.django_db
def test_immediate_notices_join_the_feed_when_ppid_is_installed(client, ppid_notices):
    data = client.get("/feeds/agregasi.json").json()
    feed = feedparser.parse(client.get("/feeds/agregasi.atom").content)

    first = data["items"][0]
    assert first["_pendopo"]["jenis"] == "informasi_serta_merta"
    assert first["title"] == "Peringatan dini banjir"
    assert first["url"] == "http://localhost/ppid/serta-merta/banjir/"
    assert first["_pendopo"]["perangkat_daerah"] == "bpbd"
    assert ppid_notices and ppid_notices[0][1] == 50
    assert feed.bozo == 0 and feed.entries[0].link == first["url"]
