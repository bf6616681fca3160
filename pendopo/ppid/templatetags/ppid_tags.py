"""``{% ppid_alerts %}``: the site-wide banner of serta-merta information (UU 14/2008 Pasal 10);
``{% ppid_rules as rules %}``: PPID's legal numbers (``{{ rules.ANSWER.amount }}``)."""

from __future__ import annotations

from django import template
from django.core.cache import cache

from pendopo.core.rules import Rule, rules_of
from pendopo.ppid import rules as ppid_rules_module

register = template.Library()
ALERT_CACHE_SECONDS = 60


@register.simple_tag
def ppid_rules() -> dict[str, Rule]:
    """Every rule of ``pendopo.ppid.rules`` by name, so templates never repeat a legal number."""
    return rules_of(ppid_rules_module)


@register.inclusion_tag("ppid/includes/alert_banner.html", takes_context=True)
def ppid_alerts(context):
    """The active serta-merta alerts of the current regency (cached for a minute)."""
    from pendopo.ppid.selectors import active_alerts

    portal = context.get("portal")
    if portal is None or not getattr(portal, "regency_id", None):
        return {"alerts": []}
    key = f"ppid:alerts:{portal.regency_id}"
    alerts = cache.get(key)
    if alerts is None:
        alerts = [
            {"title": item.title, "url": f"/ppid/informasi/{item.pk}/"}
            for item in active_alerts(regency=portal.regency)
        ]
        cache.set(key, alerts, ALERT_CACHE_SECONDS)
    return {"alerts": alerts}
