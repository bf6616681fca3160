"""The province aggregation feed (JSON Feed 1.1 and Atom): news of every agency, plus the
PPID immediate-information notices when that app is installed (contract C4
(docs/contracts.md#c4-immediate-notices))."""

import datetime

import feedparser
import pytest
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
def bpbd_notice(db):
    """A published serta-merta item of the real PPID app (UU 14/2008 Pasal 10)."""
    from pendopo.agencies.models import Agency
    from pendopo.ppid.models import InformationItem
    from pendopo.ppid.states import Category

    agency = Agency.objects.get(slug="bpbd", regency__code="35.10")
    return InformationItem.objects.create(
        regency=agency.regency,
        agency=agency,
        category=Category.SERTA_MERTA,
        title="Peringatan dini\x0b banjir",
        summary="Warga bantaran sungai diminta waspada.",
        holding_unit="BPBD",
        responsible_person="Kepala BPBD",
        production="2026, Banyuwangi",
        formats="softcopy",
        retention="1 tahun",
        published_at=timezone.now() + datetime.timedelta(minutes=1),
        last_updated_on=timezone.localdate(),
    )


@pytest.mark.django_db
def test_immediate_notices_join_the_feed(client, bpbd_notice):
    data = client.get("/feeds/agregasi.json").json()
    feed = feedparser.parse(client.get("/feeds/agregasi.atom").content)

    first = data["items"][0]
    assert first["_pendopo"]["jenis"] == "informasi_serta_merta"
    assert first["title"] == "Peringatan dini banjir"
    assert first["url"] == f"http://localhost/ppid/informasi/{bpbd_notice.pk}/"
    assert first["_pendopo"]["perangkat_daerah"] == "bpbd"
    assert feed.bozo == 0 and feed.entries[0].link == first["url"]
