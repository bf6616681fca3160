"""Two Wagtail admin views that have no hook to narrow them, replaced by bounded versions.

Both are mounted in ``config/urls.py`` ahead of Wagtail's admin URLs, at the same paths.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from pendopo.agencies.permissions import pages_visible_to


class InstallationPageTypesUsageView(PageTypesUsageReportView):
    """The page types usage report counts and names pages across the whole installation,
    every agency included, so only superusers may open it."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class VisibleChosenMultipleView(ChosenMultipleView):
    """Wagtail's "chosen multiple" step returns title and URL of any page id it is given;
    this one answers only for pages the user may see (``pages_visible_to``)."""

    def get(self, request):
        visible = pages_visible_to(request.user).filter(pk__in=request.GET.getlist("id"))
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in visible.values_list("pk", flat=True)])
        request.GET = query
        return super().get(request)
