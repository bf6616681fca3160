import base64
import hashlib
import io
import json
import time
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pendopo.complaints import abuse, services
from pendopo.complaints.models import Case
from pendopo.complaints.states import CaseStatus

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


def old_key(seconds=60):
    with mock.patch("django.core.signing.time.time", return_value=time.time() - seconds):
        return abuse.new_form_key()


def solved_altcha():
    c = abuse.new_challenge()
    number = next(
        n
        for n in range(c["maxnumber"] + 1)
        if hashlib.sha256((c["salt"] + str(n)).encode()).hexdigest() == c["challenge"]
    )
    payload = {k: c[k] for k in ("algorithm", "challenge", "salt", "signature")}
    payload["number"] = number
    return base64.b64encode(json.dumps(payload).encode()).decode()


def form_data(**overrides):
    data = {
        "jenis": "complaint",
        "nama": "Ketut Widiastuti",
        "telepon": "081234567890",
        "email": "ayu@example.org",
        "kategori": "kesehatan",
        "judul": "Antrean puskesmas terlalu lama",
        "isi": "Setiap pagi antrean lebih dari tiga jam.",
        "kunci": old_key(),
    }
    data.update(overrides)
    return data


URL = "/pengaduan/"


@pytest.mark.django_db
def test_the_form_works_without_javascript_and_prefills_from_contract_c1(client):
    response = client.get(
        URL,
        {
            "kategori": "pengadaan",
            "subjek": "Kejanggalan paket 123: Jalan desa",
            "opd": "dinkes",
            "rujukan": "/pengadaan/123/",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="pengadaan" selected' in html
    assert 'value="dinkes" selected' in html
    assert 'value="Kejanggalan paket 123: Jalan desa"' in html
    assert 'name="rujukan" value="/pengadaan/123/"' in html
    assert "<noscript" not in html and 'method="post"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"kategori": "tidak-ada"},
        {"opd": "<script>"},
        {"layanan": "99999999"},
        {"layanan": "abc"},
        {"rujukan": "//evil.example/x"},
        {"rujukan": "https://evil.example/"},
        {"rujukan": "/" + "a" * 250},
        {"subjek": "a\x00b"},
    ],
)
def test_invalid_prefill_values_are_ignored_never_a_500(client, params):
    response = client.get(URL, params)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="rujukan" value' not in html
    assert 'value="tidak-ada"' not in html
    assert '<option value="" selected>— pilih kategori —' in html


@pytest.mark.django_db
def test_submit_shows_a_receipt_with_tracking_number_private_link_and_qr(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data(rujukan="/pengadaan/123/"))

    html = response.content.decode()
    case = Case.objects.get(reporter_name="Ketut Widiastuti")
    assert response.status_code == 200
    assert case.tracking_number in html
    assert 'src="data:image/svg+xml' in html
    assert "/pengaduan/lacak/" in html
    assert case.reference_path == "/pengadaan/123/"
    assert response["Referrer-Policy"] == "no-referrer"
    assert len(mail.outbox) == 1 and case.tracking_number in mail.outbox[0].subject


@pytest.mark.django_db
def test_a_retried_post_creates_one_case_and_shows_the_same_receipt(client):
    data = form_data()

    first = client.post(URL, data)
    second = client.post(URL, data)

    assert Case.objects.filter(reporter_name="Ketut Widiastuti").count() == 1
    link = first.content.decode().split('class="link"><a href="')[1].split('"')[0]
    assert link in second.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Soekarno", "Ketut Widiastuti", "Dewi O'Neil", "Andréa Sitompul"])
def test_one_word_names_diacritics_and_apostrophes_are_accepted(client, name):
    response = client.post(URL, form_data(nama=name))

    assert response.status_code == 200
    assert Case.objects.filter(reporter_name=name).exists()


@pytest.mark.django_db
def test_a_form_sent_faster_than_5_seconds_is_refused_and_nothing_is_lost(client):
    response = client.post(URL, form_data(kunci=old_key(seconds=2)))

    assert response.status_code == 400
    assert "terlalu cepat" in response.content.decode()
    assert "Setiap pagi antrean lebih dari tiga jam." in response.content.decode()
    assert not Case.objects.filter(reporter_name="Ketut Widiastuti").exists()


