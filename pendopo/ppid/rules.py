"""Every legal number of PPID (UU 14/2008 KIP; Perki 1/2021): amount, unit, article of law.

Models, forms, constraints, selectors, services and templates read these rules, never a
literal. Each ``doc`` is the anchor of the rule's entry in ``docs/rules.md``.
"""

from __future__ import annotations

from pendopo.core.rules import Rule, Unit

ANSWER = Rule(10, Unit.WORKING_DAYS, "UU 14/2008 Pasal 22(7)", "ppid-answer-deadline")
"""Written notice answering a request: ≤ 10 hari kerja from receipt."""

EXTENSION = Rule(7, Unit.WORKING_DAYS, "UU 14/2008 Pasal 22(8)", "ppid-extension")
"""The answer deadline may be extended once, by ≤ 7 hari kerja, with written reasons."""

EXTENSIONS_ALLOWED = Rule(1, Unit.COUNT, "UU 14/2008 Pasal 22(8)", "ppid-extension")
"""How many times the answer deadline may be extended: once."""

OBJECTION_FILING = Rule(30, Unit.WORKING_DAYS, "UU 14/2008 Pasal 36(1)", "ppid-objection-filing")
"""A keberatan is filed ≤ 30 hari kerja after its ground arose."""

OBJECTION_ANSWER = Rule(30, Unit.WORKING_DAYS, "UU 14/2008 Pasal 36(2)", "ppid-objection-answer")
"""The atasan PPID answers a keberatan ≤ 30 hari kerja after written receipt."""

DISPUTE_FILING = Rule(14, Unit.WORKING_DAYS, "UU 14/2008 Pasal 37(2)", "ppid-dispute-filing")
"""A sengketa goes to the Komisi Informasi ≤ 14 hari kerja after the atasan's answer (or
after the 30-hari-kerja answer period lapsed)."""

BERKALA_REFRESH = Rule(6, Unit.MONTHS, "UU 14/2008 Pasal 9", "ppid-berkala-freshness")
"""Berkala (periodic) information is announced again at least every 6 months."""

ANNUAL_REPORT = Rule(3, Unit.MONTHS, "Perki 1/2021 Pasal 56", "ppid-annual-report")
"""The yearly service report is due ≤ 3 months after the budget year ends (31 March)."""

# The deadline of an extended request counts both ayat; the text names them together.
ANSWER_EXTENDED_BASIS = "UU 14/2008 Pasal 22(7)–(8)"
