"""The preview picture of a shared link (Open Graph): 1200×630 JPEG of at most 300 KB.

WhatsApp, Facebook and X show ``og:image`` only when it is large enough and small in bytes;
a page's own picture is cropped around its focal point (and enlarged when smaller), else
the site default ``core/og-default.jpg`` is used.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.templatetags.static import static
from wagtail.images.image_operations import FillOperation

OG_WIDTH = 1200
OG_HEIGHT = 630
OG_MAX_BYTES = 300 * 1024
OG_QUALITIES = (80, 65, 50, 35)  # tried in turn until the JPEG fits OG_MAX_BYTES
DEFAULT_IMAGE = "core/og-default.jpg"
IMAGE_FIELDS = ("og_image", "lead_image", "image")  # first one set on the page wins


class ExactFillOperation(FillOperation):
    """``ogfill-1200x630``: like ``fill`` (focal point kept) but always exactly that size;
    Wagtail's ``fill`` never enlarges, which would leave small photos below 1200×630."""

    def run(self, transform, image):
        transform = super().run(transform, image)
        if transform.size != (self.width, self.height):
            transform = transform.resize((self.width, self.height))
        return transform


@dataclass(frozen=True)
class PreviewImage:
    url: str  # absolute
    width: int
    height: int
    alt: str


def page_image(page):
    """The Wagtail image a page is shared with, or None."""
    for name in IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None and hasattr(image, "get_rendition"):
            return image
    return None


def preview_rendition(image):
    """A JPEG rendition of exactly 1200×630 and at most 300 KB, or None when the file
    cannot be read (a missing or broken original must not break the page)."""
    for quality in OG_QUALITIES:
        spec = f"ogfill-{OG_WIDTH}x{OG_HEIGHT}|format-jpeg|jpegquality-{quality}"
        try:
            rendition = image.get_rendition(spec)
            size = rendition.file.size
        except (OSError, ValueError):
            return None
        if size <= OG_MAX_BYTES:
            return rendition
    return None


def preview_image(page, base_url: str) -> PreviewImage:
    """The page's preview picture (absolute URL on ``base_url``), else the site default."""
    image = page_image(page) if page is not None else None
    rendition = preview_rendition(image) if image is not None else None
    if rendition is not None and image is not None:
        url = rendition.url
        if not url.startswith(("http://", "https://")):
            url = base_url.rstrip("/") + url
        alt = getattr(image, "description", "") or image.title
        return PreviewImage(url=url, width=OG_WIDTH, height=OG_HEIGHT, alt=alt)
    url = static(DEFAULT_IMAGE)
    if not url.startswith(("http://", "https://")):
        url = base_url.rstrip("/") + url
    return PreviewImage(url=url, width=OG_WIDTH, height=OG_HEIGHT, alt="")
