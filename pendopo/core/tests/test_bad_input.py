"""Bad input never gives a 500: titles in Arabic or Javanese script get a readable unique
slug; 200-character and non-ASCII file names are stored and served (Content-Disposition with
filename*); images over 50 megapixels are refused with an Indonesian message."""

import io
import re
import urllib.parse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pendopo.core.slugs import ascii_slug, readable_slug
from pendopo.core.uploads import original_name, shortened_name
from pendopo.news.models import NewsIndexPage, NewsPage

ARABIC = "مرحبا بكم في بانيوانغي"
JAVANESE = "ꦧꦚꦸꦮꦔꦶ ꦲꦪꦸ"


def test_latin_titles_keep_their_words_without_accents():
    assert ascii_slug("Pembangunan Jalan Désa — Tahap II") == "pembangunan-jalan-desa-tahap-ii"


@pytest.mark.parametrize("title", [ARABIC, JAVANESE, "🙂🙂", "   "])
def test_titles_without_latin_letters_get_type_and_date(title):
    slug = readable_slug(title, kind="berita", taken=set())

    assert slug == f"berita-{timezone.localdate():%Y-%m-%d}"


def test_fallback_slug_is_made_unique():
    today = f"{timezone.localdate():%Y-%m-%d}"
    taken = {f"berita-{today}", f"berita-{today}-2"}

    assert readable_slug(ARABIC, kind="berita", taken=taken) == f"berita-{today}-3"


def _news_form(title: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "",
            "date": timezone.localdate().isoformat(),
            "intro": "Ringkasan.",
            "category": "",
            "image": "",
            "body": streamfield([("paragraph", rich_text("<p>Isi.</p>"))]),
            "tags": "",
            "gallery_images": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


@pytest.mark.django_db
@pytest.mark.parametrize("title", [ARABIC, JAVANESE])
def test_admin_creates_pages_with_non_latin_titles_twice_with_distinct_slugs(
    admin_client, portal_site, title
):
    index = NewsIndexPage.objects.child_of(portal_site.root_page).get()
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk])

    first = admin_client.post(url, _news_form(title))
    second = admin_client.post(url, _news_form(title))

    assert first.status_code == 302 and second.status_code == 302
    slugs = sorted(NewsPage.objects.filter(title=title).values_list("slug", flat=True))
    today = f"{timezone.localdate():%Y-%m-%d}"
    assert slugs == [f"berita-{today}", f"berita-{today}-2"]


@pytest.fixture
def disk_media(monkeypatch, tmp_path):
    """Documents are served from disk (sendfile), as in production; the test storage keeps
    files in memory. Only the document field's storage is swapped, so the session's demo
    images in the shared in-memory storage stay where they are."""
    from django.core.files.storage import FileSystemStorage

    field = get_document_model()._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=str(tmp_path)))


LONG_NAME = "Laporan_" + "anggaran_pendapatan_" * 9 + "é" * 10 + ".csv"
JAVANESE_NAME = "Pengumuman " + "ꦧꦚꦸꦮꦔꦶ " * 33 + "(final).csv"  # 253 letters, 649 bytes


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [LONG_NAME, "Pengumuman hasil seleksi تجربة ꦧꦚꦸ (final).csv", JAVANESE_NAME],
    ids=["200", "nonascii", "javanese-600-bytes"],
)
def test_document_with_long_or_non_ascii_name_is_stored_and_served(admin_client, name, disk_media):
    upload = SimpleUploadedFile(name, b"desa,jumlah\nKabat,3\n", content_type="text/csv")

    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Uji nama berkas", "file": upload, "collection": 1},
    )

    assert len(LONG_NAME) >= 200 and len(JAVANESE_NAME.encode()) > 600
    assert response.status_code == 302, re.findall(r"error-message.*?</", response.content.decode())
    document = get_document_model().objects.get(title="Uji nama berkas")
    # On disk: a short name that fits the 100-character field and ext4's 255 bytes per name.
    assert len(document.file.name) <= 100
    assert len(document.file.name.rsplit("/", 1)[-1].encode()) <= 160
    # Kept and served: the exact uploaded name.
    assert document.original_filename == name
    assert document.filename == name
    served = admin_client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"desa,jumlah\nKabat,3\n"
    disposition = served["Content-Disposition"]
    assert disposition.startswith("attachment")
    if name.isascii():
        assert f'filename="{name}"' in disposition
    else:  # RFC 6266: an ASCII fallback plus the exact UTF-8 name
        encoded = "filename*=utf-8''" + urllib.parse.quote(name)
        assert encoded.lower() in disposition.lower()
        assert 'filename="' in disposition


