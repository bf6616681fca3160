"""The feed index, the leaders' agenda, an all-day event and the agency activity table:
rendered, accessible (axe WCAG 2.2 A/AA), no sideways scrolling, and usable without JS."""

from __future__ import annotations

import pytest

from .test_public_pages import _check_public_page, _open

pytestmark = pytest.mark.browser

PAGES = {
    "feeds": "/feeds/",
    "agenda-pimpinan": "/agenda/pimpinan/",
    "agenda-sepanjang-hari": "/agenda/contoh-agenda-sepanjang-hari/",
    "keaktifan": "/perangkat-daerah/keaktifan/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_feed_and_activity_pages_render_accessibly(page, demo_server, name):
    _check_public_page(page, demo_server.url + PAGES[name], name)


def test_activity_table_sorts_by_name_without_javascript(page_without_js, demo_server):
    page = page_without_js
    _open(page, demo_server.url + "/perangkat-daerah/keaktifan/")

    page.locator("thead").get_by_role("link", name="Perangkat daerah").click()
    page.wait_for_load_state("load")

    assert "urut=nama" in page.url
    names = page.locator("tbody th a").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    assert page.get_by_role("link", name="Unduh CSV").is_visible()
