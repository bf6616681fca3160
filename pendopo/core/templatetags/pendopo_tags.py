"""Template tags of the design system: canonical URL, JSON-LD, agency labels."""

from __future__ import annotations

from django import template
from django.core.exceptions import DisallowedHost
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Site

from pendopo.core import seo, sites

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical(context, page=None, subpath: str = "") -> str:
    """Canonical URL of ``page`` (plus a routable ``subpath`` such as ``"dokumen/"``)."""
    request = context.get("request")
    if page is None:
        portal = context.get("portal")
        if portal is not None and request is not None:
            return portal.site.root_url.rstrip("/") + request.path
        return _absolute(request, request.path) if request else ""
    return seo.canonical_url(page, request) + subpath


def _absolute(request, path: str) -> str:
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        return path


@register.simple_tag
def jsonld(data) -> str:
    return mark_safe(  # noqa: S308 - dump_jsonld escapes <, > and &
        '<script type="application/ld+json">' + seo.dump_jsonld(data) + "</script>"
    )


@register.simple_tag(takes_context=True)
def organisation_jsonld(context) -> str:
    request = context.get("request")
    portal = context.get("portal")
    if portal is not None:
        base = portal.site.root_url.rstrip("/") + "/"
    else:
        base = _absolute(request, "/") if request else "/"
    return jsonld(seo.organisation_data(portal, base))


@register.filter
def plain(text, limit=200) -> str:
    return seo.plain(str(text or ""), int(limit))


@register.simple_tag(takes_context=True)
def agency_of(context, page):
    """The Agency whose sub-site contains ``page``, or None (one lookup per request)."""
    request = context.get("request")
    return sites.owner_for_path(page.path, request)


@register.filter
def thousands(value) -> str:
    """1791789 -> "1.791.789" (Indonesian thousands separator)."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return ""


@register.inclusion_tag("core/includes/site_nav.html", takes_context=True)
def site_nav(context):
    """Main navigation of the current Site: the regency's sections, or an agency's own."""
    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    items = []
    agency_page = None
    if site is not None:
        root = site.root_page.specific
        if sites.is_subsite_root(root):
            agency_page = root
            items.append({"title": _("Profil"), "url": root.get_url(request), "page": root})
        else:
            items.append({"title": _("Beranda"), "url": root.get_url(request), "page": root})
        for child in root.get_children().live().in_menu():
            items.append({"title": child.title, "url": child.get_url(request), "page": child})
        if agency_page is None:  # procurement (issue 8): /pengadaan/ is a view, not a page
            items.append({"title": _("Pengadaan"), "url": "/pengadaan/", "page": None})
        if agency_page is not None:
            items.append(
                {
                    "title": _("Dokumen"),
                    "url": agency_page.get_url(request) + "dokumen/",
                    "page": None,
                }
            )
    for item in items:
        page = item["page"]
        item["current"] = bool(
            current is not None
            and page is not None
            and site is not None
            and (
                current.pk == page.pk
                or (page.depth > site.root_page.depth and current.path.startswith(page.path))
            )
        )
    return {"items": items, "agency_page": agency_page, "request": request}


@register.simple_tag(takes_context=True)
def news_jsonld(context, page, url, owner=None) -> str:
    """schema.org NewsArticle of a NewsPage."""
    portal = context.get("portal")
    publisher = portal.government_name if portal else "Pendopo"
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": seo.plain(page.intro, 200),
        "datePublished": page.date.isoformat(),
        "mainEntityOfPage": url,
        "inLanguage": "id",
        "author": {"@type": "GovernmentOrganization", "name": owner.name if owner else publisher},
        "publisher": {"@type": "GovernmentOrganization", "name": publisher},
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    data["image"] = [og_image(context, page).url]
    return jsonld(data)


@register.simple_tag
def event_jsonld(page, url) -> str:
    """schema.org Event of an EventPage (times with their UTC offset)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": seo.plain(page.intro, 200),
        "startDate": _event_time(page, page.local_start()),
        "endDate": _event_time(page, page.local_end()),
        "url": url,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": page.location,
            "address": page.location_address or page.location,
        },
    }
    if page.organiser:
        data["organizer"] = {"@type": "GovernmentOrganization", "name": page.organiser.name}
    elif page.organiser_name:
        data["organizer"] = {"@type": "Organization", "name": page.organiser_name}
    return jsonld(data)


def _event_time(page, local) -> str:
    """A date for an all-day event, else the local time with its UTC offset."""
    return local.date().isoformat() if page.all_day else local.isoformat()


@register.simple_tag(takes_context=True)
def breadcrumb_ancestors(context, page) -> list:
    """Ancestors of ``page`` from the current Site's root down (an agency host starts there)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    root_depth = site.root_page.depth if site else 2
    if page.depth <= root_depth:
        return []
    return list(page.get_ancestors().filter(depth__gte=root_depth).specific())


@register.filter
def deadline_progress(deadline) -> str:
    """``{{ deadline|deadline_progress }}`` → "hari ke-3 dari 10, batas 7 April 2026" (today in
    the active, i.e. the site's, time zone)."""
    from django.utils.formats import date_format

    today = timezone.localdate()
    return _("%(progress)s, batas %(date)s") % {
        "progress": deadline.progress_label(today),
        "date": date_format(deadline.due_on, "j F Y"),
    }


@register.simple_tag(takes_context=True)
def og_image(context, page=None):
    """``{% og_image page as img %}``: the 1200×630 JPEG preview (``url``, ``width``,
    ``height``, ``alt``) of ``page``, else the site default, on the portal's host."""
    from pendopo.core.sharing import preview_image

    request = context.get("request")
    portal = context.get("portal")
    if portal is not None:
        base = portal.site.root_url
    else:
        base = _absolute(request, "/") if request else ""
    return preview_image(page, base)
