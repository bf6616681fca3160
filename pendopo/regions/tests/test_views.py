"""The kecamatan pages citizens see at /profil/wilayah/."""

import re

import pytest

from pendopo.regions.models import Village


@pytest.mark.django_db
def test_the_list_shows_all_25_kecamatan_with_counts(client):
    response = client.get("/profil/wilayah/")

    html = response.content.decode()
    assert response.status_code == 200
    rows = re.findall(r"<tr><td class=\"code\">35\.10\.\d\d</td>", html)
    assert len(rows) == 25
    # Kecamatan Banyuwangi: 0 desa, 18 kelurahan, 18 in all
    assert re.search(
        r'>Banyuwangi</a></th><td class="num">0</td><td class="num">18</td>'
        r'<td class="num">18</td>',
        html,
    )


@pytest.mark.django_db
def test_a_kecamatan_page_lists_its_villages_marked_desa_or_kelurahan(client):
    response = client.get("/profil/wilayah/glagah/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Kecamatan Glagah</h1>" in html
    assert html.count('class="badge badge-kelurahan"') == 2
    villages = Village.objects.filter(district__slug="glagah", district__regency__code="35.10")
    assert html.count("<tr><td>35.10.") == villages.count()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Karangrejo", "Watukebo", "Tamansari"])
def test_a_village_name_that_occurs_twice_is_shown_with_its_kecamatan(client, name):
    villages = Village.objects.filter(name=name, district__regency__code="35.10")
    assert villages.count() == 2

    for village in villages.select_related("district"):
        response = client.get(f"/profil/wilayah/{village.district.slug}/")

        assert f"{name}, Kec. {village.district.name}" in response.content.decode()


@pytest.mark.django_db
def test_a_unique_village_name_is_shown_alone(client):
    village = Village.objects.get(code="35.10.10.2001")

    assert village.label == village.name


@pytest.mark.django_db
def test_the_older_spelling_is_shown_beside_the_2025_name(client):
    response = client.get("/profil/wilayah/genteng/")

    assert "Genteng Wetan" in response.content.decode()
    assert "ejaan lama</span>" not in response.content.decode()
    assert "Gentengwetan" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["tidak-ada", "x" * 300, "glenmore%00"])
def test_an_unknown_kecamatan_is_a_404_in_indonesian(client, slug):
    response = client.get(f"/profil/wilayah/{slug}/")

    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


@pytest.mark.django_db
def test_the_geography_page_shows_the_official_figures(client):
    response = client.get("/profil/geografi/")

    html = response.content.decode()
    assert "1.791.789" in html
    assert "3.593,849 km²" in html
    assert "25 kecamatan, 189 desa, 28 kelurahan" in html