@pytest.mark.django_db
def test_replacing_a_documents_file_keeps_the_new_uploaded_name(admin_client, disk_media):
    first = SimpleUploadedFile("Daftar lama.csv", b"a\n", content_type="text/csv")
    admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Daftar", "file": first, "collection": 1}
    )
    document = get_document_model().objects.get(title="Daftar")
    second = SimpleUploadedFile("Daftar baru – revisi ke-2.csv", b"b\n", content_type="text/csv")

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Daftar", "file": second, "collection": 1, "tags": ""},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.filename == "Daftar baru – revisi ke-2.csv"
    # An edit without a new file keeps the name.
    admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Daftar (ubah judul)", "collection": 1, "tags": ""},
    )
    document.refresh_from_db()
    assert document.title == "Daftar (ubah judul)"
    assert document.filename == "Daftar baru – revisi ke-2.csv"


def test_disk_names_are_cut_by_characters_and_bytes_and_keep_the_extension():
    assert shortened_name("a" * 200 + ".PDF") == "a" * 76 + ".pdf"  # 80 characters
    javanese = shortened_name("ꦧ" * 200 + ".pdf")  # 3 bytes a letter
    assert javanese == "ꦧ" * 52 + ".pdf" and len(javanese.encode()) == 160
    assert shortened_name("   .pdf") == "berkas.pdf"
    assert shortened_name(".png") == "berkas.png"
    assert shortened_name("🎉👨👩👧.png") == "berkas.png"  # storage would keep only ".png"


def test_original_names_lose_directories_and_control_characters_only():
    assert original_name("C:\\Users\\staf\\Laporan\x0b akhir.pdf") == "Laporan akhir.pdf"
    assert original_name("../../etc/تقرير.pdf") == "تقرير.pdf"
    assert original_name(".pdf") == original_name("   .pdf") == "berkas.pdf"
    # What a browser sends for 'Surat "resmi".pdf' and for a name with a line break.
    assert original_name("Surat %22resmi%22 Bupati's.pdf") == 'Surat "resmi" Bupati\'s.pdf'
    assert original_name("baris%0D%0Adua.pdf") == "baris  dua.pdf"
    assert original_name("diskon 50% %20.pdf") == "diskon 50% %20.pdf"  # other % stay
    long = original_name("x" * 300 + ".xlsx")
    assert len(long) == 255 and long.endswith(".xlsx")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["Foto_kegiatan_" + "bupati_di_desa_" * 12 + "ñ" * 6 + ".png", "ꦥꦶꦤ꧀ꦝꦺꦴꦥꦺꦴ " * 25 + ".png"],
    ids=["200-latin", "javanese"],
)
def test_image_with_200_character_non_ascii_name_is_stored_and_rendered(admin_client, name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (10, 20, 30)).save(buffer, format="PNG")
    upload = SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")

    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Foto panjang", "file": upload, "collection": 1}
    )

    assert len(name) >= 200
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Foto panjang")
    assert len(image.file.name) <= 100 and image.file.name.endswith(".png")
    assert len(image.file.name.rsplit("/", 1)[-1].encode()) <= 160
    rendition = image.get_rendition("fill-20x10")  # what public pages serve
    assert (rendition.width, rendition.height) == (20, 10)
    assert len(rendition.file.name.rsplit("/", 1)[-1].encode()) <= 255


@pytest.mark.django_db
def test_image_over_50_megapixels_is_refused_in_indonesian(admin_client):
    buffer = io.BytesIO()
    PILImage.new("1", (7100, 7100)).save(buffer, format="PNG")  # 50.41 million pixels
    upload = SimpleUploadedFile("besar.png", buffer.getvalue(), content_type="image/png")

    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Terlalu besar", "file": upload, "collection": 1}
    )

    html = response.content.decode()
    assert response.status_code == 200  # the form again, with the message; nothing saved
    assert "Gambar terlalu besar: 50410000 piksel, paling banyak 50000000 piksel" in html
    assert not get_image_model().objects.filter(title="Terlalu besar").exists()
