"""Tools for demonstration content, shared by every app's demo loader.

The marks (``DEMO_MARK`` on every item, ``DEMO_NOTICE`` site-wide), the demo account names,
and helpers that add a page, an image or a document once. The regency's demo itself is
``pendopo.portal.demo``.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

DEMO_MARK = "<p><em>Ini konten demonstrasi (contoh), bukan informasi resmi.</em></p>"
DEMO_NOTICE = (
    "Data wilayah dan perangkat daerah berasal dari sumber resmi; berita, pengumuman, agenda "
    "dan teks profil adalah konten contoh."
)
DEMO_USERNAME = "admin"
DEMO_EDITOR_USERNAME = "editor.dinkes"
DEMO_MODERATOR_USERNAME = "moderator.dinkes"
DEMO_PORTAL_EDITOR_USERNAME = "editor.portal"


@dataclass
class DemoReport:
    created: dict[str, int] = field(default_factory=dict)
    password: str = ""

    def add(self, label: str) -> None:
        self.created[label] = self.created.get(label, 0) + 1


def _body(*paragraphs: str) -> list[tuple[str, str]]:
    return [("paragraph", DEMO_MARK)] + [("paragraph", f"<p>{p}</p>") for p in paragraphs]


def _add_once(parent: Page, page: Page, report: DemoReport, label: str) -> Page:
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add(label)
    return page


def _demo_image(title: str, colour: tuple[int, int, int], collection, report: DemoReport):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (960, 540), colour)
    draw = ImageDraw.Draw(canvas)
    for i in range(0, 960, 60):
        draw.line([(i, 540), (i + 300, 0)], fill=tuple(min(255, c + 25) for c in colour), width=12)
    # The label sits on the focal point (300, 270), which every crop of the image keeps;
    # Pillow's bundled FreeType font at a readable size (the bitmap default is 11 px high).
    font = ImageFont.load_default(size=28)
    label = title[:16]
    left, top, right, bottom = draw.textbbox((300, 270), label, font=font, anchor="mm")
    draw.rectangle([left - 12, top - 10, right + 12, bottom + 10], fill=(255, 255, 255))
    draw.text((300, 270), label, fill=(20, 20, 20), font=font, anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=70)
    image = Image(
        title=title,
        collection=collection,
        file=ImageFile(buffer, name=f"demo-{secrets.token_hex(4)}.jpg"),
        focal_point_x=300,
        focal_point_y=270,
        focal_point_width=200,
        focal_point_height=200,
    )
    image.save()
    report.add("gambar")
    return image


def _demo_document(title: str, content: str, collection, report: DemoReport):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title, collection=collection)
    document.file.save("demo-daftar.csv", ContentFile(content.encode("utf-8")), save=False)
    document.save()
    report.add("dokumen")
    return document
