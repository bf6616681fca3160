"""Which admin pages a user may see: an agency's editors their own sub-site, portal editors all.

Access comes only from Wagtail's ``GroupPagePermission`` rows that ``provision_agency`` and
``ensure_portal`` grant: a grant on a page covers that page and everything below it. So an
agency editor's pages are their AgencyPage subtree, and the portal editors' are the regency
HomePage subtree (every agency). No group name is special-cased here: a province installation
with several regencies keeps each regency's Diskominfo inside its own regency.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q
from wagtail.models import Page, PageQuerySet
from wagtail.permissions import page_permission_policy

AnyUser = AbstractBaseUser | AnonymousUser


def page_permission_roots(user: AnyUser) -> list[Page]:
    """The top pages of the subtrees where any of the user's groups holds a page permission.

    A grant nested inside another grant's subtree adds nothing and is dropped. Superusers hold
    no grants (they need none) and get an empty list; see ``pages_visible_to``.
    """
    grants = page_permission_policy.get_cached_permissions_for_user(user)
    roots: list[Page] = []
    for page in sorted({grant.page for grant in grants}, key=lambda page: page.path):
        if not any(page.path.startswith(root.path) for root in roots):
            roots.append(page)
    return roots


def pages_visible_to(user: AnyUser) -> PageQuerySet:
    """Pages the user may see in admin listings, choosers, search and reports.

    Superusers see every page; other active users see the subtrees under their
    ``page_permission_roots`` and nothing else: no other agency's page, and no ancestor.
    """
    if not user.is_active:
        return Page.objects.none()
    if user.is_superuser:
        return Page.objects.all()
    return _subtrees(page_permission_roots(user))


def pages_navigable_by(user: AnyUser) -> PageQuerySet:
    """``pages_visible_to`` plus the ancestors of its subtrees, to walk down from the root.

    Ancestors are the regency's own structure (home, ``/perangkat-daerah/``), never another
    agency's page: siblings of the user's subtrees are not included.
    """
    if not user.is_active or user.is_superuser:
        return pages_visible_to(user)
    roots = page_permission_roots(user)
    steplen = Page.steplen
    ancestor_paths = {
        root.path[:end] for root in roots for end in range(steplen, len(root.path), steplen)
    }
    return _subtrees(roots) | Page.objects.filter(path__in=ancestor_paths)


def is_page_visible_to(user: AnyUser, page: Page) -> bool:
    """Whether ``page`` is in ``pages_visible_to(user)``, without a query per page."""
    if not user.is_active:
        return False
    return user.is_superuser or any(
        page.path.startswith(root.path) for root in page_permission_roots(user)
    )


def is_above_visible_pages(user: AnyUser, page: Page) -> bool:
    """Whether ``page`` is a strict ancestor of one of the user's subtrees (for navigation)."""
    return any(
        root.path.startswith(page.path) and root.path != page.path
        for root in page_permission_roots(user)
    )


def _subtrees(roots: list[Page]) -> PageQuerySet:
    if not roots:
        return Page.objects.none()
    return Page.objects.filter(reduce(or_, (Q(path__startswith=root.path) for root in roots)))
