"""Public template helpers of publishing: the withdrawal banner."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("publishing/withdrawal_notice.html")
def withdrawal_notice(page):
    """The "ditarik" banner of a withdrawn page (when and why), or nothing."""
    from pendopo.publishing.selectors import withdrawal_of

    return {"withdrawal": withdrawal_of(page) if getattr(page, "pk", None) else None}
