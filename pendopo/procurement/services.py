"""Writes of procurement data: validated, idempotent, all-or-nothing imports of SPSE/SiRUP files.

Each ``import_*`` reads one file (CSV or JSON in the shape of the SPSE/SiRUP exports, see
``README.md``), validates every row first, and on any error raises
:class:`pendopo.core.csvimport.ImportFailed` naming file and line; nothing is written then.
Otherwise it writes in one transaction (re-importing updates, never duplicates), records an
``ImportRun`` with an event, and recomputes the regency's red flags.
"""

from __future__ import annotations

import re
import zoneinfo
from collections import Counter
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from pendopo.agencies.models import Agency
from pendopo.core.calendar import zone_named
from pendopo.core.csvimport import ImportFailed, RowError, upsert
from pendopo.core.models import SiteSettings
from pendopo.core.services import record_event

from . import parsing
from .flags import recompute_red_flags
from .models import ImportRun, Package, PackageKind, Plan, Stage, WorkUnit

DATA_DIR = Path(__file__).resolve().parent / "data"
SATKER_CODE = re.compile(r"^[0-9A-Za-z.\-]{1,40}$")
PACKAGE_CODE = re.compile(r"^\d{1,20}$")
BATCH = 1000


Report = Callable[[str], None]
RowParser = Callable[[dict[str, str], Report], "dict[str, Any] | None"]


def _read(
    path: Path,
    columns: list[str],
    *,
    key: str,
    parse: RowParser,
    pattern: re.Pattern[str] | None = None,
    known: Container[str] | None = None,
    unique: bool = True,
) -> dict[str, dict[str, Any]]:
    """The one import loop: every row of ``path`` checked before anything is written.

    For each row the ``key`` column must match ``pattern`` (when given) and be in ``known``
    (when given: rows about packages not imported yet), and appear once (``unique``); then
    ``parse(row, report)`` turns the row into values (None: nothing to keep), calling
    ``report(message)`` for each problem; a ``ValueError`` it raises is reported too.
    Returns ``{key: values}``; raises :class:`ImportFailed` with every problem of the file.
    """
    file = path.name
    errors: list[RowError] = []
    parsed: dict[str, dict[str, Any]] = {}
    for line, row in parsing.rows(path, columns):

        def report(message: str, line: int = line) -> None:
            errors.append(RowError(file, line, message))

        code = row[key]
        if known is not None and code not in known:
            report(f"paket tender {code!r} belum diimpor")
            continue
        if pattern is not None and not pattern.match(code):
            report(f"{key} tidak sah: {code!r}")
            continue
        if unique and code in parsed:
            report(f"{key} ganda: {code}")
        try:
            values = parse(row, report)
        except ValueError as exc:
            report(str(exc))
            continue
        if values is not None:
            parsed[code] = values
    if errors:
        raise ImportFailed(errors)
    return parsed


def _apply(obj: Any, values: dict[str, Any]) -> list[str]:
    """Set on ``obj`` the ``values`` that differ; returns the names of the changed fields."""
    diff = [k for k, v in values.items() if getattr(obj, k) != v]
    for k in diff:
        setattr(obj, k, values[k])
    return diff


@dataclass
class ProcurementImport:
    """What one import did: counts per outcome and the satker that map to no agency."""

    source: str
    file_name: str
    counts: Counter = field(default_factory=Counter)
    unmapped: dict[str, str] = field(default_factory=dict)  # satker code -> name

    def lines(self) -> list[str]:
        out = [
            f"{self.file_name}: baru {self.counts['created']}, "
            f"diperbarui {self.counts['updated']}, tetap {self.counts['unchanged']}"
        ]
        if self.unmapped:
            out.append(
                f"  satker tanpa perangkat daerah ({len(self.unmapped)}): "
                + "; ".join(f"{code} {name}" for code, name in sorted(self.unmapped.items()))
            )
        return out


def _zone(regency) -> zoneinfo.ZoneInfo:
    """The zone of the regency's Site (WIB when it has none yet)."""

    settings = SiteSettings.objects.filter(regency=regency).only("time_zone").first()
    return zone_named(settings.time_zone if settings else None)


def _normal(name: str) -> str:
    return " ".join(name.casefold().replace(".", ". ").split())


def parent_code(code: str) -> str:
    """The OPD-level code of a sub-unit: the same Permendagri 90 code ending in ``.0000``."""
    head, _sep, _tail = code.rpartition(".")
    return f"{head}.0000" if head else code


