from __future__ import annotations

from wagtail.models import Site

from pendopo.core.selectors import portal_settings


def portal(request):
    """``portal``: the regency's SiteSettings (also on agency hosts);
    ``site_agency``: the Agency when this host is an agency's own sub-site, else None."""
    from pendopo.agencies.models import AgencyPage

    site = Site.find_for_request(request)
    root = site.root_page.specific_deferred if site is not None else None
    return {
        "portal": portal_settings(request),
        "site_agency": root.agency if isinstance(root, AgencyPage) else None,
    }
