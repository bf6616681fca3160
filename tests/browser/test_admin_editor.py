"""An agency editor's day in the admin, in Bahasa Indonesia (issue 9), plus the legal
bureau publishing a regulation in the JDIH and an agency liaison answering a complaint.

Logs in as the demo Dinkes editor (``editor.dinkes``), walks the main screens (dashboard,
explorer, writing news and submitting it to the agency's approval workflow, the Dinkes
moderator approving it, scheduling an announcement, uploading an image and a document) and
finds none of the common English admin phrases on any of them, including the parts the
admin's JavaScript renders. The
screenshots are the ones ``docs/panduan-editor.md`` shows: they are written to
``docs/img/`` (desktop) so the guide always shows the admin as it is.
"""

from __future__ import annotations

import io
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.admin_catalogue import english_phrases_in

from .conftest import REPO

pytestmark = pytest.mark.browser

GUIDE_IMAGES = REPO / "docs" / "img"
EDITOR = "editor.dinkes"
MODERATOR = "moderator.dinkes"  # approves the Dinkes workflow step
WORKFLOW = "Persetujuan Dinas Kesehatan"  # the agency's own approval workflow
DESKTOP = {"width": 1280, "height": 800}
UPLOAD_TIMEOUT = 30_000  # ms for one upload to be stored and its edit form shown


def _manage_output(env: dict[str, str], code: str) -> str:
    done = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def editor_login(demo_server) -> dict[str, str]:
    """A fresh password for the demo editor and the ids of the Dinkes news/announcement lists."""
    password = secrets.token_urlsafe(12)
    ids = _manage_output(
        demo_server.env,
        "from django.contrib.auth import get_user_model\n"
        "from pendopo.agencies.models import AgencyPage\n"
        f"for name in ({EDITOR!r}, {MODERATOR!r}):\n"
        "    u = get_user_model().objects.get(username=name)\n"
        f"    u.set_password({password!r}); u.save()\n"
        "a = AgencyPage.objects.get(agency__slug='dinkes')\n"
        "kids = {p.slug: p.pk for p in a.get_children()}\n"
        "print(kids['berita'], kids['pengumuman'])",
    )
    news_index, announcement_index = ids.split()
    return {
        "password": password,
        "news_index": news_index,
        "announcement_index": announcement_index,
    }


@pytest.fixture
def admin_page(chromium, demo_server, editor_login):
    context = chromium.new_context(viewport=DESKTOP, locale="en-US", timezone_id="Asia/Jakarta")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{demo_server.url}/admin/login/")
    _check_indonesian(page, "login")
    _shot(page, "panduan-01-masuk")
    page.fill("input[name=username]", EDITOR)
    page.fill("input[name=password]", editor_login["password"])
    page.click("button[type=submit]")
    page.wait_for_url(f"{demo_server.url}/admin/")
    yield page
    context.close()


def _shot(page, name: str) -> None:
    GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(GUIDE_IMAGES / f"{name}.png"))


def _check_indonesian(page, where: str) -> None:
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "id", where
    found = english_phrases_in(page.content())
    assert not found, f"English on {where} ({page.url}): {found}"


def _write_body(page, text: str) -> None:
    """Add a paragraph block to the body StreamField and type into it."""
    page.click('button[title="Sisipkan blok"]')
    page.locator("[role=option]", has_text="Paragraf").first.click()
    editor = page.locator("#panel-child-konten-body-content [contenteditable=true]").first
    editor.wait_for(state="visible")
    editor.click()
    page.keyboard.type(text)
    assert text in editor.inner_text()


def _open_actions(page, button: str = "action-publish") -> None:
    page.locator('footer [data-w-dropdown-target="toggle"]').click()
    page.locator(f"footer button[name={button}]").wait_for(state="visible")
    page.wait_for_timeout(400)  # ms: let the menu's opening animation finish for the shot


