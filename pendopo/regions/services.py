"""Writes of region data: the validated, idempotent, all-or-nothing import of Kemendagri files."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from pendopo.core.csvimport import ImportFailed, ImportReport, RowError, read_rows, upsert
from pendopo.regions.models import District, Province, Regency, RegencyKind, Village, VillageKind

DATA_DIR = Path(__file__).resolve().parent / "data"

PROVINCE_CODE = re.compile(r"^\d{2}$")
REGENCY_CODE = re.compile(r"^\d{2}\.\d{2}$")
DISTRICT_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
VILLAGE_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")


def _decimal(value: str, errors: list[RowError], file: str, line: int, column: str):
    if value == "":
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        errors.append(RowError(file, line, f"{column} bukan angka: {value!r}"))
        return None
    if not number.is_finite() or number < 0 or number >= Decimal("1e9"):
        errors.append(RowError(file, line, f"{column} di luar rentang: {value!r}"))
        return None
    return number.quantize(Decimal("0.001"))


def _count(value: str, errors: list[RowError], file: str, line: int, column: str):
    if value == "":
        return None
    if not value.isdigit() or len(value) > 10:
        errors.append(RowError(file, line, f"{column} bukan bilangan bulat: {value!r}"))
        return None
    return int(value)


def _stats(row, errors, file, line) -> dict:
    return {
        "area_km2": _decimal(row.get("luas_km2", ""), errors, file, line, "luas_km2"),
        "population_male": _count(
            row.get("penduduk_pria", ""), errors, file, line, "penduduk_pria"
        ),
        "population_female": _count(
            row.get("penduduk_wanita", ""), errors, file, line, "penduduk_wanita"
        ),
        "population_total": _count(
            row.get("penduduk_total", ""), errors, file, line, "penduduk_total"
        ),
    }


def import_regions(*, data_dir: Path = DATA_DIR) -> ImportReport:
    """Import provinces, regencies, and the kecamatan/desa of every ``kecamatan_desa_*.csv``.

    Files (shapes as in ``data/SOURCES.md``): ``provinsi.csv``, ``kabupaten_kota.csv``,
    ``kecamatan_desa_<regency code>.csv`` (national format: kode, nama, tingkat, jenis,
    kode_induk) and optionally ``nama_wilayah_varian.csv``. Every row is validated first;
    on any error ImportFailed lists them all (file and line) and nothing is written.
    Re-running with the same files changes nothing.
    """
    errors: list[RowError] = []
    provinces: dict[str, dict] = {}
    for line, row in read_rows(data_dir / "provinsi.csv", ["kode", "nama"]):
        code, name = row["kode"], row["nama"]
        if not PROVINCE_CODE.match(code):
            errors.append(RowError("provinsi.csv", line, f"kode provinsi tidak sah: {code!r}"))
            continue
        if not name:
            errors.append(RowError("provinsi.csv", line, "nama kosong"))
        if code in provinces:
            errors.append(RowError("provinsi.csv", line, f"kode ganda: {code}"))
        provinces[code] = {"name": name, **_stats(row, errors, "provinsi.csv", line)}

    regencies: dict[str, dict] = {}
    for line, row in read_rows(
        data_dir / "kabupaten_kota.csv", ["kode", "kode_provinsi", "nama", "jenis"]
    ):
        file = "kabupaten_kota.csv"
        code = row["kode"]
        if not REGENCY_CODE.match(code):
            errors.append(RowError(file, line, f"kode kabupaten/kota tidak sah: {code!r}"))
            continue
        if row["kode_provinsi"] not in provinces or not code.startswith(row["kode_provinsi"]):
            errors.append(
                RowError(file, line, f"provinsi induk tidak ada: {row['kode_provinsi']!r}")
            )
        if row["jenis"] not in RegencyKind.values:
            errors.append(RowError(file, line, f"jenis tidak dikenal: {row['jenis']!r}"))
        if not row["nama"]:
            errors.append(RowError(file, line, "nama kosong"))
        if code in regencies:
            errors.append(RowError(file, line, f"kode ganda: {code}"))
        regencies[code] = {
            "province": row["kode_provinsi"],
            "name": row["nama"],
            "kind": row["jenis"],
            **_stats(row, errors, file, line),
        }

    districts: dict[str, dict] = {}
    villages: dict[str, dict] = {}
    for path in sorted(data_dir.glob("kecamatan_desa_*.csv")):
        file = path.name
        for line, row in read_rows(path, ["kode", "nama", "tingkat", "jenis", "kode_induk"]):
            code, parent, kind, name = row["kode"], row["kode_induk"], row["jenis"], row["nama"]
            if not code:
                errors.append(RowError(file, line, "kode kosong"))
                continue
            if not name:
                errors.append(RowError(file, line, "nama kosong"))
            if kind == "kecamatan":
                if not DISTRICT_CODE.match(code):
                    errors.append(RowError(file, line, f"kode kecamatan tidak sah: {code!r}"))
                elif parent not in regencies or not code.startswith(parent + "."):
                    errors.append(RowError(file, line, f"kode induk tidak ada: {parent!r}"))
                elif code in districts:
                    errors.append(RowError(file, line, f"kode ganda: {code}"))
                else:
                    districts[code] = {"regency": parent, "name": name, "line": line}
            elif kind in VillageKind.values:
                if not VILLAGE_CODE.match(code):
                    errors.append(RowError(file, line, f"kode desa/kelurahan tidak sah: {code!r}"))
                elif parent not in districts or not code.startswith(parent + "."):
                    errors.append(RowError(file, line, f"kode induk tidak ada: {parent!r}"))
                elif code in villages:
                    errors.append(RowError(file, line, f"kode ganda: {code}"))
                else:
                    villages[code] = {"district": parent, "name": name, "kind": kind}
            else:
                errors.append(RowError(file, line, f"jenis tidak dikenal: {kind!r}"))

    variants_path = data_dir / "nama_wilayah_varian.csv"
    if variants_path.exists():
        for line, row in read_rows(variants_path, ["kode", "nama_lama"]):
            if row["kode"] not in villages:
                errors.append(
                    RowError(variants_path.name, line, f"desa tidak ada: {row['kode']!r}")
                )
            else:
                villages[row["kode"]]["former_name"] = row["nama_lama"]

    slugs: dict[tuple[str, str], str] = {}
    for code, data in districts.items():
        slug = slugify(data["name"])
        key = (data["regency"], slug)
        if key in slugs:
            errors.append(
                RowError("kecamatan", data["line"], f"slug {slug!r} sama dengan {slugs[key]}")
            )
        slugs[key] = code
        data["slug"] = slug

    if errors:
        raise ImportFailed(errors)

    report = ImportReport()
    with transaction.atomic():
        province_objs = {}
        for code, data in provinces.items():
            province_objs[code], outcome = upsert(Province, {"code": code}, data)
            report.add("provinsi", outcome)
        regency_objs = {}
        for code, data in regencies.items():
            values = {**data, "province": province_objs[data["province"]]}
            regency_objs[code], outcome = upsert(Regency, {"code": code}, values)
            report.add("kabupaten/kota", outcome)
        district_objs = {}
        for code, data in districts.items():
            values = {
                "regency": regency_objs[data["regency"]],
                "name": data["name"],
                "slug": data["slug"],
            }
            district_objs[code], outcome = upsert(District, {"code": code}, values)
            report.add("kecamatan", outcome)
        for code, data in villages.items():
            values = {
                "district": district_objs[data["district"]],
                "name": data["name"],
                "kind": data["kind"],
                "former_name": data.get("former_name", ""),
            }
            _, outcome = upsert(Village, {"code": code}, values)
            report.add(f"{data['kind']}", outcome)
    return report
