"""Imports of SPSE/SiRUP files: real files complete, row errors with line numbers, all or
nothing per file, idempotent re-import, satker mapped to agencies with the unmapped reported."""

import csv
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pendopo.core.csvimport import ImportFailed
from pendopo.core.models import Event
from pendopo.procurement import services
from pendopo.procurement.demo import BANDUNG, FILES, load_bandung
from pendopo.procurement.models import ImportRun, Package, PackageKind, Plan, Stage, WorkUnit
from pendopo.procurement.tests.helpers import banyuwangi, make_package

DATA = services.DATA_DIR
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def _rows(name):
    with (DATA / name).open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def _write(path: Path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.django_db
def test_the_real_bandung_files_import_completely_and_idempotently():
    from pendopo.regions.models import Regency

    lines = load_bandung(port=80)

    regency = Regency.objects.get(code=BANDUNG)
    packages = Package.objects.filter(regency=regency)
    assert packages.filter(kind=PackageKind.TENDER).count() == 92
    assert packages.filter(kind=PackageKind.NON_TENDER).count() == 1868
    assert packages.filter(kind=PackageKind.TENDER).exclude(awarded_on=None).count() == 77
    assert WorkUnit.objects.filter(regency=regency).count() == 166  # 165 + PDAM from a row
    # Every package but PDAM Tirta Raharja's maps to an agency of Kabupaten Bandung.
    assert list(packages.filter(agency=None).values_list("work_unit__code", flat=True)) == ["01"]
    assert any("01 PDAM Tirta Raharja" in line for line in lines)
    puskesmas = WorkUnit.objects.get(regency=regency, name="PUSKESMAS ARJASARI")
    assert puskesmas.agency.name == "Dinas Kesehatan"
    assert puskesmas.agency.regency == regency
    first = Package.objects.get(kind=PackageKind.TENDER, code="10011868000")
    assert first.hps == Decimal("999995334.78")
    assert first.supplier_name == "PT. ALMA REKA GRAHA"
    assert first.contract_value == Decimal("921692940.00")

    runs = ImportRun.objects.count()
    again = load_bandung(port=80)

    assert Package.objects.filter(regency=regency).count() == 1960
    assert any("tetap 1868" in line for line in again)
    assert not any("baru 1" in line for line in again if "pengadaan_contoh" in line)
    assert ImportRun.objects.count() == runs + 4
    assert Event.objects.filter(kind="procurement_imported").count() == runs + 4


@pytest.mark.django_db
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not beside this checkout")
def test_shipped_files_are_the_shared_files():
    for name in FILES.values():
        assert (DATA / name).read_bytes() == (SHARED / name).read_bytes(), name


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["9" * 100_000, "1e1000000", "-1", "NaN"])
def test_an_absurd_amount_refuses_the_whole_file_with_its_line(tmp_path, bad):
    header, rows = _rows(FILES["tender"])
    rows = rows[:5]
    rows[3]["pagu"] = bad
    path = _write(tmp_path / "tender.csv", header, rows)

    with pytest.raises(ImportFailed) as failure:
        services.import_tenders(regency=banyuwangi(), path=path)

    assert [(e.line, e.file) for e in failure.value.errors] == [(5, "tender.csv")]
    assert "pagu" in str(failure.value) or "rupiah" in str(failure.value)
    assert not Package.objects.exists()
    assert not WorkUnit.objects.exists()


@pytest.mark.django_db
def test_every_bad_row_is_reported_and_nothing_is_written(tmp_path):
    header, rows = _rows(FILES["nontender"])
    rows = rows[:10]
    rows[1]["tahun_anggaran"] = "20x5"
    rows[4]["status_nontender"] = "Entah"
    rows[6]["kd_nontender"] = rows[5]["kd_nontender"]
    rows[8]["tgl_pengumuman_nontender"] = "kemarin"
    rows[9]["status_nontender"] = ""
    path = _write(tmp_path / "nt.csv", header, rows)

    with pytest.raises(ImportFailed) as failure:
        services.import_non_tenders(regency=banyuwangi(), path=path)

    assert sorted(e.line for e in failure.value.errors) == [3, 6, 8, 10, 11]
    assert "status tidak dikenal: ''" in str(failure.value)
    assert Package.objects.count() == 0


@pytest.mark.django_db
def test_results_for_a_tender_not_imported_are_refused(tmp_path):
    header, rows = _rows(FILES["pemenang"])
    path = _write(tmp_path / "pemenang.csv", header, rows[:2])

    with pytest.raises(ImportFailed) as failure:
        services.import_tender_results(regency=banyuwangi(), path=path)

    assert "belum diimpor" in str(failure.value)


@pytest.mark.django_db
def test_reimport_updates_a_changed_package_instead_of_duplicating(tmp_path):
    header, rows = _rows(FILES["tender"])
    path = _write(tmp_path / "tender.csv", header, rows[:3])
    services.import_tenders(regency=banyuwangi(), path=path)
    rows[1]["status_tender"] = "Gagal/Batal"
    rows[1]["hps"] = "123.45"
    _write(path, header, rows[:3])

    result = services.import_tenders(regency=banyuwangi(), path=path)

    assert result.counts == {"updated": 1, "unchanged": 2}
    assert Package.objects.count() == 3
    package = Package.objects.get(code=rows[1]["kd_tender"])
    assert package.status == "gagal" and package.hps == Decimal("123.45")


@pytest.mark.django_db
def test_json_in_the_same_shape_imports_with_exact_amounts(tmp_path):
    header, rows = _rows(FILES["tender"])
    data = [dict(row) for row in rows[:2]]
    data[0]["pagu"] = 1500000000
    data[0]["hps"] = 1499321187.61
    data[1]["jumlah_peserta"] = 1
    path = tmp_path / "tender.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    services.import_tenders(regency=banyuwangi(), path=path)

    first = Package.objects.get(code=rows[0]["kd_tender"])
    assert first.pagu == Decimal("1500000000.00") and first.hps == Decimal("1499321187.61")
    assert Package.objects.get(code=rows[1]["kd_tender"]).bidders == 1