def _centre(page, selector: str) -> None:
    """Scroll so that ``selector`` is in the middle of the viewport (for the shot)."""
    page.locator(selector).first.evaluate("el => el.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(200)  # ms: let sticky headers settle


def _message(page) -> str:
    return page.locator(".messages").inner_text()


def _edit_url(page, title: str) -> str:
    """The admin edit address of the page called ``title`` in the explorer shown."""
    return page.get_by_role("link", name=title).first.get_attribute("href")


def _approve_as_moderator(chromium, base: str, password: str, edit_url: str, shot: str | None):
    """The Dinkes moderator opens the submitted page and approves the workflow step."""
    context, page = _login(chromium, base, MODERATOR, password)
    try:
        page.goto(f"{base}{edit_url}")
        _check_indonesian(page, "tinjauan moderator")
        page.locator('footer [data-w-dropdown-target="toggle"]').click()
        approve = page.locator(
            "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        )
        approve.wait_for(state="visible")
        page.wait_for_timeout(400)  # ms: let the menu's opening animation finish for the shot
        if shot:
            _shot(page, shot)
        approve.click()
        page.wait_for_load_state("load")
        _check_indonesian(page, "disetujui")
    finally:
        context.close()


def test_editor_walks_the_admin_in_indonesian(
    admin_page, chromium, demo_server, editor_login, tmp_path
):
    page = admin_page
    base = demo_server.url
    # Each browser session builds a fresh demo database, so fixed titles are unique.
    title = "Posyandu balita dibuka setiap Selasa"

    # Dashboard: an English-speaking browser (locale en-US) still gets Indonesian.
    _check_indonesian(page, "dasbor")
    assert page.get_by_role("heading", name="Dasbor").count() or "Dasbor" in page.title()
    _shot(page, "panduan-02-dasbor")

    # Explorer: the agency's news list.
    page.goto(f"{base}/admin/pages/{editor_login['news_index']}/")
    _check_indonesian(page, "penjelajah")
    _shot(page, "panduan-03-penjelajah")

    # Write news and submit it to the agency's approval workflow (editors cannot publish).
    page.goto(f"{base}/admin/pages/add/news/newspage/{editor_login['news_index']}/")
    page.fill("#id_title", title)
    page.fill("#id_intro", "Posyandu di semua desa melayani penimbangan dan imunisasi balita.")
    _write_body(page, "Orang tua diminta membawa buku KIA.")
    _check_indonesian(page, "tulis berita")
    _shot(page, "panduan-04-tulis-berita")
    _open_actions(page, "action-submit")
    assert page.locator("footer button[name=action-publish]").count() == 0
    submit = page.locator("footer button[name=action-submit]")
    assert submit.inner_text().strip() == f"Pengajuan ke {WORKFLOW}"
    _shot(page, "panduan-05-menu-ajukan")
    submit.click()
    page.wait_for_load_state("load")
    assert "untuk moderasi" in _message(page)
    _check_indonesian(page, "diajukan")
    _shot(page, "panduan-06-diajukan")

    # The agency's moderator approves: the news goes live on the agency's site.
    news_edit = _edit_url(page, title)
    _approve_as_moderator(
        chromium, base, editor_login["password"], news_edit, "panduan-07-moderator-setujui"
    )
    public = page.context.new_page()
    public.goto(f"{base}/perangkat-daerah/dinkes/berita/posyandu-balita-dibuka-setiap-selasa/")
    assert public.locator("h1").inner_text() == title
    public.close()
    page.goto(f"{base}/admin/pages/{editor_login['news_index']}/")
    _check_indonesian(page, "berita terbit")
    _shot(page, "panduan-08-berita-terbit")

    # Schedule an announcement: set the go-live time, submit; approval makes it scheduled.
    announcement = "Jadwal vaksinasi massal bulan Desember"
    page.goto(f"{base}/admin/pages/add/news/announcementpage/{editor_login['announcement_index']}/")
    page.fill("#id_title", announcement)
    page.fill("#id_intro", "Vaksinasi massal di puskesmas kecamatan.")
    _write_body(page, "Bawa KTP dan kartu vaksin.")
    page.click('button[data-side-panel-toggle="status"]')
    page.get_by_role("button", name="Atur jadwal").click()
    # The date picker writes day-first (WAGTAIL_DATETIME_FORMAT); set the value as it does.
    page.eval_on_selector("#id_go_live_at", "el => { el.value = '15/12/2030 08:00'; }")
    _check_indonesian(page, "atur jadwal")
    _shot(page, "panduan-09-atur-jadwal")
    page.get_by_role("button", name="Simpan jadwal").click()
    page.wait_for_load_state("load")
    assert "telah dibuat" in _message(page), page.locator(".error-message").all_inner_texts()
    _open_actions(page, "action-submit")
    _shot(page, "panduan-10-ajukan-jadwal")
    page.locator("footer button[name=action-submit]").click()
    page.wait_for_load_state("load")
    assert "untuk moderasi" in _message(page)
    _approve_as_moderator(
        chromium,
        base,
        editor_login["password"],
        _edit_url(page, announcement),
        None,
    )
    page.goto(f"{base}/admin/pages/{editor_login['announcement_index']}/")
    row = page.locator("tr", has_text=announcement).first
    assert "terjadwal" in row.inner_text().lower()
    _check_indonesian(page, "terjadwal")
    _shot(page, "panduan-11-terjadwal")

    # Upload an image and a document (a regulation PDF).
    from PIL import Image

    image = tmp_path / "posyandu.png"
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (30, 120, 90)).save(buffer, "PNG")
    image.write_bytes(buffer.getvalue())
    page.goto(f"{base}/admin/images/multiple/add/")
    _check_indonesian(page, "unggah gambar")
    page.set_input_files("input[type=file]", str(image))
    page.wait_for_selector("#upload-list li.upload-success", timeout=UPLOAD_TIMEOUT)
    _check_indonesian(page, "gambar terunggah")
    _shot(page, "panduan-12-unggah-gambar")

    document = tmp_path / "perbup-contoh.pdf"
    document.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.goto(f"{base}/admin/documents/multiple/add/")
    _check_indonesian(page, "unggah dokumen")
    page.set_input_files("input[type=file]", str(document))
    page.wait_for_selector("#upload-list li.upload-success", timeout=UPLOAD_TIMEOUT)
    _check_indonesian(page, "dokumen terunggah")
    _shot(page, "panduan-13-unggah-dokumen")


LEGAL_EDITOR = "hukum.setda"
LIAISON = "penghubung-dinkes"
DEMO_CASE_NONCE = "pendopo-demo-case-05"  # Dinkes, verified and routed, not answered yet
REGULATION_TITLE = "Penyelenggaraan Posyandu Terintegrasi"
ANSWER = (
    "Sejak 1 Desember loket obat RSUD dibuka pukul 07.00 dan ditambah dua petugas, "
    "sehingga antrean paling lama satu jam."
)


def _login(chromium, base: str, username: str, password: str):
    context = chromium.new_context(viewport=DESKTOP, locale="id-ID", timezone_id="Asia/Jakarta")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    return context, page


@pytest.fixture(scope="module")
def legal_login(demo_server) -> dict[str, str]:
    """A legal-bureau user (group "Bagian Hukum", which load_jdih_demo creates without any
    member) with a fresh password, and the id of the JDIH library page."""
    password = secrets.token_urlsafe(12)
    index = _manage_output(
        demo_server.env,
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.models import Group\n"
        "from pendopo.jdih.models import JdihIndexPage\n"
        "from pendopo.jdih.services import LEGAL_BUREAU_GROUP\n"
        f"u, _ = get_user_model().objects.get_or_create(username={LEGAL_EDITOR!r})\n"
        "u.first_name, u.last_name = 'Bagian', 'Hukum'\n"
        f"u.set_password({password!r}); u.save()\n"
        "u.groups.add(Group.objects.get(name=LEGAL_BUREAU_GROUP))\n"
        "print(JdihIndexPage.objects.get().pk)",
    )
    return {"password": password, "index": index}


@pytest.fixture(scope="module")
def liaison_login(demo_server) -> dict[str, str]:
    """A fresh password for the Dinkes liaison (load_complaints_demo sets a random one) and
    the demo case's id and the citizen's private tracking token."""
    password = secrets.token_urlsafe(12)
    found = _manage_output(
        demo_server.env,
        "from django.contrib.auth import get_user_model\n"
        "from pendopo.complaints import services\n"
        "from pendopo.complaints.models import Case\n"
        f"u = get_user_model().objects.get(username={LIAISON!r})\n"
        f"u.set_password({password!r}); u.save()\n"
        f"token = services.token_for({DEMO_CASE_NONCE!r})\n"
        "case = Case.objects.get(token_hash=services.hash_token(token))\n"
        "print(case.pk, token)",
    )
    case, token = found.split()
    return {"password": password, "case": case, "token": token}


def test_legal_bureau_publishes_a_regulation(chromium, demo_server, legal_login, tmp_path):
    from pendopo.jdih.demo import render_pdf

    base = demo_server.url
    context, page = _login(chromium, base, LEGAL_EDITOR, legal_login["password"])
    try:
        # The JDIH library in the page explorer: every regulation is a page under it.
        page.goto(f"{base}/admin/pages/{legal_login['index']}/")
        _check_indonesian(page, "penjelajah JDIH")
        _shot(page, "panduan-14-jdih-penjelajah")

        # "Tambah subhalaman": the library allows only "produk hukum", so the form opens.
        page.locator(f'a[href$="/admin/pages/{legal_login["index"]}/add_subpage/"]').first.click()
        page.wait_for_url("**/add/jdih/legaldocumentpage/**")
        page.fill("#id_title", REGULATION_TITLE)
        page.select_option("#id_document_type", label="Peraturan Bupati")
        page.fill("#id_number", "27")
        page.fill("#id_year", "2026")
        page.eval_on_selector("#id_enacted_on", "el => { el.value = '02/11/2026'; }")
        page.eval_on_selector("#id_promulgated_on", "el => { el.value = '03/11/2026'; }")
        page.fill("#id_signer", "Bupati Banyuwangi")
        _check_indonesian(page, "isi produk hukum")
        _centre(page, "#id_title")
        _shot(page, "panduan-15-jdih-isi-data")

        # The official text: "Pilih dokumen" -> tab "Unggah" -> title and file -> upload.
        pdf = tmp_path / "perbup-27-2026.pdf"
        pdf.write_bytes(
            render_pdf(["PERATURAN BUPATI BANYUWANGI NOMOR 27 TAHUN 2026", REGULATION_TITLE])
        )
        chooser = page.locator("#id_pdf-chooser")
        chooser.scroll_into_view_if_needed()
        choose = chooser.locator(".unchosen button[data-chooser-action-choose]")
        assert choose.inner_text().strip() == "Pilih Dokumen"
        choose.click()
        modal = page.locator(".modal-dialog")
        modal.locator('a[href="#tab-upload"]').click()
        modal.locator("#id_document-chooser-upload-title").fill("Perbup 27/2026 (naskah resmi)")
        modal.locator("#id_document-chooser-upload-file").set_input_files(str(pdf))
        _check_indonesian(page, "unggah naskah")
        _shot(page, "panduan-16-jdih-unggah-pdf")
        modal.locator("#tab-upload button[type=submit]").click()
        modal.wait_for(state="hidden", timeout=UPLOAD_TIMEOUT)
        page.locator(".modal-backdrop").wait_for(state="detached")
        page.wait_for_timeout(400)  # ms: let the closing fade finish for the shot
        assert "Perbup 27/2026" in chooser.locator("[data-chooser-title]").inner_text()
        chooser.scroll_into_view_if_needed()
        _shot(page, "panduan-17-jdih-pdf-terpilih")

        _open_actions(page)
        with page.expect_navigation():
            page.locator("button[name=action-publish]").click()
        page.wait_for_load_state("load")
        message = _message(page)
        # Wagtail 8 autosaves the new page (WAGTAIL_AUTOSAVE_INTERVAL, 500 ms) while the PDF
        # uploads; on a slow machine it then publishes from the edit view: "telah diterbitkan"
        # instead of "telah dibuat dan diterbitkan". Either means the regulation is live.
        assert re.search(r"telah (dibuat dan )?diterbitkan", message), (
            message,
            page.locator(".error-message").all_inner_texts(),
        )
        _check_indonesian(page, "produk hukum terbit")
        _shot(page, "panduan-18-jdih-terbit")

        # What a citizen sees: the regulation is found on /jdih/ by its citation.
        page.goto(f"{base}/jdih/?q=perbup+27+2026")
        page.wait_for_load_state("load")
        assert REGULATION_TITLE in page.locator("main").inner_text()
        _shot(page, "panduan-19-jdih-publik")
    finally:
        context.close()


def test_liaison_answers_a_routed_complaint(chromium, demo_server, liaison_login):
    base = demo_server.url
    context, page = _login(chromium, base, LIAISON, liaison_login["password"])
    try:
        # Menu "Pengaduan": only the cases routed to the liaison's own agency.
        page.get_by_role("link", name="Pengaduan").first.click()
        page.wait_for_url("**/admin/pengaduan/")
        listing = page.locator("table.listing").inner_text()
        assert "Antrean obat di RSUD terlalu lama" in listing
        assert "Jalan berlubang di Desa Kembiritan" not in listing  # Dinas PU's case
        _check_indonesian(page, "daftar pengaduan")
        _shot(page, "panduan-20-pengaduan-daftar")

        page.locator("tr", has_text="Antrean obat di RSUD terlalu lama").locator("a").first.click()
        page.wait_for_url(f"**/admin/pengaduan/{liaison_login['case']}/")
        assert "Diteruskan ke perangkat daerah" in page.locator("main").inner_text()
        _check_indonesian(page, "detail pengaduan")
        _shot(page, "panduan-21-pengaduan-detail")

        answer = page.locator("#f-isi")
        answer.fill(ANSWER)
        answer.scroll_into_view_if_needed()
        _shot(page, "panduan-22-pengaduan-jawab")
        page.get_by_role("button", name="Kirim tindak lanjut").click()
        page.wait_for_load_state("load")
        assert "Tersimpan." in _message(page)
        main = page.locator("main").inner_text()
        assert "Ditindaklanjuti" in main
        assert ANSWER in main
        _check_indonesian(page, "pengaduan dijawab")
        page.locator(".messages").scroll_into_view_if_needed()
        _shot(page, "panduan-23-pengaduan-terkirim")

        # The citizen's private tracking page shows the new status and the answer.
        page.goto(f"{base}/pengaduan/lacak/{liaison_login['token']}/")
        main = page.locator("main").inner_text()
        assert "Ditindaklanjuti" in main
        assert ANSWER in page.locator("article.message-agency").last.inner_text()
        _centre(page, "h2:has-text('Riwayat')")
        _shot(page, "panduan-24-pengaduan-lacak")
    finally:
        context.close()


def test_english_admin_stays_available_per_user(chromium, demo_server, editor_login):
    """The same editor, after choosing English in the account settings, gets English."""
    context = chromium.new_context(viewport=DESKTOP, locale="id-ID")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto(f"{demo_server.url}/admin/login/")
        page.fill("input[name=username]", EDITOR)
        page.fill("input[name=password]", editor_login["password"])
        page.click("button[type=submit]")
        page.wait_for_url(f"{demo_server.url}/admin/")
        page.goto(f"{demo_server.url}/admin/account/")
        # Wagtail's account form requires a last name; the demo editor has none yet.
        last_name = page.locator("input[name='name_email-last_name']")
        if last_name.count() and not last_name.input_value():
            last_name.fill("Dinas Kesehatan")
        page.select_option("select[name='locale-preferred_language']", "en")
        page.locator("button.button-longrunning[type=submit]").click()
        page.wait_for_load_state("load")
        page.goto(f"{demo_server.url}/admin/")
        assert page.locator("html").get_attribute("lang") == "en"
        assert "Dashboard" in page.content()
        page.goto(f"{demo_server.url}/admin/account/")
        page.select_option("select[name='locale-preferred_language']", "")
        page.locator("button.button-longrunning[type=submit]").click()
        page.wait_for_load_state("load")
        page.goto(f"{demo_server.url}/admin/")
        assert page.locator("html").get_attribute("lang") == "id"
    finally:
        context.close()


def test_guide_images_exist_for_the_guide():
    """Every image docs/panduan-editor.md shows is one the walk above writes."""
    guide = (REPO / "docs" / "panduan-editor.md").read_text(encoding="utf-8")
    import re

    shown = set(re.findall(r"\(img/(panduan-[\w-]+\.png)\)", guide))
    assert len(shown) >= 10
    written = {path.name for path in Path(GUIDE_IMAGES).glob("panduan-*.png")}
    assert shown <= written, shown - written
