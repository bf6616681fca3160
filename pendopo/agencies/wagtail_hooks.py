"""Agency boundaries in the Wagtail admin (DESIGN.md): editors see only their own pages.

Wagtail already limits the explorer, admin search, reports and the image and document
choosers by permission; its page chooser, however, lists and searches every page in the tree.
These hooks narrow it to ``pages_visible_to`` (see ``permissions.py``). Superusers, and portal
editors whose grant is the regency home, still see everything.

Two former leaks are closed: the page types usage report (it names the last edited page of
each type in the whole tree) is for superusers only, hidden from the reports menu here and
refused in ``admin_views.InstallationPageTypesUsageView``; and the page chooser's
``chosen-multiple`` endpoint is ``admin_views.VisibleChosenMultipleView`` (routed in
``config/urls.py``), which answers only for pages the user may see. Tested in
``pendopo/agencies/tests/test_permissions.py``:
``test_page_types_usage_report_is_for_superusers_only``,
``test_agency_editor_page_types_usage_does_not_name_another_agency_page`` and
``test_chooser_cannot_be_used_to_read_another_agency_draft_title``.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from wagtail import hooks
from wagtail.admin.views.chooser import page_models_from_string
from wagtail.models import Page, PageQuerySet

from pendopo.agencies.permissions import (
    is_above_visible_pages,
    is_page_visible_to,
    page_permission_roots,
    pages_navigable_by,
    pages_visible_to,
)

BROWSE_VIEWS = {"wagtailadmin_choose_page", "wagtailadmin_choose_page_child"}


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser_to_own_pages(pages: PageQuerySet, request: HttpRequest) -> PageQuerySet:
    """Search finds only visible pages; browsing never opens or lists another agency's pages.

    Browsing starts at the tree root (or at the common ancestor of the allowed page types), above
    an agency editor's sub-site; there the user's own sub-site roots are listed directly, so the
    chooser leads straight to them. Browsing into any other page outside the user's subtrees is
    a 404, because the chooser would otherwise print that page's title as the parent row.
    """
    user = request.user
    if user.is_superuser:
        return pages
    visible = pages_visible_to(user).values("pk")
    match = request.resolver_match
    if match is None or match.url_name not in BROWSE_VIEWS:
        return pages.filter(pk__in=visible)  # search, or a caller we do not know

    parent = _browsed_parent(request)
    if is_page_visible_to(user, parent):
        return pages.filter(pk__in=visible)
    if is_above_visible_pages(user, parent):
        roots = [root.pk for root in page_permission_roots(user) if root.is_descendant_of(parent)]
        return Page.objects.filter(pk__in=roots).defer_streamfields().specific()
    raise Http404


@hooks.register("construct_explorer_page_queryset")
def limit_explorer_to_own_pages(
    parent_page: Page, pages: PageQuerySet, request: HttpRequest
) -> PageQuerySet:
    """Keep the explorer (and its menu) within the user's subtrees and the ancestors above them.

    Wagtail filters the explorer by permission already, except when searching with
    ``WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS = False``; this holds either way.
    """
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=pages_navigable_by(request.user).values("pk"))


def _browsed_parent(request: HttpRequest) -> Page:
    """The page whose children the chooser's browse view lists, found as Wagtail finds it."""
    parent_page_id = request.resolver_match.kwargs.get("parent_page_id")
    if parent_page_id is not None:
        return Page.objects.get(pk=parent_page_id)
    page_type = request.GET.get("page_type")
    if not page_type or page_models_from_string(page_type) == (Page,):
        return Page.get_first_root_node()
    return Page.objects.type(*page_models_from_string(page_type)).first_common_ancestor()


@hooks.register("construct_reports_menu")
def hide_installation_wide_reports(request, menu_items: list) -> None:
    """The page types usage report is for superusers only (see ``admin_views``)."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("construct_homepage_panels")
def add_agency_activity_panel(request: HttpRequest, panels: list) -> None:
    """Agency activity on the dashboard (own agencies for agency editors, all for portal)."""
    from pendopo.agencies.admin_panels import AgencyActivityPanel

    panels.append(AgencyActivityPanel(request.user))