def map_work_units(*, regency) -> int:
    """Point each satker of ``regency`` at its agency: same name (case and spacing ignored),
    else the agency of its parent unit (code ending ``.0000``). Returns how many changed."""

    by_name = {_normal(a.name): a.pk for a in Agency.objects.filter(regency=regency)}
    units = list(WorkUnit.objects.filter(regency=regency))
    own = {u.code: by_name.get(_normal(u.name)) for u in units}
    changed = []
    for unit in units:
        agency_id = own[unit.code] or own.get(parent_code(unit.code))
        if unit.agency_id != agency_id:
            unit.agency_id = agency_id
            changed.append(unit)
    WorkUnit.objects.bulk_update(changed, ["agency"], batch_size=BATCH)
    if changed:
        for unit in changed:
            Package.objects.filter(work_unit=unit).update(agency_id=unit.agency_id)
    return len(changed)


def _finish(*, regency, result: ProcurementImport, actor=None, recompute: bool = True) -> None:
    run = ImportRun.objects.create(
        regency=regency,
        source=result.source,
        file_name=result.file_name,
        counts={**result.counts, "unmapped": len(result.unmapped)},
    )
    record_event(obj=run, kind="procurement_imported", actor=actor, payload=run.counts)
    if recompute:
        recompute_red_flags(regency=regency)


def _units(regency, wanted: dict[str, str], result: ProcurementImport) -> dict[str, WorkUnit]:
    """Existing satker by code; unknown codes are created (named as in the file) and mapped."""
    units = {u.code: u for u in WorkUnit.objects.filter(regency=regency)}
    new = [
        WorkUnit(regency=regency, code=code, name=name[:200])
        for code, name in wanted.items()
        if code not in units
    ]
    if new:
        WorkUnit.objects.bulk_create(new, batch_size=BATCH)
        map_work_units(regency=regency)
        units = {u.code: u for u in WorkUnit.objects.filter(regency=regency)}
    for code in wanted:
        if units[code].agency_id is None:
            result.unmapped[code] = units[code].name
    return units


@transaction.atomic
def import_work_units(*, regency, path: Path, actor=None) -> ProcurementImport:
    """Import the SiRUP satker master (``kd_satker``, ``kd_satker_str``, ``nama_satker``)
    and map every satker to an agency of ``regency`` (see :func:`map_work_units`)."""

    def parse(row: dict[str, str], report: Report) -> dict[str, Any]:
        if not row["nama_satker"]:
            report("nama_satker kosong")
        return {"sirup_id": row["kd_satker"][:20], "name": row["nama_satker"][:200]}

    columns = ["kd_satker", "kd_satker_str", "nama_satker"]
    parsed = _read(path, columns, key="kd_satker_str", pattern=SATKER_CODE, parse=parse)
    result = ProcurementImport(source="satker", file_name=path.name)
    existing = {u.code: u for u in WorkUnit.objects.filter(regency=regency)}
    new, changed = [], []
    for code, values in parsed.items():
        unit = existing.get(code)
        if unit is None:
            new.append(WorkUnit(regency=regency, code=code, **values))
            result.counts["created"] += 1
        elif _apply(unit, values):
            changed.append(unit)
            result.counts["updated"] += 1
        else:
            result.counts["unchanged"] += 1
    WorkUnit.objects.bulk_create(new, batch_size=BATCH)
    WorkUnit.objects.bulk_update(changed, ["sirup_id", "name"], batch_size=BATCH)
    map_work_units(regency=regency)
    for unit in WorkUnit.objects.filter(regency=regency, code__in=parsed, agency__isnull=True):
        result.unmapped[unit.code] = unit.name
    _finish(regency=regency, result=result, actor=actor, recompute=False)
    return result


PACKAGE_FIELDS = [
    "rup_code",
    "name",
    "work_unit_id",
    "agency_id",
    "budget_year",
    "pagu",
    "hps",
    "funding_source",
    "qualification",
    "procurement_type",
    "method",
    "evaluation_method",
    "contract_type",
    "status",
    "status_text",
    "version",
    "closed_note",
    "created_at",
    "announced_at",
    "finished_at",
    "location",
    "lpse_url",
    "supplier_code",
    "supplier_name",
    "bid_value",
    "corrected_value",
    "negotiated_value",
    "contract_value",
    "bidders",
]


