from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "pendopo.complaints"
    label = "complaints"
    verbose_name = _("Pengaduan dan tanya jawab")

    def ready(self) -> None:
        from pendopo.complaints import jobs
        from pendopo.core.calendar import register_open_deadlines
        from pendopo.core.scheduler import register_periodic_job

        register_open_deadlines("complaints.cases", jobs.open_case_deadlines)
        register_periodic_job("complaints.auto_close", jobs.auto_close_cases)
        register_periodic_job("complaints.overdue_digest", jobs.send_overdue_digests)
