"""What a citizen sees: public pages render, pass axe-core's WCAG 2.2 A/AA rules, load
without errors under the strict Content-Security-Policy, and work with JavaScript off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import SCREENSHOTS, VIEWPORTS

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# name -> path on the regency site; names become screenshot file names.
PUBLIC_PAGES = {
    "beranda": "/",
    "profil": "/profil/",
    "wilayah": "/profil/wilayah/",
    "kecamatan-glenmore": "/profil/wilayah/glenmore/",
    "kecamatan-banyuwangi": "/profil/wilayah/banyuwangi/",
    "perangkat-daerah": "/perangkat-daerah/",
    "dinkes": "/perangkat-daerah/dinkes/",
    "berita": "/berita/",
    "berita-contoh-1": "/berita/contoh-berita-1/",
    "pengumuman": "/pengumuman/",
    "agenda": "/agenda/",
    "agenda-contoh-1": "/agenda/contoh-agenda-1/",
    "cari": "/cari/?q=jalan",
}
AGENCY_NAV = ["Profil", "Berita", "Pengumuman", "Agenda", "Standar Pelayanan", "Dokumen"]


class PageProblems:
    """Collects what goes wrong while a page loads: console errors (CSP refusals show up
    there), failed requests and sub-resources answered with an error status."""

    def __init__(self, page):
        self.items: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.items.append(f"script error: {error}"))
        page.on("requestfailed", self._on_failed)
        page.on("response", self._on_response)

    def _on_console(self, message) -> None:
        source = message.location.get("url", "")
        # The browser asks for /favicon.ico on its own; the portal has none yet.
        if message.type == "error" and not source.endswith("/favicon.ico"):
            self.items.append(f"console: {message.text} ({source})")

    def _on_failed(self, request) -> None:
        # Chromium fetches the tab icon on its own, after "load", and cancels that fetch
        # (net::ERR_ABORTED) when a full-page screenshot resizes the page on a busy machine:
        # no citizen misses anything. Any other failure, or a favicon that fails otherwise,
        # is a problem.
        favicon = "/favicon." in request.url
        if not (favicon and request.failure == "net::ERR_ABORTED"):
            self.items.append(f"failed: {request.url} ({request.failure})")

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.items.append(f"HTTP {response.status}: {response.url}")


def _viewport_name(page) -> str:
    width = page.viewport_size["width"]
    return next(name for name, size in VIEWPORTS.items() if size["width"] == width)


def _open(page, url: str) -> PageProblems:
    problems = PageProblems(page)
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url} answered {response}"
    return problems


def _screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{_viewport_name(page)}.png"
    # Lazy images below the fold load only once scrolled to; a citizen scrolls too.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=True)
    return path


def _axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def _describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"\n[{violation['impact']}] {violation['id']}: {violation['help']}"
            f"\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"  - {' '.join(map(str, node['target']))}")
            lines.append(f"    {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n      ")
            lines.append(f"      {summary}")
    return "\n".join(lines)


def _assert_accessible(page, url: str) -> None:
    violations = _axe_violations(page)
    assert not violations, (
        f"axe-core found {len(violations)} WCAG 2.2 A/AA violation(s) on {url} "
        f"at {page.viewport_size['width']}px:{_describe(violations)}"
    )


def _check_public_page(page, url: str, name: str) -> None:
    problems = _open(page, url)

    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("h1").count() == 1, "a page has exactly one h1"
    assert page.locator("h1").inner_text().strip()
    assert page.title().strip()
    _screenshot(page, name)
    assert not problems.items, "\n".join(problems.items)
    _assert_accessible(page, url)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("name", list(PUBLIC_PAGES))
def test_public_page_renders_accessibly(page, demo_server, name):
    _check_public_page(page, demo_server.url + PUBLIC_PAGES[name], name)


def test_agency_host_renders_accessibly(page, demo_server):
    _check_public_page(page, demo_server.agency_url + "/", "dinkes-host")


def test_home_names_the_regency_and_lists_its_kecamatan(page, demo_server):
    _open(page, demo_server.url + "/")

    assert "Banyuwangi" in page.locator("h1").inner_text()
    kecamatan = page.locator("section[aria-labelledby='kec-h'] li a")
    assert kecamatan.count() == 25
    assert page.get_by_role("navigation", name="Menu utama").is_visible()


def test_district_index_lists_the_25_kecamatan(page, demo_server):
    _open(page, demo_server.url + "/profil/wilayah/")

    assert page.locator("table tbody tr").count() == 25
    assert page.get_by_role("link", name="Glenmore", exact=True).is_visible()


def test_kecamatan_page_lists_its_desa_and_kelurahan(page, demo_server):
    _open(page, demo_server.url + "/profil/wilayah/glenmore/")
    assert page.locator("h1").inner_text() == "Kecamatan Glenmore"
    assert page.locator("table tbody tr").count() > 0

    _open(page, demo_server.url + "/profil/wilayah/banyuwangi/")
    assert page.locator("h1").inner_text() == "Kecamatan Banyuwangi"
    assert page.locator("table tbody .badge-kelurahan").count() > 0


def test_agency_subsite_on_the_portal_path(page, demo_server):
    _open(page, demo_server.url + "/perangkat-daerah/dinkes/")

    assert page.locator("h1").inner_text() == "Dinas Kesehatan"
    assert page.get_by_role("heading", name="Dokumen").is_visible()


def test_agency_host_shows_the_agencys_own_nav(page, demo_server):
    _open(page, demo_server.agency_url + "/")

    assert page.locator("h1").inner_text() == "Dinas Kesehatan"
    nav = page.get_by_role("navigation", name="Menu utama")
    labels = [text.strip() for text in nav.get_by_role("link").all_inner_texts()]
    assert labels[-len(AGENCY_NAV) :] == AGENCY_NAV, labels
    assert "Dinas Kesehatan" in page.locator(".brand").inner_text()


def test_news_page_shows_the_article(page, demo_server):
    _open(page, demo_server.url + "/berita/contoh-berita-1/")

    article = page.locator("main article")
    assert article.locator("h1").inner_text().strip()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.locator("time").get_attribute("datetime"))
    assert article.locator(".lead").inner_text().strip()
    assert page.get_by_role("link", name="Bagikan lewat WhatsApp").is_visible()


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "Berita terbaru"),
        ("/profil/wilayah/", "Glenmore"),
        ("/perangkat-daerah/dinkes/", "Dinas Kesehatan"),
        ("/berita/contoh-berita-1/", "Bagikan lewat WhatsApp"),
        ("/agenda/", "Agenda"),
    ],
)
def test_page_content_is_there_without_javascript(page_without_js, demo_server, path, expected):
    page = page_without_js
    problems = _open(page, demo_server.url + path)

    assert expected in page.locator("main").inner_text()
    assert page.locator("h1").is_visible()
    assert not problems.items, "\n".join(problems.items)


def test_search_form_works_without_javascript(page_without_js, demo_server):
    page = page_without_js
    _open(page, demo_server.url + "/")

    page.get_by_role("searchbox", name="Cari di situs ini").fill("jalan")
    with page.expect_navigation():
        page.get_by_role("search").get_by_role("button", name="Cari").click()

    assert re.search(r"/cari/\?q=jalan$", page.url)
    assert page.locator("h1").inner_text() == "Pencarian"
    assert page.get_by_role("status").inner_text().startswith(tuple("123456789"))
    assert page.locator("ol.results li").count() > 0


def test_lang_attribute_matches_the_text_for_an_english_phone(chromium, demo_server):
    context = chromium.new_context(viewport=VIEWPORTS["mobile"], locale="en-US")
    page = context.new_page()
    try:
        _open(page, demo_server.url + "/")
        lang = page.locator("html").get_attribute("lang")
        skip_link = page.locator(".skip-link").inner_text().strip()
    finally:
        context.close()

    assert (lang == "id") == (skip_link == "Langsung ke isi"), f"lang={lang!r}, text={skip_link!r}"
