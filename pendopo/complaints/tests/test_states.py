import pytest

from pendopo.complaints.states import (
    TRANSITIONS,
    Action,
    CaseStatus,
    TransitionRefused,
    allowed_actions,
    next_status,
)


def test_every_transition_leads_to_a_known_status():
    assert set(TRANSITIONS.values()) <= set(CaseStatus.values)
    assert {action for _source, action in TRANSITIONS} <= set(Action.values)


def test_verify_routes_a_received_or_held_case_to_an_agency():
    assert next_status(CaseStatus.RECEIVED, Action.VERIFY) == CaseStatus.ASSIGNED
    assert next_status(CaseStatus.ON_HOLD, Action.VERIFY) == CaseStatus.ASSIGNED


def test_a_reporter_reply_reopens_an_answered_or_closed_case():
    assert next_status(CaseStatus.ANSWERED, Action.REOPEN) == CaseStatus.ASSIGNED
    assert next_status(CaseStatus.CLOSED, Action.REOPEN) == CaseStatus.ASSIGNED


def test_spam_cannot_be_answered_and_closed_cases_cannot_be_verified():
    with pytest.raises(TransitionRefused):
        next_status(CaseStatus.SPAM, Action.FOLLOW_UP)
    with pytest.raises(TransitionRefused):
        next_status(CaseStatus.CLOSED, Action.VERIFY)


def test_a_referred_or_archived_case_is_final():
    assert allowed_actions(CaseStatus.REFERRED) == []
    assert allowed_actions(CaseStatus.ARCHIVED) == []