def _write_packages(
    *, regency, kind: str, parsed: dict[str, dict], units: dict[str, WorkUnit], result
) -> None:
    existing = {
        p.code: p for p in Package.objects.filter(regency=regency, kind=kind, code__in=parsed)
    }
    new, changed, fields = [], [], set()
    for code, values in parsed.items():
        unit = units.get(values.pop("satker"))
        values["work_unit_id"] = unit.pk if unit else None
        values["agency_id"] = unit.agency_id if unit else None
        package = existing.get(code)
        if package is None:
            new.append(Package(regency=regency, kind=kind, code=code, **values))
            result.counts["created"] += 1
            continue
        diff = _apply(package, values)
        if not diff:
            result.counts["unchanged"] += 1
            continue
        fields.update(diff)
        changed.append(package)
        result.counts["updated"] += 1
    Package.objects.bulk_create(new, batch_size=BATCH)
    if changed:
        Package.objects.bulk_update(changed, sorted(fields | {"updated_at"}), batch_size=BATCH)


def _common(row: dict[str, str], report: Report) -> dict[str, Any]:
    """Columns shared by tender and non-tender exports (a ValueError on a bad number)."""
    values: dict[str, Any] = {}
    values["budget_year"] = parsing.year(row["tahun_anggaran"])
    values["pagu"] = parsing.amount(row["pagu"], required=True)
    values["hps"] = parsing.amount(row.get("hps", ""))
    values["status"] = parsing.status(
        row["status_tender"] if "status_tender" in row else row.get("status_nontender", "")
    )
    name = row["nama_paket"]
    if not name:
        report("nama_paket kosong")
    satker = row["kd_satker_str"]
    if not SATKER_CODE.match(satker):
        report(f"kd_satker_str tidak sah: {satker!r}")
    url = row.get("url_lpse", "")
    if url and not re.match(r"^https?://[^\s\"<>]{1,190}$", url):
        report(f"url_lpse tidak sah: {url!r}")
        url = ""
    for column in ("jenis_pengadaan", "mtd_pemilihan"):
        if not row.get(column):
            report(f"{column} kosong")
    values.update(
        {
            "satker": satker,
            "rup_code": row.get("kd_rup", "")[:20],
            "name": name[:500],
            "funding_source": row.get("sumber_dana", "")[:40],
            "qualification": row.get("kualifikasi_paket", "")[:40],
            "procurement_type": row.get("jenis_pengadaan", "")[:80],
            "method": row.get("mtd_pemilihan", "")[:60],
            "contract_type": row.get("kontrak_pembayaran", "")[:60],
            "location": row.get("lokasi_pekerjaan", "")[:500],
            "lpse_url": url,
        }
    )
    return values


TENDER_COLUMNS = ["tahun_anggaran", "kd_satker_str", "nama_satker", "kd_tender", "kd_rup"]
TENDER_COLUMNS += ["nama_paket", "pagu", "hps", "sumber_dana", "jenis_pengadaan"]
TENDER_COLUMNS += ["mtd_pemilihan", "status_tender", "tgl_pengumuman_tender", "url_lpse"]


@transaction.atomic
def import_tenders(*, regency, path: Path, actor=None) -> ProcurementImport:
    """Import SPSE tender/seleksi announcements (columns of ``*_tender_pengumuman.csv``;
    optional ``jumlah_peserta`` gives the number of bidders). Winner columns are kept."""
    zone = _zone(regency)
    satker_names: dict[str, str] = {}

    def parse(row: dict[str, str], report: Report) -> dict[str, Any]:
        values = _common(row, report)
        values["created_at"] = parsing.moment(row.get("tgl_buat_paket", ""), zone)
        values["announced_at"] = parsing.moment(row["tgl_pengumuman_tender"], zone)
        values["version"] = parsing.count(row.get("versi_tender", "")) or 1
        bidders = parsing.count(row.get("jumlah_peserta", ""))
        if bidders is not None:
            values["bidders"] = bidders
        values["evaluation_method"] = row.get("mtd_evaluasi", "")[:80]
        values["status_text"] = row["status_tender"][:40]
        values["closed_note"] = " ".join(
            filter(None, [row.get("ket_ditutup", ""), row.get("ket_diulang", "")])
        )
        satker_names[values["satker"]] = row["nama_satker"]
        return values

    parsed = _read(path, TENDER_COLUMNS, key="kd_tender", pattern=PACKAGE_CODE, parse=parse)
    result = ProcurementImport(source="tender", file_name=path.name)
    units = _units(regency, satker_names, result)
    _write_packages(
        regency=regency, kind=PackageKind.TENDER, parsed=parsed, units=units, result=result
    )
    _finish(regency=regency, result=result, actor=actor)
    return result


