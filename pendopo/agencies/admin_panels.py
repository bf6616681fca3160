"""The agency activity figures on the Wagtail dashboard: an agency editor sees their own
agencies, a portal editor (or superuser) sees every agency of every portal."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import get_template
from wagtail.admin.ui.components import Component

from pendopo.agencies.activity import agency_activity, sort_activity
from pendopo.agencies.models import Agency, AgencyIndexPage
from pendopo.core.services import PORTAL_EDITORS_GROUP


def agencies_for_dashboard(user) -> list[Agency] | None:
    """None: every agency (superuser, portal editors); else the agencies the user edits."""

    if user.is_superuser or user.groups.filter(name=PORTAL_EDITORS_GROUP).exists():
        return None
    return list(Agency.objects.filter(editors_group__in=user.groups.all()))


class AgencyActivityPanel(Component):
    name = "agency_activity"
    template_name = "agencies/admin/activity_panel.html"
    order = 90  # above Wagtail's own panels (100+)

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context: Any) -> dict:
        agencies = agencies_for_dashboard(self.user)
        rows = []
        if agencies is None or agencies:
            for index_page in AgencyIndexPage.objects.live():
                rows += agency_activity(index_page=index_page, agencies=agencies)
        return {
            "rows": sort_activity(rows, "hari", descending=True),
            "all_agencies": agencies is None,
            "stale_after": settings.PENDOPO_ACTIVITY_STALE_WORKING_DAYS,
        }

    def render_html(self, parent_context=None) -> str:
        context = self.get_context_data(parent_context)
        if not context["rows"]:
            return ""
        return get_template(self.template_name).render(context)
