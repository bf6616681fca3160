"""Importing Kemendagri regions: real counts, idempotency, and all-or-nothing on bad rows."""

import csv
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pendopo.core.csvimport import ImportFailed
from pendopo.regions.models import District, Province, Regency, Village, VillageKind
from pendopo.regions.services import DATA_DIR, import_regions

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data"


@pytest.mark.django_db
def test_real_files_give_the_expected_counts():
    assert Province.objects.count() == 38
    assert Regency.objects.count() == 514
    banyuwangi = Regency.objects.get(code="35.10")
    assert banyuwangi.name == "Kabupaten Banyuwangi"
    assert District.objects.filter(regency=banyuwangi).count() == 25
    villages = Village.objects.filter(district__regency=banyuwangi)
    assert villages.count() == 217
    assert villages.filter(kind=VillageKind.DESA).count() == 189
    assert villages.filter(kind=VillageKind.KELURAHAN).count() == 28


@pytest.mark.django_db
def test_banyuwangi_figures_match_the_source():
    banyuwangi = Regency.objects.get(code="35.10")

    assert str(banyuwangi.area_km2) == "3593.849"
    assert banyuwangi.population_total == 1_791_789
    assert banyuwangi.population_male == 894_056
    assert banyuwangi.population_female == 897_733


@pytest.mark.django_db
def test_kelurahan_are_where_the_source_says():
    counts = {
        name: Village.objects.filter(
            district__name=name, district__regency__code="35.10", kind=VillageKind.KELURAHAN
        ).count()
        for name in ["Banyuwangi", "Giri", "Kalipuro", "Glagah"]
    }

    assert counts == {"Banyuwangi": 18, "Giri": 4, "Kalipuro": 4, "Glagah": 2}


@pytest.mark.django_db
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not beside this checkout")
def test_shipped_villages_are_identical_to_the_shared_list():
    with (SHARED / "banyuwangi_desa_kelurahan.csv").open(encoding="utf-8") as f:
        shared = {
            (r["kode"], r["nama"], r["jenis"], r["kode_kecamatan"]) for r in csv.DictReader(f)
        }

    ours = set(
        Village.objects.filter(district__regency__code="35.10").values_list(
            "code", "name", "kind", "district__code"
        )
    )

    assert ours == shared


@pytest.mark.django_db
def test_rerunning_the_import_changes_nothing():
    before = {m: m.objects.count() for m in (Province, Regency, District, Village)}

    report = import_regions()

    assert {m: m.objects.count() for m in before} == before
    assert report.counts[("provinsi", "unchanged")] == 38
    assert report.counts[("kabupaten/kota", "unchanged")] == 514
    assert sum(n for (label, outcome), n in report.counts.items() if outcome != "unchanged") == 0


@pytest.mark.django_db
def test_the_command_prints_the_counts(capsys):
    call_command("load_regions")

    out = capsys.readouterr().out
    assert "provinsi: 38" in out
    assert "kabupaten/kota: 514" in out
    # Banyuwangi (35.10: 25 kecamatan, 189 desa, 28 kelurahan) and Kabupaten Bandung
    # (32.04: 31, 270, 10), shipped for the procurement demo's second regency site.
    assert "kecamatan: 56" in out
    assert "desa: 459" in out
    assert "kelurahan: 38" in out


@pytest.mark.django_db
def test_kabupaten_bandung_is_shipped_for_the_second_regency_site():
    bandung = Regency.objects.get(code="32.04")

    assert District.objects.filter(regency=bandung).count() == 31
    villages = Village.objects.filter(district__regency=bandung)
    assert villages.filter(kind=VillageKind.DESA).count() == 270
    assert villages.filter(kind=VillageKind.KELURAHAN).count() == 10


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + line + "\n", encoding="utf-8")
    return len(text.rstrip("\n").splitlines()) + 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "message"),
    [
        (",Desa Tanpa Kode,4,desa,35.10.10", "kode kosong"),
        ("35.10.99.2001,Desa Yatim,4,desa,35.10.99", "kode induk tidak ada: '35.10.99'"),
        ("35.10.10.2099,Desa Aneh,4,dusun,35.10.10", "jenis tidak dikenal: 'dusun'"),
    ],
)
def test_a_bad_row_stops_the_import_naming_file_and_line(tmp_path, row, message):
    data = _copy_data(tmp_path)
    line = _append(data / "kecamatan_desa_35.10.csv", row)
    Village.objects.filter(code="35.10.10.2001").update(name="Nama Sementara")

    with pytest.raises(ImportFailed) as failure:
        import_regions(data_dir=data)

    assert f"kecamatan_desa_35.10.csv, baris {line}: {message}" in str(failure.value)
    # nothing written: the village renamed above was not restored by the failed import
    assert Village.objects.get(code="35.10.10.2001").name == "Nama Sementara"
    assert not Village.objects.filter(code__in=["35.10.99.2001", "35.10.10.2099"]).exists()


@pytest.mark.django_db
def test_a_regency_with_an_unknown_province_is_refused(tmp_path):
    data = _copy_data(tmp_path)
    line = _append(data / "kabupaten_kota.csv", "99.01,99,Kabupaten Contoh,kabupaten,,,,")

    with pytest.raises(ImportFailed) as failure:
        import_regions(data_dir=data)

    assert f"kabupaten_kota.csv, baris {line}: provinsi induk tidak ada: '99'" in str(failure.value)
    assert not Regency.objects.filter(code="99.01").exists()


@pytest.mark.django_db
def test_the_command_reports_a_bad_file_as_an_error_not_a_traceback(tmp_path):
    data = _copy_data(tmp_path)
    _append(data / "provinsi.csv", "1X,Provinsi Salah,,,,")

    with pytest.raises(CommandError, match="provinsi.csv, baris 40: kode provinsi tidak sah"):
        call_command("load_regions", data_dir=data)


@pytest.mark.django_db
def test_a_missing_column_is_reported(tmp_path):
    data = _copy_data(tmp_path)
    (data / "provinsi.csv").write_text("kode,name\n11,Aceh\n", encoding="utf-8")

    with pytest.raises(ImportFailed, match="kolom wajib tidak ada: nama"):
        import_regions(data_dir=data)
