from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "pendopo.services"
    label = "services"
    verbose_name = _("Standar pelayanan")

    def ready(self) -> None:
        # Registration, not a lazy import to dodge a cycle: models exist only once apps load.
        from pendopo.agencies.subsites import register_agency_child, register_regency_child
        from pendopo.services.services import ensure_service_index

        register_regency_child(lambda home: ensure_service_index(parent=home))
        register_agency_child(lambda page: ensure_service_index(parent=page))
