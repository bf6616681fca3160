"""RSS/Atom feeds: every feed parses cleanly (feedparser bozo 0), dates are strict RFC 822 /
RFC 3339, links are absolute and canonical, text has no markup or control characters."""

import datetime
import email.utils
import re

import feedparser
import pytest
from django.utils import timezone

from pendopo.news.models import NewsCategory, NewsIndexPage, NewsPage

PORTAL = "http://localhost"
FEEDS = [
    "/feeds/berita.rss",
    "/feeds/berita.atom",
    "/feeds/pengumuman.rss",
    "/feeds/pengumuman.atom",
    "/feeds/berita/kesehatan.rss",
    "/feeds/berita/kesehatan.atom",
    "/perangkat-daerah/dinkes/feeds/berita.rss",
    "/perangkat-daerah/dinkes/feeds/berita.atom",
    "/perangkat-daerah/dinkes/feeds/pengumuman.rss",
    "/perangkat-daerah/diskominfo/feeds/berita/kesehatan.rss",
    "/feeds/agregasi.atom",
]
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def fetch(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200, (path, response.status_code)
    return response, feedparser.parse(response.content)


def strict_dates(raw: bytes) -> None:
    """Every RSS date is RFC 822 with a zone; every Atom date is RFC 3339."""
    text = raw.decode()
    for value in re.findall(r"<(?:pubDate|lastBuildDate)>(.*?)</", text):
        parsed = email.utils.parsedate_to_datetime(value)
        assert parsed.tzinfo is not None, value
    for value in re.findall(r"<(?:updated|published)>(.*?)</", text):
        assert RFC3339.match(value), value


@pytest.mark.django_db
@pytest.mark.parametrize("path", FEEDS)
def test_every_feed_parses_without_errors_and_has_strict_dates(client, path):
    response, feed = fetch(client, path)

    assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    assert feed.version in {"rss20", "atom10"}
    strict_dates(response.content)
    for entry in feed.entries:
        assert entry.link.startswith(PORTAL + "/"), entry.link
        assert entry.get("published_parsed") or entry.get("updated_parsed")


@pytest.mark.django_db
def test_portal_news_feed_lists_agency_news_with_one_canonical_url(client):
    _, feed = fetch(client, "/feeds/berita.rss")

    links = [entry.link for entry in feed.entries]
    dinkes = [link for link in links if "/perangkat-daerah/dinkes/" in link]
    assert dinkes, "agency news appear in the portal feed"
    assert len(links) == len(set(links))
    assert all(link.startswith("http://localhost/") for link in links)


@pytest.mark.django_db
def test_agency_feed_holds_only_that_agencys_news_and_agency_host_serves_it_too(client):
    _, feed = fetch(client, "/perangkat-daerah/dinkes/feeds/berita.rss")
    _, on_host = fetch(client, "/feeds/berita.rss", HTTP_HOST="dinkes.localhost")

    links = [entry.link for entry in feed.entries]
    assert links
    assert all(link.startswith("http://localhost/perangkat-daerah/dinkes/") for link in links)
    assert [entry.link for entry in on_host.entries] == links  # canonical, not dinkes.localhost


@pytest.mark.django_db
def test_category_feed_lists_only_that_category(client):
    category = NewsCategory.objects.get(slug="kesehatan")
    expected = set(
        NewsPage.objects.live().filter(category=category).values_list("title", flat=True)
    )

    _, feed = fetch(client, "/feeds/berita/kesehatan.rss")

    assert expected
    assert {entry.title for entry in feed.entries} == expected
    assert all(entry.tags[0].term == "Kesehatan" for entry in feed.entries)


@pytest.mark.django_db
def test_unknown_category_or_agency_is_404(client):
    assert client.get("/feeds/berita/tidak-ada.rss").status_code == 404
    assert client.get("/perangkat-daerah/tidak-ada/feeds/berita.rss").status_code == 404


@pytest.fixture
def word_news(portal_site):
    index = NewsIndexPage.objects.child_of(portal_site.root_page).get()
    page = NewsPage(
        title="Rapat\x0bparipurna\x0c DPRD\x01 membahas APBD",
        slug="rapat-paripurna-word",
        date=timezone.localdate(),
        intro="Teks dari Word:\x0bbaris kedua\x08 dan \x1ftanda aneh.",
        body=[
            (
                "paragraph",
                '<p>Lihat <a linktype="page" id="3">halaman</a> dan\x0b<b>tebal</b>.</p>',
            )
        ],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/feeds/berita.rss", "/feeds/berita.atom"])
def test_body_pasted_from_word_still_gives_valid_xml_without_markup(client, word_news, path):
    response, feed = fetch(client, path)

    assert feed.bozo == 0
    raw = response.content.decode()
    assert "\x0b" not in raw and "\x0c" not in raw and "\x01" not in raw and "\x08" not in raw
    entry = next(e for e in feed.entries if "paripurna" in e.title)
    assert entry.title == "Rapat paripurna DPRD membahas APBD"
    assert "linktype" not in raw and "&lt;a" not in raw and "<b>" not in entry.summary
    assert "baris kedua" in entry.summary and "tebal" in entry.summary


@pytest.mark.django_db
def test_back_dated_news_is_dated_at_the_start_of_its_local_day(client, word_news):
    word_news.date = datetime.date(2026, 1, 5)
    word_news.save_revision().publish()

    _, feed = fetch(client, "/feeds/berita.atom")

    entry = next(e for e in feed.entries if "paripurna" in e.title)
    assert entry.published == "2026-01-05T00:00:00+07:00"


@pytest.mark.django_db
def test_draft_and_private_news_stay_out_of_feeds(client, word_news):
    word_news.unpublish()

    _, feed = fetch(client, "/feeds/berita.rss")

    assert not any("paripurna" in e.title for e in feed.entries)


@pytest.mark.django_db
def test_feed_index_lists_every_stable_address(client):
    response = client.get("/feeds/")

    html = response.content.decode()
    assert response.status_code == 200
    for path in [
        "/feeds/berita.rss",
        "/feeds/berita.atom",
        "/feeds/pengumuman.rss",
        "/feeds/agenda.ics",
        "/feeds/agenda-pimpinan.ics",
        "/feeds/berita/kesehatan.rss",
        "/perangkat-daerah/dinkes/feeds/berita.rss",
        "/perangkat-daerah/dinkes/feeds/agenda.ics",
        "/feeds/agregasi.json",
        "/feeds/agregasi.atom",
        "/sitemap.xml",
    ]:
        assert f'href="{path}"' in html, path