@pytest.mark.django_db
def test_bad_json_is_refused_with_its_record_number(tmp_path):
    header, rows = _rows(FILES["tender"])
    data = [dict(row) for row in rows[:3]]
    data[2]["pagu"] = "1e1000000"
    path = tmp_path / "tender.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(ImportFailed) as failure:
        services.import_tenders(regency=banyuwangi(), path=path)

    assert [e.line for e in failure.value.errors] == [3]
    (tmp_path / "x.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ImportFailed):
        services.import_tenders(regency=banyuwangi(), path=tmp_path / "x.json")


@pytest.mark.django_db
def test_satker_map_to_their_agency_or_their_parent_units_agency(tmp_path):
    from pendopo.agencies.models import Agency

    dinkes = Agency.objects.get(regency=banyuwangi(), name="Dinas Kesehatan")
    path = _write(
        tmp_path / "satker.csv",
        ["kd_satker", "kd_satker_str", "nama_satker"],
        [
            {
                "kd_satker": "1",
                "kd_satker_str": "1.02.0.00.0.00.02.0000",
                "nama_satker": "DINAS KESEHATAN",
            },
            {
                "kd_satker": "2",
                "kd_satker_str": "1.02.0.00.0.00.02.0001",
                "nama_satker": "PUSKESMAS SEMPU",
            },
            {
                "kd_satker": "3",
                "kd_satker_str": "9.99.0.00.0.00.99.0000",
                "nama_satker": "BADAN ENTAH",
            },
        ],
    )

    result = services.import_work_units(regency=banyuwangi(), path=path)

    units = {u.code: u.agency for u in WorkUnit.objects.all()}
    assert units["1.02.0.00.0.00.02.0000"] == dinkes
    assert units["1.02.0.00.0.00.02.0001"] == dinkes
    assert units["9.99.0.00.0.00.99.0000"] is None
    assert result.unmapped == {"9.99.0.00.0.00.99.0000": "BADAN ENTAH"}


@pytest.mark.django_db
def test_schedules_replace_a_packages_stages(tmp_path):
    package = make_package(code="10011868000")
    header = ["kd_tender", "no", "tahap", "mulai", "sampai"]
    rows = [
        {
            "kd_tender": "10011868000",
            "no": "1",
            "tahap": "Pengumuman Pascakualifikasi",
            "mulai": "2025-03-03 10:00",
            "sampai": "2025-03-10 23:59",
        },
        {
            "kd_tender": "10011868000",
            "no": "4",
            "tahap": "Upload Dokumen Penawaran",
            "mulai": "2025-03-03 10:00",
            "sampai": "2025-03-12 10:00",
        },
    ]
    path = _write(tmp_path / "jadwal.csv", header, rows)

    services.import_schedules(regency=banyuwangi(), path=path)
    again = services.import_schedules(regency=banyuwangi(), path=path)

    assert [s.name for s in Stage.objects.filter(package=package)] == [
        "Pengumuman Pascakualifikasi",
        "Upload Dokumen Penawaran",
    ]
    assert again.counts == {"unchanged": 1}
    rows[1]["sampai"] = "2025-03-01 10:00"
    _write(path, header, rows)
    with pytest.raises(ImportFailed, match="lebih awal"):
        services.import_schedules(regency=banyuwangi(), path=path)


@pytest.mark.django_db
def test_sirup_plans_import_and_reimport(tmp_path):
    header = [
        "kode_rup",
        "nama_paket",
        "satuan_kerja",
        "tahun_anggaran",
        "total_pagu",
        "metode_pemilihan",
        "sumber_dana",
    ]
    rows = [
        {
            "kode_rup": "55965678",
            "nama_paket": "Penyusunan RDTR",
            "satuan_kerja": "X",
            "tahun_anggaran": "2025",
            "total_pagu": "1000000000",
            "metode_pemilihan": "Seleksi",
            "sumber_dana": "APBD",
        }
    ]
    path = _write(tmp_path / "rup.csv", header, rows)

    first = services.import_plans(regency=banyuwangi(), path=path)
    second = services.import_plans(regency=banyuwangi(), path=path)

    assert first.counts == {"created": 1} and second.counts == {"unchanged": 1}
    assert Plan.objects.get().pagu == Decimal("1000000000.00")
    assert first.unmapped == {"X": "X"}


@pytest.mark.django_db
def test_the_command_reports_errors_without_a_traceback(tmp_path):
    header, rows = _rows(FILES["tender"])
    rows = rows[:2]
    rows[0]["pagu"] = "1e1000000"
    path = _write(tmp_path / "t.csv", header, rows)

    with pytest.raises(CommandError, match="baris 2"):
        call_command("import_procurement", "tender", str(path), "--regency", "35.10")
    with pytest.raises(CommandError, match="belum diimpor"):
        call_command("import_procurement", "tender", str(path), "--regency", "99.99")


@pytest.mark.django_db
def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ImportFailed, match="tidak ditemukan"):
        services.import_tenders(regency=banyuwangi(), path=tmp_path / "nope.csv")
    shutil.rmtree(tmp_path)


@pytest.mark.django_db
def test_the_benchmark_command_runs_and_rolls_back():
    from io import StringIO

    out = StringIO()
    call_command("benchmark_procurement", "--packages", "30", "--regency", "35.10", stdout=out)

    assert "30 paket: baru 30" in out.getvalue()
    assert not Package.objects.exists()
