"""Thin adapters: the library listing, the JDIHN feed and the counted download."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from pendopo.core.listing import paginate
from pendopo.core.search import unreadable_query_error
from pendopo.jdih import selectors, services
from pendopo.jdih.models import DocumentType

PAGE_SIZE = 20
FEED_TIMEOUT = 30 * 60  # seconds; JDIH Padang's 30 minutes, docs/rules.md#jdih-feed-cache
FEED_MAX_LIMIT = 100_000


def listing(request, index):
    """``/jdih/``: filters (jenis, tahun, status, bidang, pemrakarsa) and search (``q``)."""
    types = list(DocumentType.objects.all())
    facets = selectors.facet_choices(index)
    filters = selectors.read_filters(request.GET, types, facets)
    too_long = len(request.GET.get("q", "")) > settings.PENDOPO_SEARCH_MAX_QUERY_LENGTH * 4
    unreadable = unreadable_query_error(request.GET.get("q", ""))  # refused, never echoed
    if unreadable:
        filters.query = ""
    queryset = selectors.filter_documents(selectors.documents_under(index), filters)
    if filters.query:
        places = selectors.place_names(index)
        items = selectors.search_documents(queryset, filters.query, types=types, places=places)
    else:
        items = queryset
    page_obj = paginate(request, items, per_page=PAGE_SIZE)
    prefetch_related_objects(list(page_obj.object_list), *selectors._relations_prefetch())
    context = {
        "page": index,
        "self": index,
        "page_obj": page_obj,
        "filters": filters,
        "types": types,
        "facets": facets,
        "extra_query": filters.querystring(),
    }
    status = 400 if too_long or unreadable else 200
    if too_long:
        context["error"] = _("Kata kunci terlalu panjang.")
    elif unreadable:
        context["error"] = unreadable
    return render(request, "jdih/jdih_index_page.html", context, status=status)


def site_jdihn_feed(request):
    """``/jdih/integrasi/jdihn.json`` of the Site answering the request (404 without a JDIH)."""
    from django.http import Http404
    from wagtail.models import Site

    index = selectors.jdih_index_for_site(Site.find_for_request(request))
    if index is None:
        raise Http404(_("Situs ini tidak memiliki perpustakaan JDIH."))
    return jdihn_feed(request, index)


def jdihn_feed(request, index):
    """``/jdih/integrasi/jdihn.json``: the JSON array the JDIHN harvester reads.

    ``?limit=N`` (1…100000) returns the N newest; cached for 30 minutes and purged whenever a
    document is published, unpublished, deleted or changes status. A bad limit is a 400.
    """
    raw = request.GET.get("limit", "")
    limit = None
    if raw:
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= FEED_MAX_LIMIT:
            return JsonResponse(
                {"error": _("Parameter limit harus bilangan 1 sampai 100000.")}, status=400
            )
        limit = int(raw)
    site = index.get_site()
    base_url = site.root_url
    version = cache.get_or_set(services.FEED_VERSION_KEY, 1, None)
    key = f"jdih:jdihn:{version}:{index.pk}:{base_url}:{limit or 0}"
    records = cache.get(key)
    if records is None:
        records = selectors.jdihn_records(
            index, base_url=base_url, root_path=site.root_page.url_path, limit=limit
        )
        cache.set(key, records, FEED_TIMEOUT)
    response = JsonResponse(records, safe=False, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={FEED_TIMEOUT}"
    return response


def download(request, document):
    """``<document>/unduh/``: count the download, then send the PDF's own URL."""
    if document.pdf is None:
        from django.http import Http404

        raise Http404(_("Dokumen ini belum memiliki berkas."))
    services.record_download(document=document)
    return HttpResponseRedirect(document.pdf.url)
