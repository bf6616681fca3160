"""Reads of the feeds app used elsewhere: which feed addresses can list a page."""

from __future__ import annotations

from wagtail.models import Page

from pendopo.agencies.models import AgencyPage
from pendopo.agenda.models import EventPage
from pendopo.jdih.models import LegalDocumentPage
from pendopo.news.models import AnnouncementPage, NewsPage


def feed_paths_for(page: Page) -> list[str]:
    """Site-relative paths of every feed that can list ``page`` (for the publish-time purge).

    News: the portal and agency news feeds (RSS and Atom), its category feeds and the province
    aggregation feeds; announcements: the announcement feeds; events: the agenda feeds, the
    leaders' agenda and the event's own ``.ics``; legal documents: the JDIHN feed. Other page
    types: no feed, ``[]``.
    """

    page = page.specific
    global_paths: list[str] = []
    if isinstance(page, NewsPage):
        scoped = ["berita.rss", "berita.atom"]
        if page.category_id:
            slug = page.category.slug
            scoped += [f"berita/{slug}.rss", f"berita/{slug}.atom"]
        global_paths = ["/feeds/agregasi.json", "/feeds/agregasi.atom"]
    elif isinstance(page, AnnouncementPage):
        scoped = ["pengumuman.rss", "pengumuman.atom"]
    elif isinstance(page, EventPage):
        scoped = ["agenda.ics"]
        global_paths = ["/feeds/agenda-pimpinan.ics", f"/feeds/agenda/{page.pk}.ics"]
    elif isinstance(page, LegalDocumentPage):
        return ["/jdih/integrasi/jdihn.json"]  # the JDIHN harvest feed (?limit= views expire)
    else:
        return []
    prefixes = ["/feeds/"]
    agency = AgencyPage.objects.ancestor_of(page).only("slug").first()
    if agency is not None:
        prefixes.append(f"/perangkat-daerah/{agency.slug}/feeds/")
    return sorted({p + name for p in prefixes for name in scoped} | set(global_paths))
