"""The complaints pages as a citizen sees them: a 412-px phone and a desktop, axe-core clean,
no CSP errors; the form files a case with JavaScript on (ALTCHA solved) and off."""

from __future__ import annotations

import pytest

from .conftest import SCREENSHOTS
from .test_public_pages import PageProblems, _assert_accessible

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone412": {"width": 412, "height": 915}, "desktop": {"width": 1280, "height": 800}}
PAGES = {
    "pengaduan-form": "/pengaduan/?kategori=pengadaan&subjek=Kejanggalan&rujukan=/pengadaan/1/",
    "pengaduan-lacak": "/pengaduan/lacak/",
    "pengaduan-tanya-jawab": "/pengaduan/tanya-jawab/",
    "pengaduan-statistik": "/pengaduan/statistik/",
}


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def device(request, chromium):
    mobile = request.param == "phone412"
    context = chromium.new_context(
        viewport=VIEWPORTS[request.param], is_mobile=mobile, has_touch=mobile, locale="id-ID"
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.device_name = request.param
    yield page
    context.close()


def _check(page, url: str, name: str) -> None:
    problems = PageProblems(page)
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url}: {response}"
    assert page.locator("h1").count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{page.device_name}.png"), full_page=True)
    assert not problems.items, "\n".join(problems.items)
    _assert_accessible(page, url)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("name", list(PAGES))
def test_complaints_page_renders_accessibly(device, demo_server, name):
    _check(device, demo_server.url + PAGES[name], name)


def test_q_and_a_detail_renders_accessibly(device, demo_server):
    device.goto(demo_server.url + "/pengaduan/tanya-jawab/")
    href = device.locator("ol.results a").first.get_attribute("href")

    _check(device, demo_server.url + href, "pengaduan-tanya-jawab-detail")


def _fill(page) -> None:
    page.get_by_label("Judul").fill("Lampu jalan mati di depan sekolah")
    page.get_by_label("Isi laporan").fill("Sudah seminggu lampu jalan mati, anak-anak takut.")
    page.get_by_label("Kategori").select_option("infrastruktur")
    page.get_by_label("Nama lengkap").fill("Wayan")


def test_the_form_files_a_case_with_altcha_solved(device, demo_server):
    page = device
    page.goto(demo_server.url + "/pengaduan/", wait_until="load")
    _fill(page)
    page.wait_for_function(
        "document.querySelector('input[name=altcha]').value.length > 0", timeout=30_000
    )
    page.wait_for_timeout(5_200)  # the minimum fill time

    page.get_by_role("button", name="Kirim laporan").click()

    page.wait_for_load_state("load")
    assert "Laporan Anda sudah diterima" in page.locator("h1").inner_text()
    assert page.locator("img.qr").is_visible()
    page.screenshot(
        path=str(SCREENSHOTS / f"pengaduan-tanda-terima-{page.device_name}.png"), full_page=True
    )
    _assert_accessible(page, "receipt")


def test_the_form_files_a_case_with_javascript_off(page_without_js, demo_server):
    page = page_without_js
    page.goto(demo_server.url + "/pengaduan/", wait_until="load")
    _fill(page)
    page.wait_for_timeout(5_200)

    page.get_by_role("button", name="Kirim laporan").click()

    page.wait_for_load_state("load")
    assert "Laporan Anda sudah diterima" in page.locator("h1").inner_text()
    link = page.locator(".receipt .link a").get_attribute("href")
    page.goto(link)
    assert "Riwayat" in page.content()
