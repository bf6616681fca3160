"""Public template helpers of publishing: the withdrawal banner and the list marker."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("publishing/withdrawal_notice.html")
def withdrawal_notice(page):
    """The "ditarik" banner of a withdrawn page (when and why), or nothing."""
    from pendopo.publishing.selectors import withdrawal_of

    return {"withdrawal": withdrawal_of(page) if getattr(page, "pk", None) else None}


@register.inclusion_tag("publishing/withdrawn_marker.html")
def withdrawn_marker(item):
    """The "Ditarik <date>" marker of a withdrawn item in a list (text, not only colour).

    Reads the ``withdrawn_at`` annotation of ``selectors.with_withdrawal`` when the list has
    it (no query); renders nothing for an item that is not withdrawn.
    """
    from pendopo.publishing.selectors import listed_withdrawal

    return {"withdrawal": listed_withdrawal(item)}
