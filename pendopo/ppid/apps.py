from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PpidConfig(AppConfig):
    """PPID: public information list, requests, objections, disputes and yearly reports."""

    name = "pendopo.ppid"
    label = "ppid"
    verbose_name = _("PPID")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pendopo.core.calendar import register_open_deadlines
        from pendopo.core.scheduler import register_periodic_job
        from pendopo.ppid import selectors, services

        register_open_deadlines("ppid.requests", selectors.open_request_deadlines)
        register_open_deadlines("ppid.objections", selectors.open_objection_deadlines)
        register_periodic_job("ppid.berkala_freshness", services.flag_stale_berkala)
