"""Issue 4's public pages in a real browser: service standards, galleries, downloads and a
withdrawn-notice-free news page, at phone and desktop width, with axe-core."""

from __future__ import annotations

import pytest

from .test_public_pages import _check_public_page, _open

pytestmark = pytest.mark.browser

PAGES = {
    "layanan": "/layanan/",
    "layanan-akta-kelahiran": "/perangkat-daerah/dispendukcapil/layanan/akta-kelahiran/",
    "layanan-dinkes": "/perangkat-daerah/dinkes/layanan/",
    "galeri": "/galeri/",
    "galeri-festival": "/galeri/contoh-galeri-festival/",
    "unduhan": "/unduhan/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_publishing_page_renders_accessibly(page, demo_server, name):
    _check_public_page(page, demo_server.url + PAGES[name], name)


def test_a_service_standard_shows_14_components_and_the_complaint_link(page, demo_server):
    _open(page, demo_server.url + PAGES["layanan-akta-kelahiran"])

    assert page.locator("dl.components dt").count() == 14
    link = page.get_by_role("link", name="Sampaikan pengaduan tentang layanan ini")
    assert "/pengaduan/?layanan=" in link.get_attribute("href")
    assert "opd=dispendukcapil" in link.get_attribute("href")
