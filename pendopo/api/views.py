"""Thin views: the feed index, iCalendar files and the province aggregation feed."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from pendopo.agencies.models import AgencyPage
from pendopo.agenda.models import EventPage
from pendopo.agenda.selectors import events_under
from pendopo.api.aggregation import aggregated_items
from pendopo.api.calendars import build_calendar
from pendopo.api.scope import scope_for
from pendopo.core.selectors import portal_settings, portal_site_for_request
from pendopo.core.seo import canonical_url
from pendopo.news.models import NewsCategory
from pendopo.publishing.selectors import with_withdrawal

AGENDA_PAST_DAYS = 30  # the subscribable agenda keeps events that ended this many days ago
AGENDA_LENGTH = 200
AGGREGATION_LENGTH = 50


def _portal(request: HttpRequest):
    site = portal_site_for_request(request)
    if site is None:
        raise Http404
    return site


def _ics_response(body: bytes, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _agenda_events(root, *, leaders_only: bool = False) -> list:

    since = timezone.now() - datetime.timedelta(days=AGENDA_PAST_DAYS)
    items = events_under(root, now=since)
    if leaders_only:
        items = items.exclude(leader="")
    return list(items[:AGENDA_LENGTH])


@require_safe
def agenda_ics(request: HttpRequest, agency: str | None = None) -> HttpResponse:
    """``/feeds/agenda.ics``: coming events and those ended in the last 30 days."""
    scope = scope_for(request, agency)
    body = build_calendar(
        _agenda_events(scope.root),
        name=_("Agenda %(who)s") % {"who": scope.title},
        host=_portal(request).hostname,
        request=request,
    )
    return _ics_response(body)


@require_safe
def leaders_agenda_ics(request: HttpRequest) -> HttpResponse:
    """``/feeds/agenda-pimpinan.ics``: the public agenda of the Bupati, Wakil Bupati, Sekda."""
    scope = scope_for(request)
    body = build_calendar(
        _agenda_events(scope.root, leaders_only=True),
        name=_("Agenda pimpinan %(who)s") % {"who": scope.title},
        host=_portal(request).hostname,
        request=request,
    )
    return _ics_response(body)


@require_safe
def event_ics(request: HttpRequest, page_id: int) -> HttpResponse:
    """``/feeds/agenda/<id>.ics``: one live, public event of this portal, as a download."""

    portal = _portal(request)
    events = (
        EventPage.objects.live()
        .public()
        .descendant_of(portal.root_page)
        .select_related("organiser")
        .filter(pk=page_id)
    )
    page = with_withdrawal(events).first()  # a withdrawn event is STATUS:CANCELLED
    if page is None:
        raise Http404
    body = build_calendar([page], name=page.title, host=portal.hostname, request=request)
    return _ics_response(body, filename=f"agenda-{page.slug}.ics")


@require_safe
def feed_index(request: HttpRequest) -> TemplateResponse:
    """``/feeds/``: every feed address of this portal (and of each agency), in one list."""

    scope = scope_for(request)
    portal = _portal(request)
    agencies = []
    if scope.agency is None:
        agencies = list(
            AgencyPage.objects.live()
            .public()
            .descendant_of(portal.root_page)
            .select_related("agency")
            .order_by("title")
        )
    context = {
        "scope": scope,
        "categories": NewsCategory.objects.all(),
        "agency_pages": agencies,
        "base": portal.root_url.rstrip("/"),
    }
    return TemplateResponse(request, "api/feed_index.html", context)


def _aggregation_meta(request: HttpRequest):
    site = _portal(request)
    settings = portal_settings(request)
    name = settings.government_name if settings else "Pendopo"
    code = settings.regency.code if settings and settings.regency_id else None
    return site, name, code


@require_safe
def aggregation_json(request: HttpRequest) -> JsonResponse:
    """``/feeds/agregasi.json``: JSON Feed 1.1 of news and immediate notices (docs/feeds.md)."""
    site, name, code = _aggregation_meta(request)
    base = site.root_url.rstrip("/")
    items = aggregated_items(site=site, request=request, limit=AGGREGATION_LENGTH)
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _("Berita dan informasi serta merta %(who)s") % {"who": name},
        "home_page_url": canonical_url(site.root_page, request),
        "feed_url": base + "/feeds/agregasi.json",
        "language": "id",
        "_pendopo": {"about": base + "/feeds/", "kode_wilayah": code, "pemerintah": name},
        "items": [
            {
                "id": item.url,
                "url": item.url,
                "title": item.title,
                "content_text": item.summary,
                "summary": item.summary,
                "date_published": item.published_at.isoformat(),
                "date_modified": item.updated_at.isoformat(),
                "authors": [{"name": item.agency_name or name}],
                "tags": [item.kind],
                "_pendopo": {
                    "jenis": item.kind,
                    "perangkat_daerah": item.agency_slug,
                    "kode_wilayah": code,
                    "ditarik": (
                        {
                            "pada": timezone.localtime(item.withdrawn_at).isoformat(),
                            "alasan": item.withdrawn_reason,
                        }
                        if item.withdrawn_at
                        else None
                    ),
                },
            }
            for item in items
        ],
    }
    return JsonResponse(
        data, json_dumps_params={"ensure_ascii": False}, content_type="application/feed+json"
    )


@require_safe
def aggregation_atom(request: HttpRequest) -> HttpResponse:
    """``/feeds/agregasi.atom``: the same items as an Atom 1.0 feed."""
    site, name, code = _aggregation_meta(request)
    base = site.root_url.rstrip("/")
    feed = Atom1Feed(
        title=_("Berita dan informasi serta merta %(who)s") % {"who": name},
        link=canonical_url(site.root_page, request),
        description="",
        language="id",
        feed_url=base + "/feeds/agregasi.atom",
        feed_guid=base + "/feeds/agregasi.atom",
    )
    for item in aggregated_items(site=site, request=request, limit=AGGREGATION_LENGTH):
        feed.add_item(
            title=item.title,
            link=item.url,
            description=item.summary,
            unique_id=item.url,
            pubdate=item.published_at,
            updateddate=item.updated_at,
            author_name=item.agency_name or name,
            categories=[item.kind] + ([item.agency_slug] if item.agency_slug else []),
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