@pytest.mark.django_db
def test_a_forged_form_key_gets_a_400_with_an_indonesian_message(client):
    response = client.post(URL, form_data(kunci="palsu"))

    assert response.status_code == 400
    assert "kedaluwarsa" in response.content.decode()


@pytest.mark.django_db
def test_a_filled_honeypot_keeps_the_case_as_spam_without_e_mail(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data(situs_web="http://spam.example"))

    assert Case.objects.get(reporter_name="Ketut Widiastuti").status == CaseStatus.SPAM
    assert mail.outbox == []


@pytest.mark.django_db
def test_gambling_text_goes_to_spam_and_never_to_the_public_q_and_a(client):
    client.post(URL, form_data(judul="Slot gacor maxwin", isi="Daftar di www.judi.xyz"))

    case = Case.objects.get(reporter_name="Ketut Widiastuti")
    assert case.status == CaseStatus.SPAM
    assert client.get(f"/pengaduan/tanya-jawab/{case.tracking_number}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("x.html", b"<html><script>alert(1)</script></html>", "bukan gambar"),
        ("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "bukan gambar"),
        ("x.pdf", b"%PDF" + b"0" * (5 * 1024 * 1024), "5 MB"),
    ],
)
def test_html_svg_and_oversized_attachments_are_refused(client, name, content, message):
    upload = SimpleUploadedFile(name, content, content_type="image/png")

    response = client.post(URL, {**form_data(), "lampiran": [upload]})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Case.objects.filter(reporter_name="Ketut Widiastuti").exists()


@pytest.mark.django_db
def test_up_to_3_images_or_pdfs_are_kept_with_their_sniffed_type(client):
    files = [
        SimpleUploadedFile("a.pdf", PDF, content_type="text/html"),
        SimpleUploadedFile("b.png", PNG, content_type="application/octet-stream"),
    ]

    client.post(URL, {**form_data(), "lampiran": files})

    case = Case.objects.get(reporter_name="Ketut Widiastuti")
    assert sorted(case.attachments.values_list("content_type", flat=True)) == [
        "application/pdf",
        "image/png",
    ]


@pytest.mark.django_db
def test_a_fourth_attachment_is_refused(client):
    files = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(4)]

    response = client.post(URL, {**form_data(), "lampiran": files})

    assert response.status_code == 400
    assert "Paling banyak 3 lampiran" in response.content.decode()


@pytest.mark.django_db
def test_ip_limit_is_10_an_hour_but_a_shared_address_with_altcha_still_gets_through(client):
    for i in range(abuse.IP_LIMIT_WITHOUT_POW):
        client.cookies.clear()  # ten different people behind one address
        assert client.post(URL, form_data(judul=f"Laporan {i}")).status_code == 200
    client.cookies.clear()

    refused = client.post(URL, form_data(judul="Laporan 11"))
    client.cookies.clear()
    genuine = client.post(URL, form_data(judul="Laporan 12", altcha=solved_altcha()))

    assert refused.status_code == 429
    assert genuine.status_code == 200
    assert Case.objects.get(subject="Laporan 12").proof_of_work is True


@pytest.mark.django_db
def test_one_browser_session_may_send_5_an_hour(client):
    for i in range(abuse.SESSION_LIMIT):
        assert client.post(URL, form_data(judul=f"Sesi {i}", altcha=solved_altcha())).status_code
    response = client.post(URL, form_data(judul="Sesi 6", altcha=solved_altcha()))

    assert response.status_code == 429


