"""robots.txt, the favicon and the Indonesian error pages (site search: ``portal.views``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe


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
