"""Who may do what in publishing; used to hide buttons and to refuse service calls."""

from __future__ import annotations


def can_withdraw(user, page) -> bool:
    """Withdrawing is publishing a notice: the same right as publishing the page."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return page.permissions_for_user(user).can_publish()


def can_feature_on_portal(user) -> bool:
    return bool(user and user.has_perm("publishing.feature_on_portal"))