@pytest.mark.django_db
def test_tracking_page_shows_timeline_progress_answers_and_reply_reopens(
    client, make_case, coordinator, agencies, dinkes_liaison
):
    case = make_case()
    token = services.token_for(f"x-{case.pk}")  # not this case's token
    assert client.get(f"/pengaduan/lacak/{token}/").status_code == 404
    submission = services.submit_case(
        regency=case.regency,
        nonce="tracking-page-nonce-123456",
        kind="question",
        category=case.category,
        subject="Jam buka",
        body="Kapan?",
        reporter_name="Budi",
    )
    tracked = services.verify_case(case=submission.case, by=coordinator, agency=agencies["dinkes"])
    services.post_follow_up(case=tracked, by=dinkes_liaison, body="Buka pukul 08.00.")
    url = reverse("complaints:track_case", args=[submission.token])

    page = client.get(url).content.decode()
    assert "Buka pukul 08.00." in page
    assert "hari ke-0 dari 10" in page
    assert "verifikasi dan teruskan" in page

    response = client.post(url, {"aksi": "balas", "balasan": "Hari Sabtu juga?"})
    assert response.status_code == 302
    assert Case.objects.get(pk=tracked.pk).status == CaseStatus.ASSIGNED


@pytest.mark.django_db
def test_rating_from_the_tracking_page_and_bad_rating_gets_a_400(
    client, make_case, coordinator, agencies, dinkes_liaison, regency, category
):
    submission = services.submit_case(
        regency=regency,
        nonce="rating-page-nonce-1234567",
        kind="question",
        category=category,
        subject="Jam buka",
        body="Kapan?",
        reporter_name="Budi",
    )
    case = services.verify_case(case=submission.case, by=coordinator, agency=agencies["dinkes"])
    services.post_follow_up(case=case, by=dinkes_liaison, body="Pukul 08.00.")
    url = reverse("complaints:track_case", args=[submission.token])

    assert client.post(url, {"aksi": "nilai", "nilai": "9"}).status_code == 400
    assert client.post(url, {"aksi": "nilai", "nilai": "5", "komentar": "Ok"}).status_code == 302
    assert Case.objects.get(pk=case.pk).rating == 5


@pytest.mark.django_db
def test_public_q_and_a_hides_confidential_cases_and_anonymous_names(client):
    demo = {c.subject: c for c in Case.objects.filter(is_demo=True)}
    anonymous = demo["Akta kelahiran anak lahir di luar kota"]
    confidential = demo["Dugaan pungutan di layanan kesehatan"]

    listing = client.get("/pengaduan/tanya-jawab/").content.decode()
    detail = client.get(f"/pengaduan/tanya-jawab/{anonymous.tracking_number}/")

    assert anonymous.subject in listing
    assert confidential.subject not in listing
    assert anonymous.reporter_name not in detail.content.decode()
    assert "Anonim" in detail.content.decode()
    assert client.get(f"/pengaduan/tanya-jawab/{confidential.tracking_number}/").status_code == 404


@pytest.mark.django_db
def test_q_and_a_detail_has_faq_json_ld_and_no_contact_details(client):
    case = Case.objects.filter(is_demo=True, status=CaseStatus.ANSWERED, is_confidential=False)[0]

    html = client.get(f"/pengaduan/tanya-jawab/{case.tracking_number}/").content.decode()

    assert '"@type":"FAQPage"' in html
    assert '"acceptedAnswer"' in html
    assert case.reporter_phone not in html
    assert case.reporter_email not in html


@pytest.mark.django_db
def test_q_and_a_can_be_searched_and_filtered_by_agency_and_category(client):
    by_agency = client.get("/pengaduan/tanya-jawab/", {"opd": "pendidikan"}).content.decode()
    by_query = client.get("/pengaduan/tanya-jawab/", {"q": "akta"}).content.decode()
    by_category = client.get("/pengaduan/tanya-jawab/", {"kategori": "lingkungan"})

    assert "Jadwal pendaftaran sekolah dasar negeri" in by_agency
    assert "Akta kelahiran" not in by_agency
    assert "Akta kelahiran" in by_query
    assert "Sampah menumpuk" in by_category.content.decode()


@pytest.mark.django_db
def test_statistics_page_and_csv_neutralise_formula_cells(client, agencies):
    from pendopo.complaints.exports import neutralise

    page = client.get("/pengaduan/statistik/")
    csv_response = client.get("/pengaduan/statistik.csv")

    assert page.status_code == 200
    assert "Dinas Kesehatan" in page.content.decode()
    assert csv_response["Content-Type"].startswith("text/csv")
    assert [neutralise(v) for v in ["=1+1", "+6281", "-2", "@SUM(A1)", "Dinkes"]] == [
        "'=1+1",
        "'+6281",
        "'-2",
        "'@SUM(A1)",
        "Dinkes",
    ]


