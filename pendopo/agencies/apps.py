from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "pendopo.agencies"
    label = "agencies"
    verbose_name = _("Perangkat daerah")

    def ready(self) -> None:
        # Registration, not a lazy import to dodge a cycle: models exist only once apps load.
        from pendopo.agencies.models import AgencyIndexPage, AgencyPage
        from pendopo.agencies.selectors import agency_for_path
        from pendopo.core.services import ensure_child
        from pendopo.core.sites import Section, Subsite, register_section, register_subsite

        register_section(
            Section(
                "perangkat-daerah",
                lambda parent: ensure_child(
                    parent, AgencyIndexPage, slug="perangkat-daerah", title="Perangkat Daerah"
                ),
            )
        )
        register_subsite(
            Subsite(page_model=AgencyPage, owner_for_path=agency_for_path, owner_attribute="agency")
        )
