"""Import working-day calendar overrides from CSV: all rows valid, or nothing written."""

import datetime
import re
from pathlib import Path
from typing import cast

from django.core.management.base import BaseCommand, CommandError
from django.db import models

from pendopo.core.csvimport import ImportFailed, RowError, read_rows
from pendopo.core.errors import DomainError
from pendopo.core.models import CalendarOverride
from pendopo.core.services import import_calendar_overrides

KINDS = {"libur": False, "kerja": True}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_overrides(path: Path) -> list[dict]:
    """Rows of ``tanggal,jenis,nama,dasar`` (jenis: libur or kerja), validated line by line."""
    errors: list[RowError] = []
    rows: list[dict] = []
    seen: dict[datetime.date, int] = {}
    for line, row in read_rows(path, ["tanggal", "jenis", "nama"]):
        try:
            if not ISO_DATE.match(row["tanggal"]):
                raise ValueError(row["tanggal"])
            day = datetime.date.fromisoformat(row["tanggal"])
        except ValueError:
            errors.append(
                RowError(path.name, line, f"tanggal tidak sah: {row['tanggal']!r} (YYYY-MM-DD)")
            )
            continue
        if row["jenis"] not in KINDS:
            errors.append(
                RowError(path.name, line, f"jenis harus libur atau kerja: {row['jenis']!r}")
            )
        if not row["nama"]:
            errors.append(RowError(path.name, line, "nama kosong"))
        for column, field in (("nama", "name"), ("dasar", "reference")):
            limit = cast(models.CharField, CalendarOverride._meta.get_field(field)).max_length or 0
            if len(row.get(column, "")) > limit:
                errors.append(RowError(path.name, line, f"{column} lebih dari {limit} karakter"))
        if day in seen:
            errors.append(RowError(path.name, line, f"tanggal ganda (baris {seen[day]})"))
        seen[day] = line
        rows.append(
            {
                "date": day,
                "is_working_day": KINDS.get(row["jenis"], False),
                "name": row["nama"],
                "reference": row.get("dasar", ""),
            }
        )
    if errors:
        raise ImportFailed(errors)
    return rows


class Command(BaseCommand):
    help = "Impor pengecualian kalender kerja (tanggal,jenis,nama,dasar) lalu hitung ulang tenggat."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            rows = parse_overrides(file)
        except ImportFailed as exc:
            raise CommandError(str(exc)) from exc
        try:
            _overrides, report = import_calendar_overrides(rows=rows, source=file.name)
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{len(rows)} pengecualian diimpor; {len(report.moved)} dari {report.checked} "
            "tenggat terbuka berpindah."
        )
