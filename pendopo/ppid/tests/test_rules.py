"""PPID's legal numbers: each rule says what the law says, and the code reads the rule."""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

import pytest

from pendopo.core.calendar import get_calendar
from pendopo.core.rules import Unit, rules_of
from pendopo.ppid import rules
from pendopo.ppid.models import AnnualReport
from pendopo.ppid.services import objection_window, request_deadline
from pendopo.ppid.states import ObjectionGround

from .conftest import wib

# UU 14/2008 (KIP) and Perki 1/2021, as docs/rules.md quotes them.
LAW = {
    "ANSWER": (10, Unit.WORKING_DAYS, "UU 14/2008 Pasal 22(7)"),
    "EXTENSION": (7, Unit.WORKING_DAYS, "UU 14/2008 Pasal 22(8)"),
    "EXTENSIONS_ALLOWED": (1, Unit.COUNT, "UU 14/2008 Pasal 22(8)"),
    "OBJECTION_FILING": (30, Unit.WORKING_DAYS, "UU 14/2008 Pasal 36(1)"),
    "OBJECTION_ANSWER": (30, Unit.WORKING_DAYS, "UU 14/2008 Pasal 36(2)"),
    "DISPUTE_FILING": (14, Unit.WORKING_DAYS, "UU 14/2008 Pasal 37(2)"),
    "BERKALA_REFRESH": (6, Unit.MONTHS, "UU 14/2008 Pasal 9"),
    "ANNUAL_REPORT": (3, Unit.MONTHS, "Perki 1/2021 Pasal 56"),
}


def test_every_rule_has_the_amount_unit_and_article_of_the_law():
    found = {name: (r.amount, r.unit, r.basis) for name, r in rules_of(rules).items()}

    assert found == LAW
    assert all(r.doc.startswith("ppid-") for r in rules_of(rules).values())


def _with_amount(monkeypatch, name: str, amount: int) -> None:
    monkeypatch.setattr(rules, name, dataclasses.replace(getattr(rules, name), amount=amount))


def test_changing_the_answer_rule_changes_the_request_deadline(make_request, monkeypatch):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))
    assert request_deadline(request).due_on == datetime.date(2026, 4, 7)

    _with_amount(monkeypatch, "ANSWER", 11)

    expected = get_calendar().add_working_days(datetime.date(2026, 4, 7), 1)
    assert request.total_working_days == 11
    assert request_deadline(request).due_on == expected


def test_changing_the_filing_rule_changes_the_objection_window(make_request, monkeypatch):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))
    now = wib(2026, 4, 8, 8, 0)
    assert objection_window(request, ObjectionGround.C, now=now).due_on == datetime.date(
        2026, 5, 25
    )

    _with_amount(monkeypatch, "OBJECTION_FILING", 31)

    expected = get_calendar().add_working_days(datetime.date(2026, 5, 25), 1)
    assert objection_window(request, ObjectionGround.C, now=now).due_on == expected


@pytest.mark.parametrize(("months", "due"), [(3, datetime.date(2026, 3, 31)), (2, None)])
def test_the_report_deadline_follows_its_rule(monkeypatch, months, due):
    _with_amount(monkeypatch, "ANNUAL_REPORT", months)

    expected = due or datetime.date(2026, 2, 28)
    assert AnnualReport(year=2025).due_on == expected


def test_no_ppid_template_compares_a_status_string():
    root = Path(__file__).parents[1] / "templates"
    pattern = re.compile(r"""status\s*[!=]=\s*["']|["']\s*[!=]=\s*[\w.]*status\b""")
    offenders = [
        str(path) for path in root.rglob("*.html") if pattern.search(path.read_text("utf-8"))
    ]

    assert list(root.rglob("*.html")) and offenders == []
