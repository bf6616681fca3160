"""Row-by-row validated CSV imports that write all or nothing.

Every loader of real public data (regions, agencies, and later legal documents and
tenders) reads its file through :func:`read_rows`, reports problems as
:class:`RowError` with the file name and the line number, and writes with
:func:`upsert` inside one transaction, so that a re-run changes nothing.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.db import models

ModelT = TypeVar("ModelT", bound=models.Model)


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
    """Yield ``(line_number, row)`` with values stripped; ``line_number`` is the physical
    line where the row starts (the header is line 1).

    Raises ImportFailed when the file is missing, not UTF-8, contains a NUL byte, lacks a
    required column, names a column twice, or has a row with more fields than the header.
    """
    name = path.name
    if not path.is_file():
        raise ImportFailed([RowError(name, 0, "berkas tidak ditemukan")])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed([RowError(name, 0, "berkas bukan UTF-8")]) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportFailed([RowError(name, line, "berkas berisi karakter NUL")])
    # csv reads the text itself (newline=""), so quoted line breaks stay inside their field
    # and line numbers are the file's physical lines (blank lines are skipped, not renumbered).
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [column.strip() for column in next(reader, [])]
    except csv.Error as exc:
        raise ImportFailed([RowError(name, 1, f"CSV tidak sah: {exc}")]) from None
    missing = [c for c in required_columns if c not in header]
    if missing:
        raise ImportFailed([RowError(name, 1, f"kolom wajib tidak ada: {', '.join(missing)}")])
    doubled = sorted({c for c in header if header.count(c) > 1})
    if doubled:
        raise ImportFailed([RowError(name, 1, f"kolom ganda: {', '.join(doubled)}")])
    while True:
        start = reader.line_num + 1
        try:
            values = next(reader, None)
        except csv.Error as exc:
            raise ImportFailed([RowError(name, start, f"CSV tidak sah: {exc}")]) from None
        if values is None:
            return
        if not any(value.strip() for value in values):
            continue
        if len(values) > len(header):
            raise ImportFailed([RowError(name, start, "kolom lebih banyak daripada judul kolom")])
        padded = values + [""] * (len(header) - len(values))
        yield start, {column: value.strip() for column, value in zip(header, padded, strict=True)}


def upsert(
    model: type[ModelT], lookup: dict[str, Any], values: dict[str, Any]
) -> tuple[ModelT, str]:
    """Create or update one row; return ``(obj, outcome)`` and write only what changed.

    ``outcome`` is ``"created"``, ``"updated"`` or ``"unchanged"``."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **values), "created"
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return obj, "unchanged"
    for name in changed:
        setattr(obj, name, values[name])
    obj.save(update_fields=changed)
    return obj, "updated"
