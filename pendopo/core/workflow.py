"""One shape for every workflow: a ``(from status, action) -> to status`` table.

Each case app declares its table in its own ``states.py``::

    TRANSITIONS: Transitions = {
        (None, "submit"): "received",        # None: the case does not exist yet
        ("received", "verify"): "assigned",
    }

and moves a case only through :func:`next_status`, so no status change happens outside a table
and no template compares status strings (templates ask the model, which asks the table).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.utils.translation import gettext

from pendopo.core.errors import DomainError

Transitions = Mapping[tuple[str | None, str], str]


class InvalidTransition(DomainError):
    """The current status does not allow this action; ``str()`` is a translated message."""


def next_status(
    table: Transitions,
    current: str | None,
    action: str,
    *,
    describe: Callable[[str | None, str], tuple[str, str]] | None = None,
) -> str:
    """The status ``action`` leads to from ``current``.

    ``describe(current, action)`` gives the human labels ``(status, action)`` used in the error.
    Raises :class:`InvalidTransition` when the table has no such row.
    """
    try:
        return table[(current, action)]
    except KeyError:
        status_label, action_label = (
            describe(current, action) if describe else (current or gettext("baru"), action)
        )
        raise InvalidTransition(
            gettext("Tindakan “%(action)s” tidak dapat dilakukan pada status %(status)s.")
            % {"action": action_label, "status": status_label}
        ) from None


def allowed_actions(table: Transitions, current: str | None) -> list[str]:
    """Actions the table allows from ``current``, in table order."""
    return [action for (source, action) in table if source == current]


def is_allowed(table: Transitions, current: str | None, action: str) -> bool:
    """True when ``table`` has a row ``(current, action)``."""
    return (current, action) in table
