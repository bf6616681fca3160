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


class PortalLanguageMiddleware:
    """Bahasa Indonesia unless the visitor chose English with the language form.

    Django's LocaleMiddleware follows the browser's Accept-Language; on a portal whose
    content is written in Indonesian that would label Indonesian text ``lang="en"`` for
    every phone set to English (WCAG 3.1.1). Only the language cookie set by
    ``/i18n/setlang/`` switches the interface. The admin ignores that cookie: there each
    user's own preferred language (Wagtail account settings) decides, Indonesian by default.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation
        from django.utils.cache import patch_vary_headers

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if request.path.startswith("/admin/"):
            # The admin speaks Indonesian unless the user chose otherwise in their own
            # account settings (Wagtail's preferred language, applied per view); the public
            # site's language cookie must not switch a civil servant's admin to English.
            chosen = ""
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
