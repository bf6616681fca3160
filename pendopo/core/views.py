"""Site search, robots.txt and the Indonesian error pages."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from pendopo.core.listing import paginate
from pendopo.core.search import search_pages, unreadable_query_error


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
        return TemplateResponse(request, "core/search.html", context, status=400)
    if unreadable_query_error(raw):
        context["error"] = unreadable_query_error(raw)
        context["query"] = ""
        return TemplateResponse(request, "core/search.html", context, status=400)
    site = Site.find_for_request(request)
    if query and site is not None:
        from pendopo.publishing.selectors import attach_withdrawals

        page_obj = paginate(request, search_pages(site=site, query=query))
        attach_withdrawals(page_obj.object_list)  # the "Ditarik" marker: one query per page
        context["page_obj"] = page_obj
    return TemplateResponse(request, "core/search.html", context)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /cari/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request: HttpRequest) -> HttpResponse:
    """Crawlers ask for /favicon.ico; the portal's icon is an SVG among the static files."""
    return HttpResponsePermanentRedirect(static("core/favicon.svg"))


def _error(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    html = render_to_string(
        "core/error.html",
        {"status": status, "title": title, "message": message},
        request=request,
    )
    return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    return _error(
        request,
        400,
        _("Permintaan tidak dapat diproses"),
        _("Alamat atau isian yang dikirim tidak sah. Periksa kembali lalu coba lagi."),
    )


def permission_denied(request, exception=None):
    return _error(
        request, 403, _("Akses ditolak"), _("Anda tidak memiliki izin untuk membuka halaman ini.")
    )


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token (often an expired page): say so, keep it 403."""
    return _error(
        request,
        403,
        _("Formulir kedaluwarsa"),
        _(
            "Halaman formulir sudah terlalu lama dibuka atau cookie diblokir. "
            "Muat ulang lalu kirim lagi."
        ),
    )


def page_not_found(request, exception=None):
    return _error(
        request,
        404,
        _("Halaman tidak ditemukan"),
        _("Halaman yang Anda cari tidak ada atau sudah dipindahkan. Coba fitur pencarian."),
    )


def server_error(request):
    # Rendered without the request context: the failure may lie in the context itself.
    html = render_to_string(
        "core/error_500.html",
        {
            "title": _("Terjadi gangguan"),
            "message": _("Maaf, terjadi gangguan pada server. Silakan coba beberapa saat lagi."),
        },
    )
    return HttpResponse(html, status=500)
