import io

from django.core.management import call_command

from pendopo.complaints import services
from pendopo.complaints.models import Case
from pendopo.complaints.tests.conftest import wib
from pendopo.core.scheduler import periodic_jobs


def test_sweeps_are_registered_for_run_scheduled():
    assert {"complaints.auto_close", "complaints.overdue_digest"} <= set(periodic_jobs())


def test_purge_command_uses_the_configured_retention(make_case, coordinator, settings):
    settings.PENDOPO_COMPLAINTS_RETENTION_DAYS = 0
    case = services.archive_case(case=make_case(), by=coordinator, reason="ganda")
    Case.objects.filter(pk=case.pk).update(closed_at=wib(2026, 1, 1, 0))
    out = io.StringIO()

    call_command("purge_complaint_personal_data", stdout=out)

    case.refresh_from_db()
    assert case.reporter_email == ""
    assert "masa simpan 0 hari" in out.getvalue()


def test_demo_cases_cover_every_status_and_several_agencies(db):
    from pendopo.complaints.states import CaseStatus

    demo = Case.objects.filter(is_demo=True)

    assert set(demo.values_list("status", flat=True)) == set(CaseStatus.values)
    assert demo.exclude(agency=None).values("agency").distinct().count() >= 4
