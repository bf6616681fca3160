"""Domain errors: raised by services, shown to people as a translated message, never a 500."""


class DomainError(Exception):
    """A rule of the domain refused the action; ``str(error)`` is a translated message."""


class PermissionDeniedError(DomainError):
    """The acting user may not do this."""


class InvalidInputError(DomainError):
    """The input breaks a rule of the domain (a missing field, a value out of range, a reply
    on a case that no longer takes one); shown to the person as a 400 with the message."""
