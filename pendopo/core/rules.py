"""The shape of a numbered legal rule, shared by every case app's ``rules.py``.

A rule carries its amount, its unit and the article of law it comes from, and the anchor of
its entry in ``docs/rules.md``; models, forms, constraints, selectors and templates read the
amount from the rule, never from a literal::

    ANSWER = Rule(10, Unit.WORKING_DAYS, "UU 14/2008 Pasal 22 ayat (7)", "ppid-jawaban")
    deadline = add_working_days(received_on, ANSWER.amount)
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Unit(enum.StrEnum):
    """The unit of a rule's amount."""

    WORKING_DAYS = "hari kerja"
    CALENDAR_DAYS = "hari kalender"
    MONTHS = "bulan"
    HOURS = "jam"
    MINUTES = "menit"
    RUPIAH = "rupiah"
    COUNT = "kali"
    YEARS = "tahun"
    PERCENT = "persen"


@dataclass(frozen=True)
class Rule:
    """One numbered rule: ``amount`` in ``unit``, set by ``basis`` (the article of law).

    ``doc`` is the anchor of the rule's entry in ``docs/rules.md`` (``docs/rules.md#<doc>``).
    """

    amount: int
    unit: Unit
    basis: str
    doc: str

    def __int__(self) -> int:
        return self.amount

    def __str__(self) -> str:
        return f"{self.amount} {self.unit}"


def rules_of(module: object) -> dict[str, Rule]:
    """Every :class:`Rule` defined at module level in ``module``, by name (for docs and tests)."""
    return {name: value for name, value in vars(module).items() if isinstance(value, Rule)}
