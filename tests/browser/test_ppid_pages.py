"""PPID public pages in a browser: accessible at phone and desktop widths, and a request
can be sent with JavaScript off (the receipt shows the registration number at once)."""

from __future__ import annotations

import datetime

import pytest

from .test_public_pages import _check_public_page, _open

pytestmark = pytest.mark.browser

PPID_PAGES = {
    "ppid": "/ppid/",
    "ppid-permohonan": "/ppid/permohonan/",
    "ppid-register": "/ppid/register/",
    "ppid-lacak": "/ppid/lacak/",
    "ppid-laporan": f"/ppid/laporan/{datetime.date.today().year - 1}/",
}


@pytest.mark.parametrize("name", list(PPID_PAGES))
def test_ppid_page_renders_accessibly(page, demo_server, name):
    _check_public_page(page, demo_server.url + PPID_PAGES[name], name)


def test_ppid_item_page_and_alert_banner(page, demo_server):
    _open(page, demo_server.url + "/")
    banner = page.locator(".ppid-alert a").first
    assert "Peringatan dini" in banner.inner_text()

    banner.click()
    page.wait_for_load_state("load")
    assert "/ppid/informasi/" in page.url
    _check_public_page(page, page.url, "ppid-informasi")


def test_request_can_be_sent_without_javascript(page_without_js, demo_server):
    page = page_without_js
    _open(page, demo_server.url + "/ppid/permohonan/")

    page.get_by_label("Perorangan (NIK)").check()
    page.get_by_label("Nama lengkap (perorangan atau badan hukum)").fill("Warga Uji")
    page.get_by_label("NIK (16 angka) atau nomor SK pengesahan badan hukum").fill(
        "3510010101900001"
    )
    page.get_by_label("Alamat").fill("Jl. Uji 1")
    page.get_by_label("Telepon/WhatsApp").fill("081200000000")
    page.get_by_label("Pokok permohonan").fill("Data jalan rusak")
    page.get_by_label("Rincian informasi yang dibutuhkan").fill("Daftar ruas jalan rusak")
    page.get_by_label("Tujuan penggunaan informasi").fill("Penelitian")
    page.get_by_label("Mendapatkan salinan (softcopy)").check()
    page.locator("input[name=receive_method][value=email]").check()
    page.get_by_role("button", name="Kirim permohonan").click()
    page.wait_for_load_state("load")

    text = page.locator("main").inner_text()
    assert "Tanda bukti permohonan informasi" in text
    assert "PPID-3510-" in text and "Warga Uji" not in text