RESULT_COLUMNS = ["kd_tender", "nilai_penawaran", "nilai_terkoreksi", "nilai_negosiasi"]
RESULT_COLUMNS += ["nilai_kontrak", "tgl_penetapan_pemenang", "kd_penyedia", "nama_penyedia"]


@transaction.atomic
def import_tender_results(*, regency, path: Path, actor=None) -> ProcurementImport:
    """Import SPSE tender results (``*_tender_pemenang.csv``): winner, offer, corrected,
    negotiated and contract values, award date. Every ``kd_tender`` must already have been
    imported from the announcements; otherwise the whole file is refused."""
    packages = {p.code: p for p in Package.objects.filter(regency=regency, kind=PackageKind.TENDER)}

    def parse(row: dict[str, str], report: Report) -> dict[str, Any]:
        values: dict[str, Any] = {
            "bid_value": parsing.amount(row["nilai_penawaran"]),
            "corrected_value": parsing.amount(row["nilai_terkoreksi"]),
            "negotiated_value": parsing.amount(row["nilai_negosiasi"]),
            "contract_value": parsing.amount(row["nilai_kontrak"]),
            "awarded_on": parsing.day(row["tgl_penetapan_pemenang"]),
            "supplier_code": row["kd_penyedia"][:20],
            "supplier_name": row["nama_penyedia"][:255],
        }
        bidders = parsing.count(row.get("jumlah_peserta", ""))
        if bidders is not None:
            values["bidders"] = bidders
        return values

    parsed = _read(path, RESULT_COLUMNS, key="kd_tender", known=packages, parse=parse)
    result = ProcurementImport(source="pemenang", file_name=path.name)
    changed, fields = [], set()
    for code, values in parsed.items():
        package = packages[code]
        diff = _apply(package, values)
        if not diff:
            result.counts["unchanged"] += 1
            continue
        fields.update(diff)
        changed.append(package)
        result.counts["updated"] += 1
    if changed:
        Package.objects.bulk_update(changed, sorted(fields | {"updated_at"}), batch_size=BATCH)
    _finish(regency=regency, result=result, actor=actor)
    return result


NON_TENDER_COLUMNS = ["tahun_anggaran", "kd_satker_str", "nama_satker", "kd_nontender"]
NON_TENDER_COLUMNS += ["nama_paket", "pagu", "hps", "jenis_pengadaan", "mtd_pemilihan"]
NON_TENDER_COLUMNS += ["status_nontender", "tgl_pengumuman_nontender", "nama_penyedia"]


@transaction.atomic
def import_non_tenders(*, regency, path: Path, actor=None) -> ProcurementImport:
    """Import SPSE non-tender packages with their results (``*_nontender_selesai.csv``):
    Pengadaan Langsung / Penunjukan Langsung, values, provider, dates."""
    zone = _zone(regency)
    satker_names: dict[str, str] = {}

    def parse(row: dict[str, str], report: Report) -> dict[str, Any]:
        values = _common(row, report)
        values["announced_at"] = parsing.moment(row["tgl_pengumuman_nontender"], zone)
        values["finished_at"] = parsing.moment(row.get("tgl_selesai_nontender", ""), zone)
        values["bid_value"] = parsing.amount(row.get("nilai_penawaran", ""))
        values["corrected_value"] = parsing.amount(row.get("nilai_terkoreksi", ""))
        values["negotiated_value"] = parsing.amount(row.get("nilai_negosiasi", ""))
        values["contract_value"] = parsing.amount(row.get("nilai_kontrak", ""))
        values["status_text"] = row["status_nontender"][:40]
        values["supplier_code"] = row.get("kd_penyedia", "")[:20]
        values["supplier_name"] = row["nama_penyedia"][:255]
        satker_names[values["satker"]] = row["nama_satker"]
        return values

    columns = NON_TENDER_COLUMNS
    parsed = _read(path, columns, key="kd_nontender", pattern=PACKAGE_CODE, parse=parse)
    result = ProcurementImport(source="nontender", file_name=path.name)
    units = _units(regency, satker_names, result)
    _write_packages(
        regency=regency, kind=PackageKind.NON_TENDER, parsed=parsed, units=units, result=result
    )
    _finish(regency=regency, result=result, actor=actor)
    return result


