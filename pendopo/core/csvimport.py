"""Row-by-row validated CSV imports that write all or nothing.

Every loader of real public data (regions, agencies, and later legal documents and
tenders) reads its file through :func:`read_rows`, reports problems as
:class:`RowError` with the file name and the line number, and writes with
:func:`upsert` inside one transaction, so that a re-run changes nothing.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models


@dataclass(frozen=True)
class RowError:
    """A problem in one line of one file (``line`` is 1-based, the header is line 1)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}, baris {self.line}: {self.message}"


class ImportFailed(Exception):
    """Raised with every RowError found; nothing was written."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        shown = "\n".join(f"  - {error}" for error in errors[:50])
        more = f"\n  … dan {len(errors) - 50} kesalahan lain" if len(errors) > 50 else ""
        super().__init__(f"Impor dibatalkan, tidak ada data yang ditulis:\n{shown}{more}")


@dataclass
class ImportReport:
    """Counts per model label and outcome (``created``, ``updated``, ``unchanged``)."""

    counts: Counter = field(default_factory=Counter)

    def add(self, label: str, outcome: str) -> None:
        self.counts[(label, outcome)] += 1

    def total(self, label: str) -> int:
        return sum(n for (name, _), n in self.counts.items() if name == label)

    def lines(self) -> list[str]:
        labels = sorted({name for name, _ in self.counts}, key=str)
        out = []
        for label in labels:
            out.append(
                f"{label}: {self.total(label)} "
                f"(baru {self.counts[(label, 'created')]}, "
                f"diperbarui {self.counts[(label, 'updated')]}, "
                f"tetap {self.counts[(label, 'unchanged')]})"
            )
        return out


def read_rows(path: Path, required_columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` with values stripped.

    Raises ImportFailed when the file is missing, not UTF-8, or lacks a required column.
    """
    name = path.name
    if not path.is_file():
        raise ImportFailed([RowError(name, 0, "berkas tidak ditemukan")])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed([RowError(name, 0, "berkas bukan UTF-8")]) from None
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in required_columns if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportFailed([RowError(name, 1, f"kolom wajib tidak ada: {', '.join(missing)}")])
    for index, row in enumerate(reader, start=2):
        yield index, {k: (v or "").strip() for k, v in row.items() if k is not None}


def upsert(
    model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]
) -> tuple[models.Model, str]:
    """Create or update one row; return ``(obj, outcome)`` and write only what changed."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), "created"
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return obj, "unchanged"
    for name in changed:
        setattr(obj, name, values[name])
    obj.save(update_fields=changed)
    return obj, "updated"
