"""Activates the regency's time zone so dates are shown and computed in WIB/WITA/WIT."""

from __future__ import annotations

import zoneinfo

from django.utils import timezone


class SiteTimezoneMiddleware:
    """Use SiteSettings.time_zone for the request; admin users keep their own preference."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from pendopo.core.selectors import portal_settings

        if not request.path.startswith("/admin/"):
            settings = portal_settings(request)
            if settings is not None:
                timezone.activate(zoneinfo.ZoneInfo(settings.time_zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