SCHEDULE_COLUMNS = ["kd_tender", "no", "tahap", "mulai", "sampai"]


@transaction.atomic
def import_schedules(*, regency, path: Path, actor=None) -> ProcurementImport:
    """Import SPSE tender schedules (jadwal): one row per stage with ``kd_tender``, ``no``,
    ``tahap`` (the SPSE stage name), ``mulai`` and ``sampai`` (local LPSE time). A package's
    stages in the file replace its stored stages."""
    zone = _zone(regency)
    packages = {p.code: p for p in Package.objects.filter(regency=regency, kind=PackageKind.TENDER)}
    stages: dict[str, dict[int, dict[str, Any]]] = {}

    def parse(row: dict[str, str], report: Report) -> None:
        """Collects the row into ``stages`` (several rows per package, so nothing returned)."""
        position = parsing.count(row["no"])
        starts_at = parsing.moment(row["mulai"], zone)
        ends_at = parsing.moment(row["sampai"], zone)
        if position is None or not row["tahap"] or starts_at is None or ends_at is None:
            report("no, tahap, mulai dan sampai wajib diisi")
            return
        if ends_at < starts_at:
            report("sampai lebih awal daripada mulai")
        if position in stages.setdefault(row["kd_tender"], {}):
            report(f"tahap nomor {position} ganda")
        stages[row["kd_tender"]][position] = {
            "name": row["tahap"][:120],
            "starts_at": starts_at,
            "ends_at": ends_at,
        }

    _read(path, SCHEDULE_COLUMNS, key="kd_tender", known=packages, unique=False, parse=parse)
    result = ProcurementImport(source="jadwal", file_name=path.name)
    for code, by_position in stages.items():
        package = packages[code]
        old = {
            s.position: (s.name, s.starts_at, s.ends_at)
            for s in Stage.objects.filter(package=package)
        }
        new = {p: (v["name"], v["starts_at"], v["ends_at"]) for p, v in by_position.items()}
        if old == new:
            result.counts["unchanged"] += 1
            continue
        result.counts["updated" if old else "created"] += 1
        Stage.objects.filter(package=package).delete()
        Stage.objects.bulk_create(
            [Stage(package=package, position=p, **v) for p, v in sorted(by_position.items())]
        )
    _finish(regency=regency, result=result, actor=actor)
    return result


PLAN_COLUMNS = ["kode_rup", "nama_paket", "satuan_kerja", "tahun_anggaran", "total_pagu"]
PLAN_COLUMNS += ["metode_pemilihan"]


@transaction.atomic
def import_plans(*, regency, path: Path, actor=None) -> ProcurementImport:
    """Import SiRUP plan items (kode_rup, nama_paket, satuan_kerja, tahun_anggaran,
    total_pagu, metode_pemilihan; optional kd_satker_str, sumber_dana). A satker is matched
    by ``kd_satker_str`` when given, else by name."""
    units = {u.code: u for u in WorkUnit.objects.filter(regency=regency)}
    by_name = {_normal(u.name): u for u in units.values()}
    result = ProcurementImport(source="rup", file_name=path.name)

    def parse(row: dict[str, str], report: Report) -> dict[str, Any]:
        budget_year = parsing.year(row["tahun_anggaran"])
        pagu = parsing.amount(row["total_pagu"], required=True)
        if not row["nama_paket"]:
            report("nama_paket kosong")
        unit = units.get(row.get("kd_satker_str", "")) or by_name.get(_normal(row["satuan_kerja"]))
        if unit is None or unit.agency_id is None:
            result.unmapped[row.get("kd_satker_str") or row["satuan_kerja"]] = row["satuan_kerja"]
        return {
            "name": row["nama_paket"][:500],
            "work_unit": unit,
            "budget_year": budget_year,
            "pagu": pagu,
            "method": row["metode_pemilihan"][:60],
            "funding_source": row.get("sumber_dana", "")[:40],
        }

    parsed = _read(path, PLAN_COLUMNS, key="kode_rup", pattern=PACKAGE_CODE, parse=parse)

    for code, values in parsed.items():
        _obj, outcome = upsert(Plan, {"regency": regency, "rup_code": code}, values)
        result.counts[outcome] += 1
    _finish(regency=regency, result=result, actor=actor, recompute=False)
    return result
