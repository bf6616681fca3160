"""Name the time zone next to the schedule fields (go-live, expiry) of every page type.

The admin shows and reads these fields in the user's zone (Wagtail: the account's zone, else
TIME_ZONE, the regency's WIB/WITA/WIT); the help text names that zone when it is rendered.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from wagtail.admin.panels import PublishingPanel
from wagtail.models.panels import PanelPlaceholder

ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def zone_label() -> str:
    """ "WIB (Asia/Jakarta)" for the zone active now."""
    name = timezone.get_current_timezone_name()
    return f"{ZONE_NAMES.get(name, name)} ({name})"


def _help() -> str:
    return gettext("Waktu dalam %(zone)s.") % {"zone": zone_label()}


zoned_help = lazy(_help, str)


class ZonedPublishingPanel(PublishingPanel):
    """Wagtail's schedule panel with the zone named under go-live and expiry."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for child in self.children:
            child.help_text = child.help_text or zoned_help()


def name_zone_on_schedule_fields() -> None:
    """Make every page type that keeps Wagtail's settings panels use the zoned panel."""
    from wagtail.models import Page

    panels = []
    for panel in Page.settings_panels:
        if isinstance(panel, PanelPlaceholder) and panel.path.endswith(".PublishingPanel"):
            panel = PanelPlaceholder(
                "pendopo.publishing.timezone_help.ZonedPublishingPanel", [], {}
            )
        panels.append(panel)
    Page.settings_panels = panels
