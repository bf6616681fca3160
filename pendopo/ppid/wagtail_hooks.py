"""PPID in the Wagtail admin: the information list (scoped to the user's PPID), the request
desk, the yearly report, and a dashboard panel with stale berkala items and overdue requests."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import models as generic
from wagtail.admin.viewsets.model import ModelViewSet

from pendopo.core.errors import DomainError
from pendopo.ppid import admin_views, permissions, selectors, services
from pendopo.ppid.models import InformationItem


class ScopedFormMixin:
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        agencies, utama = admin_views.handled_agencies(self.request.user)
        if "agency" in form.fields:
            form.fields["agency"].queryset = agencies
            form.fields["agency"].required = not utama
        return form

    def save_instance(self):
        item = self.form.instance
        if not item.regency_id:
            office = next(iter(permissions.offices_of(self.request.user)), None)
            item.regency = item.agency.regency if item.agency_id else office.regency
        try:
            return services.save_information_item(item=item, by=self.request.user)
        except DomainError as error:
            raise PermissionDenied(str(error)) from error


class ItemIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(permissions.scope_q(self.request.user))


class ItemCreateView(ScopedFormMixin, generic.CreateView):
    pass


class ItemEditView(ScopedFormMixin, generic.EditView):
    def get_object(self, queryset=None):
        item = super().get_object(queryset)
        if not permissions.can_manage_item(self.request.user, item):
            raise PermissionDenied
        return item


class ItemDeleteView(generic.DeleteView):
    def get_object(self, queryset=None):
        item = super().get_object(queryset)
        if not permissions.can_manage_item(self.request.user, item):
            raise PermissionDenied
        return item


class InformationItemViewSet(ModelViewSet):
    model = InformationItem
    icon = "doc-full"
    menu_label = _("Daftar informasi")
    add_to_admin_menu = False
    copy_view_enabled = False
    url_prefix = "ppid/informasi"
    name = "ppid_items"
    index_view_class = ItemIndexView
    add_view_class = ItemCreateView
    edit_view_class = ItemEditView
    delete_view_class = ItemDeleteView
    list_display = ["title", "category", "agency", "last_updated_on", "is_published"]
    list_filter = ["category", "is_published"]
    search_fields = ["title", "summary"]
    form_fields = [
        "agency",
        "category",
        "title",
        "summary",
        "holding_unit",
        "responsible_person",
        "production",
        "formats",
        "retention",
        "page",
        "document",
        "external_url",
        "exemption_ground",
        "consequence_test",
        "exempt_until",
        "last_updated_on",
        "is_published",
        "show_alert",
        "alert_until",
    ]


items_viewset = InformationItemViewSet()


@hooks.register("register_admin_viewset")
def register_items_viewset():
    return items_viewset


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.is_ppid_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_ppid_menu():
    menu = Menu(
        items=[
            StaffMenuItem(_("Daftar informasi"), "/admin/ppid/informasi/", icon_name="doc-full"),
            StaffMenuItem(_("Permohonan & keberatan"), "/admin/ppid/permohonan/", icon_name="mail"),
            StaffMenuItem(_("Laporan tahunan"), "/admin/ppid/laporan/", icon_name="table"),
        ]
    )
    return SubmenuMenuItem(_("PPID"), menu, icon_name="help", name="ppid", order=350)


urlpatterns = [
    path("permohonan/", admin_views.request_list, name="requests"),
    path("permohonan/baru/", admin_views.request_create, name="request_create"),
    path("permohonan/<int:pk>/", admin_views.request_detail, name="request"),
    path("dokumen/<int:pk>/", admin_views.identity_document, name="document"),
    path("laporan/", admin_views.report_edit, name="reports"),
    path("laporan/<int:year>/", admin_views.report_edit, name="report"),
]


@hooks.register("register_admin_urls")
def register_ppid_admin_urls():
    return [path("ppid/", include((urlpatterns, "ppid_admin"), namespace="ppid_admin"))]


class PpidPanel(Component):
    """Dashboard: the user's stale berkala items (UU 14/2008 Pasal 9) and overdue requests."""

    name = "ppid"
    order = 90
    template_name = "ppid/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        return {
            "stale": list(selectors.stale_items_for(self.user, today=today)[:10]),
            "overdue": list(selectors.requests_for(self.user).overdue(today)[:10]),
            "requests_url": reverse("ppid_admin:requests"),
        }


@hooks.register("construct_homepage_panels")
def add_ppid_panel(request, panels):
    if permissions.is_ppid_staff(request.user):
        panels.append(PpidPanel(request.user))
