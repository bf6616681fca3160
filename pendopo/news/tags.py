"""Tag input: one canonical tag per normalised form (issue 4).

With ``TAGGIT_CASE_INSENSITIVE`` taggit reuses an existing tag whatever its case; this parser
also normalises Unicode (NFC) and runs of spaces, so "Banjir", " BANJIR " and "banjir" all
become the first-stored tag.
"""

from __future__ import annotations

import unicodedata

from taggit.utils import _parse_tags


def normalise_tag(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split())


def parse_tags(tagstring: str) -> list[str]:
    """Taggit's parser, then normalised and de-duplicated case-insensitively (order kept)."""
    seen: set[str] = set()
    tags = []
    for tag in _parse_tags(tagstring or ""):
        name = normalise_tag(tag)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            tags.append(name)
    return tags
