"""The yearly PPID service report: publishing it and listing it as setiap-saat information."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendopo.core.errors import PermissionDeniedError
from pendopo.core.selectors import regency_time_zone
from pendopo.core.services import record_event
from pendopo.ppid import permissions
from pendopo.ppid.errors import IncompleteAnswer, ReportTooEarly
from pendopo.ppid.models import AnnualReport, InformationItem
from pendopo.ppid.services.deadlines import local_date
from pendopo.ppid.states import Category


@transaction.atomic
def publish_annual_report(
    *, report: AnnualReport, by, at: datetime.datetime | None = None
) -> AnnualReport:
    """Publish the yearly report (Perki 1/2021 Pasal 56) and list it as setiap-saat
    information (UU 14/2008 Pasal 11(1)). Raises ReportTooEarly before the budget year has
    ended, IncompleteAnswer while one of the six sections is empty."""
    if not permissions.can_edit_report(by, report.regency_id):
        raise PermissionDeniedError(_("Hanya PPID Utama yang dapat menerbitkan laporan tahunan."))
    at = at or timezone.now()
    time_zone = regency_time_zone(report.regency)
    if local_date(at, time_zone).year <= report.year:
        raise ReportTooEarly(_("Laporan tahunan diterbitkan setelah tahun anggaran berakhir."))
    empty = [name for name in AnnualReport.SECTIONS if not getattr(report, name).strip()]
    if empty:
        raise IncompleteAnswer(_("Keenam bagian laporan wajib diisi sebelum diterbitkan."))
    report.published_at = at
    title = str(report)
    url = f"/ppid/laporan/{report.year}/"
    item = report.item or InformationItem(regency=report.regency, category=Category.SETIAP_SAAT)
    item.title = title
    item.summary = _(
        "Laporan layanan informasi publik tahun %(year)s, dengan rekap permohonan, "
        "keberatan dan sengketa."
    ) % {"year": report.year}
    item.holding_unit = "PPID Utama"
    item.responsible_person = "PPID Utama"
    item.production = f"{local_date(at, time_zone):%Y}, {report.regency.name}"
    item.formats = "softcopy"
    item.retention = "Permanen"
    item.external_url = url
    item.last_updated_on = local_date(at, time_zone)
    item.published_at = at
    item.save()
    report.item = item
    report.save()
    record_event(
        obj=report,
        kind="ppid_report_published",
        actor=by,
        payload={
            "year": report.year,
            "late": local_date(at, time_zone) > report.due_on,
            "url": url,
        },
    )
    return report
