"""Importing the 56 perangkat daerah and provisioning their sub-sites."""

import shutil

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Site

from pendopo.agencies.models import Agency, AgencyKind, AgencyPage
from pendopo.agencies.services import DATA_DIR, import_agencies
from pendopo.core.csvimport import ImportFailed


@pytest.mark.django_db
def test_all_56_agencies_are_imported_by_kind():
    counts = {kind: Agency.objects.filter(kind=kind).count() for kind in AgencyKind.values}

    assert Agency.objects.count() == 56
    assert counts == {
        "sekretariat": 2,
        "inspektorat": 1,
        "badan": 6,
        "dinas": 19,
        "satpol_pp": 1,
        "rsud": 2,
        "kecamatan": 25,
    }


@pytest.mark.django_db
def test_every_agency_has_a_live_sub_site_with_its_lists():
    assert AgencyPage.objects.live().count() == 56
    dinkes = AgencyPage.objects.get(agency__slug="dinkes")

    assert dinkes.url_path.endswith("/perangkat-daerah/dinkes/")
    assert sorted(dinkes.get_children().values_list("slug", flat=True)) == [
        "agenda",
        "berita",
        "layanan",
        "pengumuman",
    ]


@pytest.mark.django_db
def test_kecamatan_offices_are_linked_to_their_kecamatan():
    office = Agency.objects.get(name="Kecamatan Glenmore")

    assert office.district.code == "35.10.10"
    assert office.email == "kec_glenmore@banyuwangikab.go.id"


@pytest.mark.django_db
def test_rsud_have_the_health_office_as_parent():
    assert Agency.objects.get(name="RSUD Genteng").parent.name == "Dinas Kesehatan"


@pytest.mark.django_db
def test_an_agency_with_a_subdomain_gets_its_own_host():
    site = Site.objects.get(hostname="dinkes.localhost")

    assert site.root_page.specific.agency.slug == "dinkes"
    no_subdomain = Agency.objects.get(name="Dinas Kebudayaan dan Pariwisata")
    assert no_subdomain.hostname == ""
    assert not Site.objects.filter(root_page=no_subdomain.page).exists()


@pytest.mark.django_db
def test_rerunning_changes_and_duplicates_nothing():
    before = (Agency.objects.count(), AgencyPage.objects.count(), Group.objects.count())

    report = import_agencies(regency_code="35.10")

    after = (Agency.objects.count(), AgencyPage.objects.count(), Group.objects.count())
    assert after == before
    assert report.counts[("perangkat daerah", "unchanged")] == 56
    assert report.counts[("sub-situs", "unchanged")] == 56


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Dinas Baru,,lembaga,,,,,,,,,A,", "jenis tidak dikenal: 'lembaga'"),
        ("Puskesmas Baru,,rsud,Dinas Tidak Ada,,,,,,,,A,", "induk tidak ada di berkas"),
        ("Kecamatan Fiktif,,kecamatan,,fiktif,,,,,,35.10.99,A,", "kecamatan tidak ada: '35.10.99'"),
        (",,dinas,,,,,,,,,A,", "nama kosong"),
    ],
)
def test_a_bad_row_names_file_and_line_and_writes_nothing(tmp_path, row, message):
    path = tmp_path / "perangkat_daerah_35.10.csv"
    shutil.copy(DATA_DIR / "perangkat_daerah_35.10.csv", path)
    text = path.read_text(encoding="utf-8").rstrip("\n")
    line = len(text.splitlines()) + 1
    path.write_text(text + "\n" + row + "\n", encoding="utf-8")
    Agency.objects.filter(slug="dinkes").update(phone="0333-000")

    with pytest.raises(ImportFailed) as failure:
        import_agencies(regency_code="35.10", path=path)

    assert f"perangkat_daerah_35.10.csv, baris {line}: {message}" in str(failure.value)
    assert Agency.objects.count() == 56
    assert Agency.objects.get(slug="dinkes").phone == "0333-000"


@pytest.mark.django_db
def test_the_command_turns_a_bad_file_into_a_clear_error(tmp_path):
    path = tmp_path / "opd.csv"
    path.write_text("nama,jenis\nDinas X,dinas\n", encoding="utf-8")

    with pytest.raises(CommandError, match="kolom wajib tidak ada"):
        call_command("load_agencies", file=path)
