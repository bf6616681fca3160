from __future__ import annotations

from wagtail.models import Site

from pendopo.core.selectors import portal_settings
from pendopo.core.sites import subsite_owner_of_root


def portal(request):
    """``portal``: the regency's SiteSettings (also on agency hosts);
    ``site_agency``: the Agency when this host is an agency's own sub-site, else None
    (the sub-site kind ``agencies`` registers in ``pendopo.core.sites``)."""
    site = Site.find_for_request(request)
    root = site.root_page.specific_deferred if site is not None else None
    return {
        "portal": portal_settings(request),
        "site_agency": subsite_owner_of_root(root),
    }
