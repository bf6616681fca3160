from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """Machine-readable outputs: RSS/Atom feeds, iCalendar, the province aggregation feed.

    Owns no models; reads through the other apps' selectors (DESIGN.md, ``api/``)."""

    name = "pendopo.api"
    label = "api"
    verbose_name = _("Umpan dan API publik")

    def ready(self) -> None:
        # Registration, not a lazy import to dodge a cycle: models exist only once apps load.
        from pendopo.api.selectors import feed_paths_for
        from pendopo.publishing.selectors import register_purge_paths

        register_purge_paths(feed_paths_for)
