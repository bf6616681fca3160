from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "pendopo.agenda"
    label = "agenda"
    verbose_name = _("Agenda")

    def ready(self) -> None:
        # Registration, not a lazy import to dodge a cycle: models exist only once apps load.
        from pendopo.agencies.subsites import register_agency_child, register_front_page_item
        from pendopo.agenda.models import EventIndexPage
        from pendopo.agenda.selectors import upcoming_events
        from pendopo.core.services import ensure_child
        from pendopo.core.sites import Section, register_section

        def event_index(parent):
            return ensure_child(parent, EventIndexPage, slug="agenda", title="Agenda")

        register_section(Section("agenda", event_index))
        register_agency_child(event_index)
        register_front_page_item("events", lambda page: upcoming_events(root=page, limit=5))
