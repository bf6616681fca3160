"""Site search: ``/cari/`` over the current Site's pages, withdrawn ones marked."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from pendopo.core.listing import paginate
from pendopo.core.search import search_pages, unreadable_query_error
from pendopo.publishing.selectors import attach_withdrawals


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """``/cari/?q=``: live, public pages of the current Site only; exact title match first.

    A query longer than PENDOPO_SEARCH_MAX_QUERY_LENGTH characters gets a 400 page. The
    page is ``noindex`` and never repeats the query in ``<title>``.
    """
    raw = request.GET.get("q", "")
    query = " ".join(raw.split())
    limit = settings.PENDOPO_SEARCH_MAX_QUERY_LENGTH
    context = {"query": query, "max_length": limit}
    if len(raw) > limit:
        context["error"] = _("Kata kunci terlalu panjang: paling banyak %(n)d karakter.") % {
            "n": limit
        }
        context["query"] = query[:limit]
        return TemplateResponse(request, "portal/search.html", context, status=400)
    if unreadable_query_error(raw):
        context["error"] = unreadable_query_error(raw)
        context["query"] = ""
        return TemplateResponse(request, "portal/search.html", context, status=400)
    site = Site.find_for_request(request)
    if query and site is not None:
        page_obj = paginate(request, search_pages(site=site, query=query))
        attach_withdrawals(page_obj.object_list)  # the "Ditarik" marker: one query per page
        context["page_obj"] = page_obj
    return TemplateResponse(request, "portal/search.html", context)
