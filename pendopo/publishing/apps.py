from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "pendopo.publishing"
    label = "publishing"
    verbose_name = _("Penerbitan")

    def ready(self):
        from pendopo.agencies.subsites import register_agency_setup
        from pendopo.publishing import signals  # noqa: F401 - cache purge and removed pages
        from pendopo.publishing.timezone_help import name_zone_on_schedule_fields
        from pendopo.publishing.workflows import grant_editors_and_workflow

        name_zone_on_schedule_fields()
        register_agency_setup(grant_editors_and_workflow)
