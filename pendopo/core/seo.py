"""Canonical URLs and schema.org / Open Graph data for public pages."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.utils.html import strip_tags
from wagtail.models import Page, Site

from pendopo.core.models import SiteSettings


def canonical_url(page: Page, request: HttpRequest | None = None) -> str:
    """The one canonical absolute URL of ``page``: on the regency Site, not an agency host.

    Wagtail serves an agency's page on both the regency host and the agency host; search
    engines and shared links must see one address, the regency's (the shortest site root).
    """
    candidates = [
        root for root in Site.get_site_root_paths() if page.url_path.startswith(root.root_path)
    ]
    if not candidates:
        return page.get_full_url(request) or ""
    root = min(candidates, key=lambda r: len(r.root_path))
    return root.root_url.rstrip("/") + "/" + page.url_path[len(root.root_path) :]


def organisation_data(settings: SiteSettings | None, base_url: str) -> dict[str, Any]:
    """schema.org GovernmentOrganization of the regency, shown on every page."""
    name = settings.government_name if settings else "Pendopo"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": name,
        "url": base_url,
    }
    if settings:
        if settings.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": settings.address,
                "addressCountry": "ID",
            }
        if settings.phone:
            data["telephone"] = settings.phone
        if settings.email:
            data["email"] = settings.email
        regency = settings.regency if settings.regency_id else None
        if regency is not None:
            data["areaServed"] = {
                "@type": "AdministrativeArea",
                "name": regency.name,
                "identifier": regency.code,
            }
    return data


def dump_jsonld(data: dict[str, Any]) -> str:
    """JSON for a ``<script type="application/ld+json">`` block, safe against ``</script>``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def plain(text: str, limit: int = 200) -> str:
    """Text without markup, at most ``limit`` characters, for descriptions and previews."""
    flat = " ".join(strip_tags(text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
