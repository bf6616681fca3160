"""Reads shared by every app: which portal (regency Site) a request belongs to."""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpRequest
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
