"""Text safe for XML feeds and calendars: no markup, no control characters."""

from __future__ import annotations

import re

from django.utils.html import strip_tags

from pendopo.publishing.selectors import WITHDRAWN_TITLE_PREFIX

# XML 1.0 allows TAB, LF and CR only among C0 controls; DEL and C1 controls are legal but
# invisible garbage from word processors (Word pastes U+000B for a manual line break), and
# U+FFFE/U+FFFF and lone surrogates are not characters at all.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\x0b\x0c\u2028\u2029]")


def clean_text(text: str | None) -> str:
    """``text`` without control characters; Word's U+000B/U+000C line breaks become spaces."""
    return _FORBIDDEN.sub("", _LINE_BREAKS.sub(" ", text or ""))


def one_line(text: str | None) -> str:
    """A title: control characters removed, all whitespace collapsed to single spaces."""
    return " ".join(clean_text(text).split())


def plain_text(html_or_text: str | None, limit: int | None = None) -> str:
    """Plain text of rich text or HTML: tags dropped, whitespace collapsed, controls removed.

    Internal Wagtail markup (``<a linktype="page" id="3">``) goes with the tags, so no
    reader ever sees it. ``limit`` cuts at a word boundary with an ellipsis.
    """
    flat = " ".join(clean_text(strip_tags(html_or_text or "")).split())
    if limit is None or len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0].rstrip() + "…"


def stream_text(stream) -> str:
    """Plain text of a StreamField's rich-text and paragraph blocks, in order."""
    parts = []
    for block in stream or []:
        value = block.value
        source = getattr(value, "source", None)
        if source is not None:  # RichText
            parts.append(source)
        elif isinstance(value, str):
            parts.append(value)
    return plain_text(" ".join(parts))


def withdrawn_title(title: str, withdrawal) -> str:
    """A feed or calendar title: ``[Ditarik] `` before it when the item is withdrawn."""

    return (WITHDRAWN_TITLE_PREFIX if withdrawal else "") + one_line(title)


def withdrawn_summary(text: str, withdrawal) -> str:
    """``text`` led by "Ditarik pada <date>: <reason>." when the item is withdrawn.

    The date is ISO 8601 (``2026-11-29``) in the site zone, so a harvester can read it.
    """
    if not withdrawal:
        return text
    from django.utils import timezone

    day = timezone.localtime(withdrawal.withdrawn_at).date().isoformat()
    reason = plain_text(withdrawal.reason, limit=1000)
    lead = f"Ditarik pada {day}: {reason}"
    lead = lead if lead.endswith((".", "!", "?")) else lead + "."
    return f"{lead} {text}" if text else lead
