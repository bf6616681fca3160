"""Which part of the page tree a feed covers: the current Site, or one agency of its portal."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest
from wagtail.models import Page, Site

from pendopo.agencies.models import AgencyPage
from pendopo.core.selectors import portal_settings, portal_site_for_request


@dataclass(frozen=True)
class FeedScope:
    """``root``: the page whose descendants the feed lists; ``title``: who publishes it;
    ``prefix``: the path the feed addresses start with (``/`` or ``/perangkat-daerah/x/``)."""

    root: Page
    title: str
    prefix: str
    agency: object | None = None


def scope_for(request: HttpRequest, agency_slug: str | None = None) -> FeedScope:
    """The feed scope of a request; an agency slug not on this portal is a 404.

    Without ``agency_slug`` it is the current Site: the whole portal on the regency host,
    that agency's sub-site on an agency host (``dinkes.localhost/feeds/berita.rss``).
    """

    settings = portal_settings(request)
    portal_name = settings.government_name if settings else "Pendopo"
    if agency_slug is None:
        site = Site.find_for_request(request)
        if site is None:
            raise Http404
        root = site.root_page.specific
        if isinstance(root, AgencyPage):
            return FeedScope(root=root, title=root.agency.name, prefix="/", agency=root.agency)
        return FeedScope(root=root, title=portal_name, prefix="/")
    portal = portal_site_for_request(request)
    if portal is None:
        raise Http404
    page = (
        AgencyPage.objects.live()
        .public()
        .descendant_of(portal.root_page)
        .select_related("agency")
        .filter(slug=agency_slug)
        .first()
    )
    if page is None:
        raise Http404
    return FeedScope(
        root=page,
        title=page.agency.name,
        prefix=f"/perangkat-daerah/{page.slug}/",
        agency=page.agency,
    )
