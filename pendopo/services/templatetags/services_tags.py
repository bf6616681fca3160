"""Template helpers of service-standard pages."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from pendopo.core.seo import plain
from pendopo.core.templatetags.pendopo_tags import jsonld
from pendopo.services.components import DELIVERY, MANAGEMENT

register = template.Library()


@register.filter
def component_groups(page) -> list[tuple[list[dict], str]]:
    """The components split into the 6 of service delivery and the 8 of management."""
    items = page.components()
    return [
        ([c for c in items if c["group"] == DELIVERY], _("Penyampaian pelayanan")),
        ([c for c in items if c["group"] == MANAGEMENT], _("Pengelolaan pelayanan")),
    ]


@register.simple_tag
def service_jsonld(page, url) -> str:
    """schema.org GovernmentService of one service standard."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": page.title,
        "url": url,
        "description": plain(page.summary, 300),
        "serviceType": page.title,
    }
    provider = page.provider()
    if provider is not None:
        data["provider"] = {"@type": "GovernmentOrganization", "name": provider.name}
    return jsonld(data)
