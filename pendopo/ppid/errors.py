"""PPID's domain errors: each refusal has its own class, so callers and tests can tell them apart.

All are :class:`pendopo.core.errors.DomainError` (``str()`` is a translated message); a wrong
status for an action is the kernel's :class:`pendopo.core.workflow.InvalidTransition`.
"""

from __future__ import annotations

from pendopo.core.errors import DomainError
from pendopo.core.workflow import InvalidTransition

__all__ = [
    "DeadlinePassed",
    "ExtensionRefused",
    "GroundNotOpen",
    "IncompleteAnswer",
    "InvalidTransition",
    "NumberUnavailable",
    "ObjectionPending",
    "ReportTooEarly",
    "RequestInvalid",
    "WindowNotOpen",
]


class RequestInvalid(DomainError):
    """A request misses required fields; ``errors`` maps field name → Indonesian message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(" ".join(errors.values()))


class IncompleteAnswer(DomainError):
    """A decision, answer or record lacks what the law requires (a reason, a Pasal 17 ground,
    a consequence test, a name, a known choice)."""


class ExtensionRefused(DomainError):
    """The answer deadline may be extended once, by 1–7 hari kerja, with written reasons
    (UU 14/2008 Pasal 22(8))."""


class GroundNotOpen(DomainError):
    """The Pasal 35(1) objection ground chosen has not arisen for this request."""


class DeadlinePassed(DomainError):
    """A filing came after its legal window closed (Pasal 36(1), 37(2))."""


class WindowNotOpen(DomainError):
    """A filing came before its legal window opened (the atasan's 30 days still running)."""


class NumberUnavailable(DomainError):
    """No free registration number could be given (retry)."""


class ObjectionPending(DomainError):
    """An earlier objection on the same request still waits for the atasan PPID's answer."""


class ReportTooEarly(DomainError):
    """A yearly report cannot be published before its budget year has ended."""
