"""Page budgets from DESIGN.md, measured as a citizen on mobile data pays for them.

First view = the HTML plus every stylesheet, script and ``<img src>`` it references, with
text compressed by gzip as the server (whitenoise, nginx) sends it. Budgets: CSS ≤ 30 KB
and JS ≤ 30 KB compressed; a text page ≤ 200 KB in total; any page (a photo gallery too)
≤ 500 KB. Lazy images count as if loaded: a citizen who scrolls pays for them.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage

KB = 1024
CSS_BUDGET = 30 * KB
JS_BUDGET = 30 * KB
TEXT_PAGE_BUDGET = 200 * KB
ANY_PAGE_BUDGET = 500 * KB

# (name, host, path): text pages a citizen typically opens from a shared link.
TEXT_PAGES = [
    ("beranda", "localhost", "/"),
    ("berita", "localhost", "/berita/contoh-berita-1/"),
    ("kecamatan", "localhost", "/profil/wilayah/glenmore/"),
    ("perangkat-daerah", "localhost", "/perangkat-daerah/dinkes/"),
    ("sub-situs", "dinkes.localhost", "/"),
    ("pengaduan", "localhost", "/pengaduan/"),
    ("tanya-jawab", "localhost", "/pengaduan/tanya-jawab/"),
    ("statistik-pengaduan", "localhost", "/pengaduan/statistik/"),
]

# (name, host, path): picture-heavy pages, held to the any-page budget.
PICTURE_PAGES = [
    ("galeri", "localhost", "/galeri/"),
    ("galeri-foto-video", "localhost", "/galeri/contoh-galeri-festival/"),
]


class _Resources(HTMLParser):
    """The URLs a browser fetches on first view: stylesheets, scripts and images."""

    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rel = (attributes.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and attributes.get("href"):
            self.css.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.js.append(attributes["src"])
        elif tag == "img" and attributes.get("src"):
            self.images.append(attributes["src"])


@dataclass
class Weight:
    html: int = 0
    css: int = 0
    js: int = 0
    images: int = 0
    files: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html + self.css + self.js + self.images

    def __str__(self) -> str:
        return (
            f"HTML {self.html / KB:.1f} KB + CSS {self.css / KB:.1f} KB + JS {self.js / KB:.1f} KB"
            f" + images {self.images / KB:.1f} KB = {self.total / KB:.1f} KB"
            f" ({', '.join(self.files) or 'no other files'})"
        )


def _gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def _static_file(url: str) -> bytes:
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"{url} is not a static file of this site"
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"{url} is linked but no static file finder has it"
    with open(found, "rb") as handle:
        return handle.read()


def _media_file(url: str) -> bytes:
    path = urlsplit(url).path
    assert path.startswith(settings.MEDIA_URL), f"{url} is not a media file of this site"
    with default_storage.open(path.removeprefix(settings.MEDIA_URL)) as handle:
        return handle.read()


def _weigh(client, host: str, path: str) -> Weight:
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, f"{host}{path} answered {response.status_code}"
    html = response.content
    resources = _Resources()
    resources.feed(html.decode(response.charset or "utf-8"))

    weight = Weight(html=_gzipped(html))
    for url in resources.css:
        weight.css += _gzipped(_static_file(url))
    for url in resources.js:
        weight.js += _gzipped(_static_file(url))
    for url in dict.fromkeys(resources.images):  # a browser fetches a repeated image once
        weight.images += len(_media_file(url))
    weight.files = [*resources.css, *resources.js, *dict.fromkeys(resources.images)]
    return weight


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "host", "path"), TEXT_PAGES, ids=[p[0] for p in TEXT_PAGES])
def test_text_page_stays_within_its_budget_on_first_view(client, name, host, path):
    weight = _weigh(client, host, path)

    print(f"{name} {host}{path}: {weight}")
    assert weight.css <= CSS_BUDGET, f"CSS over 30 KB compressed: {weight}"
    assert weight.js <= JS_BUDGET, f"JS over 30 KB compressed: {weight}"
    assert weight.total <= TEXT_PAGE_BUDGET, f"{host}{path} over 200 KB: {weight}"


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "host", "path"), PICTURE_PAGES, ids=[p[0] for p in PICTURE_PAGES])
def test_picture_page_stays_within_the_any_page_budget(client, name, host, path):
    weight = _weigh(client, host, path)

    print(f"{name} {host}{path}: {weight}")
    assert weight.css <= CSS_BUDGET, f"CSS over 30 KB compressed: {weight}"
    assert weight.js <= JS_BUDGET, f"JS over 30 KB compressed: {weight}"
    assert weight.total <= ANY_PAGE_BUDGET, f"{host}{path} over 500 KB: {weight}"
