"""The JDIH library as a citizen on a phone sees it: accessible, no JavaScript needed."""

from __future__ import annotations

import pytest

from .test_public_pages import _check_public_page, _open

pytestmark = pytest.mark.browser

JDIH_PAGES = {
    "jdih": "/jdih/",
    "jdih-cari": "/jdih/?q=perda+6+2016",
    "jdih-perda-14-2011": "/jdih/perda-14-2011/",
    "jdih-perda-4-2007": "/jdih/perda-4-2007/",
    "jdih-perlu-ocr": "/jdih/perda-8-2012/",
}


@pytest.mark.parametrize("name", list(JDIH_PAGES))
def test_jdih_page_renders_accessibly(page, demo_server, name):
    _check_public_page(page, demo_server.url + JDIH_PAGES[name], name)


def test_search_by_citation_without_javascript(page_without_js, demo_server):
    page = page_without_js
    _open(page, demo_server.url + "/jdih/")

    page.get_by_label("Kata kunci, judul atau nomor (mis. perda 6 2016)").fill("perda 6 2016")
    page.get_by_role("button", name="Tampilkan").click()

    first = page.locator("main .list-item a").first
    assert first.inner_text() == "Peraturan Daerah Nomor 6 Tahun 2016"


def test_detail_shows_status_chain_text_and_preview(page, demo_server):
    _open(page, demo_server.url + "/jdih/perda-14-2011/")

    assert "diubah oleh Perda 6/2016 dan Perda 1/2022" in page.locator("main").inner_text()
    assert page.locator("img.doc-preview").evaluate("img => img.naturalWidth") > 0
    page.get_by_text("Baca teks naskah di peramban").click()
    assert "RETRIBUSI PERIZINAN TERTENTU" in page.locator(".doc-reader").inner_text()
