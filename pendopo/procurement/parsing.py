"""Strict parsing of SPSE/SiRUP export values: rupiah amounts, dates, statuses, row sources.

Every parser takes the raw string and returns the value, or raises ``ValueError`` with an
Indonesian message that the importer turns into a ``RowError`` with file and line.
"""

from __future__ import annotations

import datetime
import json
import re
import zoneinfo
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from pendopo.core.csvimport import ImportFailed, RowError, read_rows

from .models import PackageStatus

# Decimal(18, 2): at most 16 digits before the point and 2 after. A bare regex first, so a
# value of 100,000 nines or "1e1000000" is refused without ever building a huge number.
AMOUNT_RE = re.compile(r"^\d{1,16}(\.\d{1,2})?$")
AMOUNT_LONG_FRACTION_RE = re.compile(r"^\d{1,16}\.\d{3,12}$")
MAX_JSON_BYTES = 50 * 1024 * 1024


def amount(value: str, *, required: bool = False) -> Decimal | None:
    """Rupiah as ``Decimal`` with 2 places, or None for "" (ValueError when ``required``).

    Accepts plain decimal notation (``1250000000``, ``999995334.78``); more than 2 decimals
    are rounded half-up to the sen. Refuses exponents, signs, separators, NaN/Infinity and
    anything of 17 or more integer digits (≥ Rp10.000 triliun).
    """
    text = value.strip()
    if text == "":
        if required:
            raise ValueError("nilai wajib diisi")
        return None
    if len(text) > 32:
        raise ValueError(f"nilai rupiah terlalu panjang ({len(text)} karakter)")
    if AMOUNT_RE.match(text):
        return Decimal(text).quantize(Decimal("0.01"))
    if AMOUNT_LONG_FRACTION_RE.match(text):
        return Decimal(text).quantize(Decimal("0.01"))
    raise ValueError(f"nilai rupiah tidak sah: {text!r}")


def year(value: str) -> int:
    """A budget year between 2000 and 2100."""
    if not re.fullmatch(r"\d{4}", value.strip()) or not 2000 <= int(value) <= 2100:
        raise ValueError(f"tahun anggaran tidak sah: {value!r}")
    return int(value)


def moment(value: str, zone: zoneinfo.ZoneInfo) -> datetime.datetime | None:
    """``YYYY-MM-DD[ HH:MM[:SS]]`` in the LPSE's local zone → aware datetime; "" → None."""
    text = value.strip()
    if text == "":
        return None
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            naive = datetime.datetime.strptime(text, pattern)
        except ValueError:
            continue
        return naive.replace(tzinfo=zone)
    raise ValueError(f"tanggal/waktu tidak sah: {text!r}")


def day(value: str) -> datetime.date | None:
    """``YYYY-MM-DD`` (a time part is ignored) → date; "" → None."""
    text = value.strip()
    if text == "":
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"tanggal tidak sah: {text!r}") from None


def count(value: str) -> int | None:
    """A non-negative whole number below one million, or None for ""."""
    text = value.strip()
    if text == "":
        return None
    if not re.fullmatch(r"\d{1,6}", text):
        raise ValueError(f"bukan bilangan bulat: {text!r}")
    return int(text)


def status(value: str) -> str:
    """SPSE status text → PackageStatus: Selesai, Berlangsung, Gagal/Batal (and variants)."""
    text = value.strip().casefold()
    if text in {"selesai", "tender sudah selesai", "tender selesai", "paket selesai"}:
        return PackageStatus.COMPLETE
    if text in {"berlangsung", "tender sedang berlangsung", "aktif"}:
        return PackageStatus.ONGOING
    if text in {"gagal/batal", "gagal", "batal", "tender gagal", "tender batal", "tender ulang"}:
        return PackageStatus.CANCELLED
    raise ValueError(f"status tidak dikenal: {value!r}")


def rows(path: Path, required: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV (via ``read_rows``: line numbers are physical lines, header = 1) or of a
    JSON file (a list of objects, or ``{"data": [...]}``; "line" is the record number).

    JSON numbers are kept as their exact text so amounts are never rounded through float.
    """
    if path.suffix.lower() != ".json":
        yield from read_rows(path, required)
        return
    name = path.name
    if not path.is_file():
        raise ImportFailed([RowError(name, 0, "berkas tidak ditemukan")])
    if path.stat().st_size > MAX_JSON_BYTES:
        raise ImportFailed([RowError(name, 0, "berkas JSON lebih dari 50 MB")])
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"), parse_float=str, parse_int=str)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ImportFailed([RowError(name, 0, f"JSON tidak sah: {exc}")]) from None
    if isinstance(data, dict):
        data = data.get("data")
    if not isinstance(data, list):
        raise ImportFailed([RowError(name, 0, "JSON harus berupa daftar objek")])
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ImportFailed([RowError(name, number, "baris bukan objek")])
        missing = [column for column in required if column not in item]
        if missing:
            raise ImportFailed(
                [RowError(name, number, f"kolom wajib tidak ada: {', '.join(missing)}")]
            )
        row = {}
        for key, value in item.items():
            if value is None:
                row[str(key)] = ""
            elif isinstance(value, (dict, list)):
                raise ImportFailed([RowError(name, number, f"{key}: nilai bukan teks/angka")])
            else:
                row[str(key)] = str(value).strip()
        yield number, row
