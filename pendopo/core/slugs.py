"""Readable ASCII slugs for any title, also one in Arabic or Javanese script.

Latin titles keep their words (accents dropped: "Pembangunan Jalan Désa" →
``pembangunan-jalan-desa``). A title that transliterates to nothing gets the page type and
the local date (``berita-2026-11-29``), made unique among its siblings with ``-2``, ``-3``.
"""

from __future__ import annotations

import unicodedata

from django.utils import timezone
from django.utils.text import slugify

MAX_SLUG = 80


def ascii_slug(text: str) -> str:
    """``text`` as a lower-case ASCII slug, or "" when nothing Latin is left."""
    flat = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    return slugify(flat)[:MAX_SLUG].strip("-")


def readable_slug(title: str, *, kind: str, taken) -> str:
    """A slug for ``title`` not in ``taken`` (a container or a predicate on a candidate).

    ``kind`` is the page type's name ("berita") used when the title has no Latin letters.
    """
    base = ascii_slug(title) or f"{ascii_slug(kind) or 'halaman'}-{timezone.localdate():%Y-%m-%d}"
    is_taken = taken if callable(taken) else (lambda slug: slug in taken)
    candidate, suffix = base, 1
    while is_taken(candidate):
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate
