"""Issue 4, bad input: a document uploaded with a long, non-Latin name is downloaded under
exactly that name by a real browser (Content-Disposition ``filename*``, RFC 6266)."""

from __future__ import annotations

import secrets

import pytest

from .test_admin_editor import _manage_output

pytestmark = pytest.mark.browser

# 11 + 33 × 7 + 11 = 253 characters, 649 UTF-8 bytes: more than ext4 stores in one name.
NAME = "Pengumuman " + "ꦧꦚꦸꦮꦔꦶ " * 33 + "(final).csv"
CONTENT = b"desa,jumlah\nKabat,3\n"


@pytest.fixture(scope="module")
def admin_password(demo_server) -> str:
    password = secrets.token_urlsafe(12)
    _manage_output(
        demo_server.env,
        "from django.contrib.auth import get_user_model\n"
        "u = get_user_model().objects.get(username='admin')\n"
        f"u.set_password({password!r}); u.save(); print('ok')",
    )
    return password


def test_long_javanese_document_name_is_uploaded_and_downloaded_intact(
    chromium, demo_server, admin_password, tmp_path
):
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto(f"{demo_server.url}/admin/login/")
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", admin_password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{demo_server.url}/admin/")

        page.goto(f"{demo_server.url}/admin/documents/add/")
        page.fill("input[name=title]", "Pengumuman aksara Jawa")
        page.set_input_files(
            "input[name=file]", files=[{"name": NAME, "mimeType": "text/csv", "buffer": CONTENT}]
        )
        page.locator("form button[type=submit]").last.click()
        page.wait_for_url(f"{demo_server.url}/admin/documents/**")
        assert "Pengumuman aksara Jawa" in page.content()

        document_id = _manage_output(
            demo_server.env,
            "from wagtail.documents import get_document_model\n"
            "d = get_document_model().objects.get(title='Pengumuman aksara Jawa')\n"
            "print(d.id, len(d.file.name.encode()))",
        )
        pk, stored_bytes = (int(value) for value in document_id.split())
        assert stored_bytes <= 170  # "documents/" + at most 160 bytes

        page.goto(f"{demo_server.url}/admin/documents/edit/{pk}/")
        page.screenshot(path=str(tmp_path / "dokumen-nama-panjang.png"))
        link = page.locator("a[href*='/documents/']", has_text="ꦧꦚꦸ").first
        href = link.get_attribute("href")
        with page.expect_download() as info:
            page.evaluate("href => { window.location.href = href; }", href)
        download = info.value
        assert download.suggested_filename == NAME
        saved = tmp_path / "unduhan.csv"
        download.save_as(saved)
        assert saved.read_bytes() == CONTENT
    finally:
        context.close()
