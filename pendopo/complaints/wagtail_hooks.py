"""Staff screens in the Wagtail admin: the case list (coordinator: all; liaison: own agency),
a case page with one form per allowed action, exports, and snippets for saved replies."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pendopo.complaints import admin_views, permissions
from pendopo.complaints.models import Category, Liaison, SavedReply


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("pengaduan/", include((admin_views.urlpatterns, "complaints_admin")))]


class CasesMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_use_complaints_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_cases_menu_item():
    return CasesMenuItem(
        _("Pengaduan"), reverse("complaints_admin:index"), icon_name="mail", order=250
    )


class SavedReplyViewSet(SnippetViewSet):
    model = SavedReply
    icon = "doc-full"
    menu_label = _("Balasan tersimpan")
    list_display = ["title", "agency"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Kategori pengaduan")
    list_display = ["name", "slug", "agency_slug"]


class LiaisonViewSet(SnippetViewSet):
    model = Liaison
    icon = "user"
    menu_label = _("Penghubung pengaduan")
    list_display = ["user", "agency"]


register_snippet(SavedReplyViewSet)
register_snippet(CategoryViewSet)
register_snippet(LiaisonViewSet)


class OverdueCasesPanel(Component):
    """Admin dashboard: how many of the user's cases are past their legal deadline."""

    name = "complaints_overdue"
    order = 50
    template_name = "complaints/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        from pendopo.complaints import selectors

        cases = permissions.cases_visible_to(self.user).filter(due_on__isnull=False)
        overdue = [case for case in cases.select_related("agency") if selectors.is_overdue(case)]
        return {"overdue": overdue[:10], "count": len(overdue)}


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    if permissions.can_use_complaints_admin(request.user):
        panels.append(OverdueCasesPanel(request.user))
