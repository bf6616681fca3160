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
    "jdih-bidang": "/jdih/?bidang=Pajak+dan+Retribusi+Daerah",
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
    preview = page.locator("img.doc-preview")
    preview.scroll_into_view_if_needed()  # loading="lazy": fetched only near the viewport
    page.wait_for_function("() => document.querySelector('img.doc-preview').complete")
    assert preview.evaluate("img => img.naturalWidth") > 0
    page.get_by_text("Baca teks naskah di peramban").click()
    assert "RETRIBUSI PERIZINAN TERTENTU" in page.locator(".doc-reader").inner_text()


def test_field_of_law_and_agency_filters_without_javascript(page_without_js, demo_server):
    page = page_without_js
    _open(page, demo_server.url + "/jdih/")

    page.get_by_label("Bidang hukum").select_option("Pajak dan Retribusi Daerah")
    page.get_by_label("Pemrakarsa").select_option(label="Badan Pendapatan Daerah")
    page.get_by_role("button", name="Tampilkan").click()

    titles = sorted(page.locator("main .list-item > a").all_inner_texts())
    assert titles == [
        "Peraturan Daerah Nomor 1 Tahun 2022",
        "Peraturan Daerah Nomor 1 Tahun 2024",
        "Peraturan Daerah Nomor 14 Tahun 2011",
        "Peraturan Daerah Nomor 6 Tahun 2016",
    ]
    assert "bidang=Pajak+dan+Retribusi+Daerah" in page.url
    assert page.get_by_label("Bidang hukum").input_value() == "Pajak dan Retribusi Daerah"
