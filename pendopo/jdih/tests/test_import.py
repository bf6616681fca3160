"""The import of the real sample (../shared/data/regulasi_daerah_contoh.csv, shipped in
pendopo/jdih/data/) and of broken files."""

from pathlib import Path

import pytest

from pendopo.core.csvimport import ImportFailed
from pendopo.jdih import services
from pendopo.jdih.demo import SAMPLE_CSV
from pendopo.jdih.models import JdihIndexPage, LegalDocumentPage, LegalDocumentRelation
from pendopo.jdih.states import LegalStatus

pytestmark = pytest.mark.django_db

SHARED = Path(__file__).resolve().parents[4] / "shared" / "data" / "regulasi_daerah_contoh.csv"
HEADER = (
    "daerah,jenis,singkatan_jenis,nomor,tahun,judul,tanggal_penetapan,hubungan_status,"
    "judul_dari_naskah,sumber,catatan\n"
)


@pytest.fixture
def index():
    return JdihIndexPage.objects.get(url_path__endswith="/jdih/", depth=3)


def _doc(abbr, number, year):
    return LegalDocumentPage.objects.get(document_type__abbreviation=abbr, number=number, year=year)


def test_shipped_copy_is_the_shared_sample():
    if SHARED.exists():
        assert SAMPLE_CSV.read_bytes() == SHARED.read_bytes()


def test_real_sample_yields_the_23_banyuwangi_documents():
    assert (
        LegalDocumentPage.objects.filter(teu="Indonesia. Kabupaten Banyuwangi")
        .filter(slug__regex=r"^(perda|perbup)-")
        .count()
        == 23
    )
    assert not LegalDocumentPage.objects.filter(title="Tata Cara Pergeseran Anggaran").exists()


def test_real_sample_yields_the_stated_chains():
    assert _doc("Perda", "14", 2011).status == LegalStatus.DIUBAH
    sources = LegalDocumentRelation.objects.filter(target=_doc("Perda", "14", 2011))
    assert {r.source.short_citation for r in sources} == {"Perda 6/2016", "Perda 1/2022"}
    # "diganti dengan Perda 12/2015": a replaced regulation is not in force
    assert _doc("Perda", "4", 2007).status == LegalStatus.DICABUT
    assert _doc("Perda", "8", 2016).status == LegalStatus.DIUBAH
    assert _doc("Perbup", "49", 2016).status == LegalStatus.DIUBAH
    assert _doc("Perbup", "59", 2021).status == LegalStatus.DIUBAH
    # plans ("direncanakan diubah") are not relations
    assert _doc("Perda", "2", 2016).status == LegalStatus.BERLAKU
    assert _doc("Perbup", "19", 2012).enacted_on.isoformat() == "2012-06-25"


def test_reimporting_changes_nothing_and_reports_the_other_region(index):
    before = LegalDocumentRelation.objects.count()

    result = services.import_legal_documents(path=SAMPLE_CSV, index=index)

    assert (result.created, result.updated, result.unchanged) == (0, 0, 23)
    assert result.relations_added == 0
    assert LegalDocumentRelation.objects.count() == before
    assert len(result.skipped) == 1
    assert "baris 25" in result.skipped[0] and "Probolinggo" in result.skipped[0]


def test_one_bad_row_writes_nothing_and_names_every_bad_line(tmp_path, index):
    path = tmp_path / "regulasi.csv"
    path.write_text(
        HEADER
        + "Kabupaten Banyuwangi,Peraturan Daerah,Perda,77,2023,Judul Baik,,,ya,,\n"
        + "Kabupaten Banyuwangi,Peraturan Daerah,Perda,78,20x3,Judul,,,ya,,\n"
        + "Kabupaten Banyuwangi,Peraturan Entah,Pxx,79,2023,Judul,2023-13-01,,ya,,\n",
        encoding="utf-8",
    )

    with pytest.raises(ImportFailed) as failed:
        services.import_legal_documents(path=path, index=index)

    lines = {error.line for error in failed.value.errors}
    assert lines == {3, 4}
    assert not LegalDocumentPage.objects.filter(number="77", year=2023).exists()


def test_references_to_missing_documents_are_reported_not_invented(tmp_path, index):
    path = tmp_path / "regulasi.csv"
    path.write_text(
        HEADER + "Kabupaten Banyuwangi,Peraturan Daerah,Perda,31,2023,Perubahan Uji,,"
        "mengubah Perda 99/2001,ya,,\n",
        encoding="utf-8",
    )

    result = services.import_legal_documents(path=path, index=index)

    assert result.created == 1
    assert result.relations_added == 0
    assert "Perda 99/2001" in result.unresolved[0] and "baris 2" in result.unresolved[0]


def test_relation_phrases_are_read_both_ways():
    from pendopo.jdih.models import DocumentType

    by_abbr = {t.abbreviation.lower(): t for t in DocumentType.objects.all()}

    kind, cited_is_source, refs = services.parse_relation_phrase(
        "diubah oleh Perda 6/2016 dan Perda 1/2022", by_abbr
    )
    assert (kind, cited_is_source) == ("mengubah", True)
    assert [(r[1], r[2]) for r in refs] == [("6", 2016), ("1", 2022)]
    kind, cited_is_source, _refs = services.parse_relation_phrase(
        "menggantikan Perda 4/2007", by_abbr
    )
    assert (kind, cited_is_source) == ("mencabut", False)
    assert services.parse_relation_phrase("direncanakan diubah (Propemperda 2025)", by_abbr) is None
