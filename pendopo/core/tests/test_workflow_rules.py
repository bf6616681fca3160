"""The kernel's workflow table and rule shapes."""

import pytest

from pendopo.core import rules as rules_module
from pendopo.core.rules import Rule, Unit, rules_of
from pendopo.core.workflow import InvalidTransition, allowed_actions, is_allowed, next_status

TABLE = {
    (None, "submit"): "received",
    ("received", "verify"): "assigned",
    ("received", "archive"): "archived",
}


def test_next_status_follows_the_table():
    assert next_status(TABLE, None, "submit") == "received"
    assert next_status(TABLE, "received", "verify") == "assigned"


def test_next_status_refuses_a_missing_row_with_the_labels():
    with pytest.raises(InvalidTransition) as caught:
        next_status(TABLE, "assigned", "verify", describe=lambda s, a: ("Diteruskan", "verifikasi"))
    assert "verifikasi" in str(caught.value) and "Diteruskan" in str(caught.value)


def test_allowed_actions_in_table_order():
    assert allowed_actions(TABLE, "received") == ["verify", "archive"]
    assert allowed_actions(TABLE, "archived") == []
    assert is_allowed(TABLE, "received", "archive")
    assert not is_allowed(TABLE, "archived", "archive")


def test_rule_reads_as_amount_and_unit():
    rule = Rule(10, Unit.WORKING_DAYS, "UU 14/2008 Pasal 22 ayat (7)", "ppid-jawaban")
    assert int(rule) == 10
    assert str(rule) == "10 hari kerja"


def test_rules_of_lists_module_rules():
    class Module:
        ANSWER = Rule(10, Unit.WORKING_DAYS, "x", "y")
        OTHER = 3

    assert rules_of(Module) == {"ANSWER": Module.ANSWER}
    assert rules_of(rules_module) == {}
