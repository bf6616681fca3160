"""Open Graph previews: every public page names a 1200×630 JPEG of at most 300 KB, the
page's own picture (cropped around its focal point) or the site default."""

import io
import random
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from pendopo.core.sharing import preview_rendition
from pendopo.news.models import NewsPage

PUBLIC_PAGES = [
    "/",
    "/profil/",
    "/berita/",
    "/berita/contoh-berita-1/",
    "/pengumuman/",
    "/agenda/",
    "/agenda/pimpinan/",
    "/perangkat-daerah/",
    "/perangkat-daerah/dinkes/",
    "/feeds/",
    "/cari/?q=pasar",
]


def meta(html: str, prop: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', html)
    return found.group(1) if found else None


def check_jpeg(data: bytes) -> None:
    picture = PILImage.open(io.BytesIO(data))
    assert picture.format == "JPEG"
    assert picture.size == (1200, 630)
    assert len(data) <= 300 * 1024


def make_image(width: int, height: int, *, noise: bool = False):
    canvas = PILImage.new("RGB", (width, height), (40, 120, 60))
    if noise:
        data = random.Random(4).randbytes(width * height * 3)
        canvas = PILImage.frombytes("RGB", (width, height), data)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = get_image_model()(title="Uji", file=ImageFile(buffer, name="uji.png"))
    image.save()
    return image


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_has_open_graph_tags_and_jsonld(client, path):
    html = client.get(path).content.decode()

    assert meta(html, "og:title")
    assert meta(html, "og:url").startswith("http://localhost/")
    assert meta(html, "og:image").startswith("http://localhost/")
    assert meta(html, "og:image:type") == "image/jpeg"
    assert meta(html, "og:image:width") == "1200" and meta(html, "og:image:height") == "630"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert '<script type="application/ld+json">' in html


@pytest.mark.django_db
def test_site_default_preview_is_a_small_1200x630_jpeg(client):
    html = client.get("/profil/").content.decode()

    assert meta(html, "og:image") == "http://localhost/static/core/og-default.jpg"
    with open(finders.find("core/og-default.jpg"), "rb") as handle:
        check_jpeg(handle.read())


@pytest.mark.django_db
def test_news_preview_is_its_own_picture_as_1200x630_jpeg(client):
    page = NewsPage.objects.live().exclude(image=None).first()

    html = client.get(page.url).content.decode()

    url = meta(html, "og:image")
    path = url.removeprefix("http://localhost")
    rendition = next(r for r in Rendition.objects.filter(image=page.image) if r.url == path)
    with rendition.file.open("rb") as handle:
        check_jpeg(handle.read())


@pytest.mark.django_db
def test_small_picture_is_enlarged_to_the_full_preview_size():
    image = make_image(400, 300)

    rendition = preview_rendition(image)

    with rendition.file.open("rb") as handle:
        check_jpeg(handle.read())


@pytest.mark.django_db
def test_noisy_photo_is_compressed_until_it_fits_300_kb():
    image = make_image(1600, 900, noise=True)

    rendition = preview_rendition(image)

    assert "jpegquality-80" not in rendition.filter_spec  # 80 gives ~500 KB for pure noise
    with rendition.file.open("rb") as handle:
        check_jpeg(handle.read())
