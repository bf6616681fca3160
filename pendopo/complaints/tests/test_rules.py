"""The SP4N-LAPOR! rule table: real values, basis, and proof that services read it."""

import dataclasses
import datetime

import pytest
from django.template import Context, Template

from pendopo.complaints import rules, services
from pendopo.complaints.tests.conftest import wib
from pendopo.core.rules import Unit, rules_of


def test_every_rule_has_its_real_value_unit_basis_and_doc_anchor():
    assert {name: (r.amount, r.unit) for name, r in rules_of(rules).items()} == {
        "VERIFY": (3, Unit.WORKING_DAYS),
        "FOLLOW_UP": (5, Unit.WORKING_DAYS),
        "AUTO_CLOSE": (10, Unit.WORKING_DAYS),
    }
    for rule in rules_of(rules).values():
        assert "Perpres 76/2013" in rule.basis
        assert "PermenPANRB 62/2018" in rule.basis
    assert rules.VERIFY.doc == "complaints-verification"
    assert rules.FOLLOW_UP.doc == "complaints-follow-up"
    assert rules.AUTO_CLOSE.doc == "complaints-auto-close"


def test_the_clocks_use_the_real_amounts(make_case, coordinator, agencies, dinkes_liaison):
    case = make_case(received_at=wib(2026, 3, 16, 9))
    assert (case.step_days, case.due_on) == (3, datetime.date(2026, 3, 26))

    case = services.verify_case(
        case=case, by=coordinator, agency=agencies["dinkes"], now=wib(2026, 2, 2, 9)
    )
    assert (case.step_days, case.due_on) == (5, datetime.date(2026, 2, 9))
    assert case.step_rule == rules.FOLLOW_UP_TEXT

    case = services.post_follow_up(
        case=case, by=dinkes_liaison, body="Sudah.", now=wib(2026, 2, 2, 10)
    )
    assert case.step_days == 10
    assert case.step_rule == rules.AUTO_CLOSE_TEXT


def test_changing_a_rule_changes_the_computed_deadline(make_case, monkeypatch):
    before = make_case(received_at=wib(2026, 3, 16, 9))
    monkeypatch.setattr(rules, "VERIFY", dataclasses.replace(rules.VERIFY, amount=4))

    after = make_case(received_at=wib(2026, 3, 16, 9))

    assert before.due_on == datetime.date(2026, 3, 26)
    assert after.step_days == 4
    assert after.due_on == datetime.date(2026, 3, 27)


@pytest.mark.parametrize(("name", "amount"), [("verify", 3), ("follow_up", 5), ("auto_close", 10)])
def test_templates_read_the_rules_through_the_tag(name, amount, monkeypatch):
    template = Template("{% load complaint_tags %}{% complaint_rule name as days %}{{ days }}")
    assert template.render(Context({"name": name})) == str(amount)

    rule = getattr(rules, name.upper())
    monkeypatch.setattr(rules, name.upper(), dataclasses.replace(rule, amount=amount + 1))
    assert template.render(Context({"name": name})) == str(amount + 1)
