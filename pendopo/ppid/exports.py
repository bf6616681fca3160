"""CSV and XLSX exports of the information list (DIP) and the yearly report figures.

CSV cells that a spreadsheet would read as a formula (starting with = + - @, tab or CR) are
prefixed with an apostrophe (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from pendopo.core.exports import neutralise
from pendopo.ppid.models import InformationItem

# docs/rules.md#ppid-dip: exactly these seven columns.
DIP_COLUMNS = [
    "Nomor",
    "Ringkasan isi informasi",
    "Pejabat/unit yang menguasai informasi",
    "Penanggung jawab pembuatan/penerbitan",
    "Waktu dan tempat pembuatan",
    "Bentuk informasi yang tersedia",
    "Jangka waktu penyimpanan",
]


def safe_cell(value) -> str:
    """The cell as text, neutralised (``pendopo.core.exports.neutralise``)."""
    return neutralise("" if value is None else str(value))


def dip_rows(items) -> list[list]:
    rows = []
    for number, item in enumerate(items, start=1):
        item: InformationItem
        rows.append(
            [
                number,
                f"{item.title}: {item.summary}",
                item.holding_unit,
                item.responsible_person,
                item.production,
                item.get_formats_display(),
                item.retention,
            ]
        )
    return rows


def to_csv(header: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8


def to_xlsx(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    """One sheet per ``(title, header, rows)``; strings are written as text, never formulas."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(header)
        for row in rows:
            sheet.append(
                [cell if isinstance(cell, int | float) else safe_cell(cell) for cell in row]
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
