"""Exports: XLSX for staff by default; every CSV cell that a spreadsheet would read as a
formula (starting with = + - @, tab or carriage return) is neutralised with a leading "'"."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _

from pendopo.core.exports import neutralise

__all__ = ["csv_response", "neutralise", "xlsx_response"]


def csv_response(rows: list[list], filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([neutralise("" if cell is None else cell) for cell in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(rows: list[list], filename: str, *, title: str) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in rows:
        # openpyxl writes strings as strings, but neutralise anyway: a copy to CSV stays safe.
        sheet.append([neutralise(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def statistics_rows(figures) -> list[list]:
    rows = [
        [
            _("Perangkat daerah"),
            _("Laporan diterima"),
            _("Sudah dijawab"),
            _("Dijawab tepat waktu (%)"),
            _("Median hari kerja sampai jawaban pertama"),
            _("Jumlah penilaian"),
            _("Rata-rata kepuasan (1-5)"),
        ]
    ]
    for figure in figures:
        rows.append(
            [
                figure.agency.name,
                figure.received,
                figure.answered,
                figure.on_time_percent,
                figure.median_days_to_first_answer,
                figure.ratings,
                figure.mean_rating,
            ]
        )
    return rows


def staff_case_rows(cases, *, today_for) -> list[list]:
    """Staff list export: contact details masked, never in clear."""
    rows = [
        [
            _("Nomor"),
            _("Diterima"),
            _("Jenis"),
            _("Kategori"),
            _("Judul"),
            _("Status"),
            _("Perangkat daerah"),
            _("Batas tahap"),
            _("Terlambat"),
            _("Pelapor"),
            _("Telepon"),
            _("E-mail"),
            _("Tracking ID SP4N-LAPOR!"),
        ]
    ]
    for case in cases:
        rows.append(
            [
                case.tracking_number,
                case.received_at.isoformat(),
                case.get_kind_display(),
                case.category.name,
                case.subject,
                case.get_status_display(),
                case.agency.name if case.agency else "",
                case.due_on.isoformat() if case.due_on else "",
                _("ya") if today_for(case) else "",
                case.public_name,
                case.masked_phone,
                case.masked_email,
                case.lapor_tracking_id,
            ]
        )
    return rows
