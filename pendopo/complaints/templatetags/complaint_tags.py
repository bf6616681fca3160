"""Template access to the complaint rules: ``{% complaint_rule "follow_up" as days %}``."""

from __future__ import annotations

from django import template

from pendopo.complaints import rules
from pendopo.core.rules import rules_of

register = template.Library()


@register.simple_tag
def complaint_rule(name: str) -> int:
    """The amount of ``rules.<NAME>`` (``"verify"`` → 3 hari kerja); KeyError on a typo."""
    return rules_of(rules)[name.upper()].amount
