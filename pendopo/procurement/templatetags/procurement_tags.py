"""Template filters of procurement pages: rupiah amounts, local times and the rules."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template

from pendopo.core.rules import rules_of

register = template.Library()


@register.simple_tag
def procurement_rule(name: str) -> int:
    """The amount of ``rules.<NAME>`` (``"sanggah"`` → 5 hari kalender); KeyError on a typo."""
    from pendopo.procurement import rules

    return rules_of(rules)[name.upper()].amount


@register.filter
def rupiah(value) -> str:
    """``1250000000`` → ``"Rp 1.250.000.000"``; sen shown only when not zero
    (``"Rp 99.983.250,50"``); None or "" → ``"–"``."""
    if value is None or value == "":
        return "–"
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return "–"
    sign = "-" if amount < 0 else ""
    whole, _dot, cents = f"{abs(amount):.2f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    return f"{sign}Rp {groups}" + (f",{cents}" if cents != "00" else "")


@register.filter
def percent(value, digits: int = 1) -> str:
    """``12.345`` → ``"12,3%"`` (Indonesian decimal comma)."""
    if value is None:
        return "–"
    return f"{float(value):.{int(digits)}f}".replace(".", ",") + "%"
