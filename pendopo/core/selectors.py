"""Reads shared by every app: which portal (regency Site) a request belongs to, its regency
and the regency's time zone."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Model
from django.http import Http404, HttpRequest
from django.utils.translation import gettext
from wagtail.models import Page, Site

from pendopo.core.models import SiteSettings
from pendopo.core.sites import home_page_model, is_home_page


def portal_site_for_request(request: HttpRequest) -> Site | None:
    """The regency Site of this request.

    On the regency's own host that is the request's Site; on an agency host
    (``dinkes.localhost``) it is the Site whose root is the home page above the agency
    (the model ``pendopo.core.sites`` has registered: ``portal.HomePage``).
    """
    cached = getattr(request, "_pendopo_portal_site", False)
    if cached is not False:
        return cached
    site = Site.find_for_request(request)
    portal = site
    if site is not None and not is_home_page(site.root_page.specific_deferred):
        home = (
            home_page_model()
            .objects.filter(path__in=_ancestor_paths(site.root_page))
            .order_by("-depth")
        ).first()
        portal = Site.objects.filter(root_page=home).first() if home else site
    cast(Any, request)._pendopo_portal_site = portal  # memo for this request
    return portal


def _ancestor_paths(page: Page) -> list[str]:
    steplen = page.steplen
    return [page.path[:i] for i in range(steplen, len(page.path) + 1, steplen)]


def portal_settings(request: HttpRequest) -> SiteSettings | None:
    """SiteSettings of the regency this request belongs to (also on agency hosts)."""
    site = portal_site_for_request(request)
    if site is None:
        return None
    return SiteSettings.for_site(site)


def regency_for_request(request: HttpRequest) -> Model:
    """The ``regions.Regency`` of this request's portal (also on agency hosts).

    Raises ``Http404`` when the portal has no SiteSettings or no regency set (not set up yet).
    """
    settings = portal_settings(request)
    regency = settings.regency if settings is not None else None
    if regency is None:
        raise Http404(gettext("Portal belum disiapkan."))
    return regency


DEFAULT_TIME_ZONE = "Asia/Jakarta"


def regency_time_zone(regency: Model | None) -> str:
    """IANA name of ``regency``'s zone from its SiteSettings (WIB, ``Asia/Jakarta``, when it
    has none)."""
    settings = SiteSettings.objects.filter(regency=regency).only("time_zone").first()
    return settings.time_zone if settings else DEFAULT_TIME_ZONE