@pytest.mark.django_db
def test_liaison_admin_list_shows_only_their_agency_and_masks_contacts(client, dinkes_liaison):
    client.force_login(dinkes_liaison)

    html = client.get("/admin/pengaduan/").content.decode()

    assert "Antrean obat di RSUD terlalu lama" in html  # routed to Dinkes
    assert "Jalan berlubang di Desa Kembiritan" not in html  # routed to PU
    assert "081234567805" not in html
    assert "0812••••7805" in html
    other = Case.objects.get(subject="Jalan berlubang di Desa Kembiritan")
    assert client.get(f"/admin/pengaduan/{other.pk}/").status_code == 404


@pytest.mark.django_db
def test_coordinator_verifies_in_the_admin_and_revealing_contacts_is_logged(
    client, coordinator, make_case, agencies
):
    from pendopo.core.models import Event

    case = make_case()
    client.force_login(coordinator)

    detail = client.get(f"/admin/pengaduan/{case.pk}/").content.decode()
    client.post(
        f"/admin/pengaduan/{case.pk}/tindakan/",
        {"aksi": "verify", "opd": agencies["dinkes"].pk},
    )
    revealed = client.post(f"/admin/pengaduan/{case.pk}/kontak/", {"keperluan": "telepon"})

    assert "Saran" in detail
    assert Case.objects.get(pk=case.pk).status == CaseStatus.ASSIGNED
    assert "081234567890" in revealed.content.decode()
    assert Event.objects.filter(kind="complaints.personal_data_viewed", actor=coordinator).exists()


@pytest.mark.django_db
def test_staff_export_defaults_to_xlsx_and_never_contains_clear_contacts(client, coordinator):
    from openpyxl import load_workbook

    client.force_login(coordinator)

    response = client.get("/admin/pengaduan/", {"format": "xlsx"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "081234567805" not in cells
    assert "0812••••7805" in cells


@pytest.mark.django_db
def test_people_without_a_role_cannot_open_the_complaints_admin(client, django_user_model):
    user = django_user_model.objects.create_user("warga", "w@example.org", "x")
    client.force_login(user)

    response = client.get("/admin/pengaduan/")

    # No admin access at all: Wagtail sends them to its login page.
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/pengaduan/"


@pytest.mark.django_db
def test_admin_dashboard_flags_overdue_cases_of_the_liaisons_agency(client, dinkes_liaison):
    client.force_login(dinkes_liaison)

    html = client.get("/admin/").content.decode()

    assert "Pengaduan melewati batas waktu" in html
    assert "Antrean obat di RSUD terlalu lama" in html  # demo: Dinkes, follow-up overdue
    assert "Jalan berlubang" not in html


@pytest.mark.django_db
def test_layanan_preselects_a_live_service_page_and_is_stored_on_the_case(client):
    from pendopo.services.models import ServiceStandardPage

    service = ServiceStandardPage.objects.live().public().first()

    form = client.get(URL, {"layanan": str(service.pk)}).content.decode()
    client.post(URL, form_data(layanan=str(service.pk)))

    assert f'<option value="{service.pk}" selected>' in form
    assert Case.objects.get(reporter_name="Ketut Widiastuti").service_id == service.pk


@pytest.mark.django_db
def test_layanan_pointing_at_another_page_type_is_ignored(client):
    from pendopo.portal.models import StandardPage

    other = StandardPage.objects.live().get(slug="sejarah")

    html = client.get(URL, {"layanan": str(other.pk)}).content.decode()

    assert f'<option value="{other.pk}" selected>' not in html


@pytest.mark.django_db
def test_q_and_a_search_with_a_nul_byte_is_a_400_and_never_echoed(client):
    response = client.get("/pengaduan/tanya-jawab/", {"q": "akta\x00"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Kata kunci berisi karakter yang tidak sah." in html
    assert "\x00" not in html
