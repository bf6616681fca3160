"""Procurement pages (issue 8) in a browser: Kabupaten Bandung's real data on its own host,
Banyuwangi's empty pages, axe WCAG 2.2 A/AA, no sideways scroll, screenshots."""

from __future__ import annotations

import pytest

from .test_public_pages import _check_public_page, _open

pytestmark = pytest.mark.browser

BANDUNG_PAGES = {
    "pengadaan-bandung": "/pengadaan/",
    "pengadaan-bandung-saring": "/pengadaan/?metode=Tender&status=selesai",
    "pengadaan-detail": "/pengadaan/t-10018467000/",
    "pengadaan-nontender": "/pengadaan/nt-10050366000/",
    "pengadaan-ringkasan": "/pengadaan/ringkasan/",
    "pengadaan-opd": "/pengadaan/opd/dinas-pekerjaan-umum-dan-tata-ruang/",
    "pengadaan-tanda-risiko": "/pengadaan/tanda-risiko/",
    "pengadaan-ocds": "/pengadaan/ocds/",
}


def _bandung(demo_server) -> str:
    return f"http://bandungkab.localhost:{demo_server.port}"


@pytest.mark.parametrize("name", list(BANDUNG_PAGES))
def test_bandung_procurement_page_renders_accessibly(page, demo_server, name):
    _check_public_page(page, _bandung(demo_server) + BANDUNG_PAGES[name], name)


def test_banyuwangi_procurement_page_works_empty(page, demo_server):
    _check_public_page(page, demo_server.url + "/pengadaan/", "pengadaan-banyuwangi")
    assert "Belum ada paket" in page.locator("main").inner_text()


def test_filters_work_without_javascript(chromium, demo_server):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        _open(page, _bandung(demo_server) + "/pengadaan/")
        page.select_option("#id_metode", "Pengadaan Langsung")
        page.get_by_role("button", name="Terapkan").click()
        page.wait_for_load_state("load")
        assert "metode=Pengadaan+Langsung" in page.url
        assert "1867 paket" in page.locator("main").inner_text()
    finally:
        context.close()


def test_detail_links_to_lpse_and_the_complaint_form(page, demo_server):
    _open(page, _bandung(demo_server) + "/pengadaan/t-10018467000/")

    report = page.get_by_role("link", name="Laporkan kejanggalan")
    href = report.get_attribute("href")
    assert href.startswith("/pengaduan/?kategori=pengadaan&subjek=Kejanggalan+paket+10018467000")
    assert "rujukan=%2Fpengadaan%2Ft-10018467000%2F" in href
    lpse = page.get_by_role("link", name="Lihat paket ini di LPSE").get_attribute("href")
    assert lpse.startswith("https://lpse.bandungkab.go.id/eproc4/lelang/10018467000/")
    assert "Rp 1.269.963.504,15" in page.locator("main").inner_text()
