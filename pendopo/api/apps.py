from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """Machine-readable outputs: RSS/Atom feeds, iCalendar, the province aggregation feed.

    Owns no models; reads through the other apps' selectors (DESIGN.md, ``api/``)."""

    name = "pendopo.api"
    label = "api"
    verbose_name = _("Umpan dan API publik")
