"""Template helpers of the JDIH pages: the schema.org Legislation JSON-LD and the citation."""

from __future__ import annotations

from django import template

from pendopo.core import seo
from pendopo.core.templatetags.pendopo_tags import jsonld
from pendopo.jdih.states import schema_legal_force

register = template.Library()


@register.simple_tag(takes_context=True)
def legislation_jsonld(context, page, url, relation_lines=()) -> str:
    """schema.org ``Legislation`` of a legal document; ``legislationLegalForce`` follows the
    derived status; amendments and revocations become ``legislationChanges`` links."""
    portal = context.get("portal")
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{page.document_type.name} Nomor {page.number} Tahun {page.year} "
        f"tentang {page.title}",
        "alternateName": page.short_citation,
        "legislationIdentifier": page.short_citation,
        "legislationType": page.document_type.name,
        "legislationLegalForce": schema_legal_force(page.status),
        "inLanguage": "id",
        "url": url,
        "legislationJurisdiction": portal.regency.name if portal and portal.regency_id else "",
    }
    if portal:
        data["legislationPassedBy"] = {
            "@type": "GovernmentOrganization",
            "name": portal.government_name,
        }
    if page.enacted_on:
        data["legislationDate"] = page.enacted_on.isoformat()
    if page.promulgated_on:
        data["datePublished"] = page.promulgated_on.isoformat()
    if page.effective_on:
        data["legislationDateVersion"] = page.effective_on.isoformat()
    if page.abstract:
        data["abstract"] = seo.plain(page.abstract, 500)
    if page.subjects:
        data["keywords"] = ", ".join(page.subject_list)
    outgoing = [r.target.short_citation for r in page.outgoing_relations.all()]
    if outgoing:
        data["legislationChanges"] = outgoing  # the documents this one amends or revokes
    if relation_lines:
        data["description"] = "; ".join(line.sentence for line in relation_lines)
    return jsonld({k: v for k, v in data.items() if v not in ("", None, [])})
