"""410 Gone for removed pages (after Wagtail's redirects have had their chance)."""

from __future__ import annotations

from django.shortcuts import render
from wagtail.models import Site


class GoneMiddleware:
    """A 404 at an address whose page was unpublished or deleted becomes 410 Gone.

    Sits before ``RedirectMiddleware`` in MIDDLEWARE so that a redirect an editor made for the
    old address wins (responses pass through middleware in reverse order).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.path.startswith(("/admin/", "/static/")):
            return response
        if "\x00" in request.path or len(request.path) > 1000:
            return response  # never a stored page path; PostgreSQL refuses NUL in a query
        from pendopo.publishing.selectors import removed_path

        site = Site.find_for_request(request)
        if site is None:
            return response
        url_path = site.root_page.url_path + request.path.lstrip("/")
        if not url_path.endswith("/"):
            url_path += "/"
        removed = removed_path(url_path)
        if removed is None:
            return response
        return render(
            request,
            "publishing/gone.html",
            {"removed": removed},
            status=410,
        )
