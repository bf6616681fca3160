"""Domain errors: raised by services, shown to people as a translated message, never a 500."""


class DomainError(Exception):
    """A rule of the domain refused the action; ``str(error)`` is a translated message."""


class PermissionDeniedError(DomainError):
    """The acting user may not do this."""
