"""Service standards (UU 25/2009 Pasal 21): 14 components, lists, complaint link, publishing."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from pendopo.services.components import COMPONENT_FIELDS, COMPONENTS, DELIVERY, MANAGEMENT
from pendopo.services.models import ServiceStandardIndexPage, ServiceStandardPage
from pendopo.services.rules import IncompleteStandardError, missing_parts
from pendopo.services.selectors import live_standard

PASAL_21 = {
    "Dasar hukum",
    "Persyaratan",
    "Sistem, mekanisme dan prosedur",
    "Jangka waktu penyelesaian",
    "Biaya/tarif",
    "Produk pelayanan",
    "Sarana, prasarana dan/atau fasilitas",
    "Kompetensi pelaksana",
    "Pengawasan internal",
    "Penanganan pengaduan, saran dan masukan",
    "Jumlah pelaksana",
    "Jaminan pelayanan",
    "Jaminan keamanan dan keselamatan pelayanan",
    "Evaluasi kinerja pelaksana",
}


def test_a_standard_has_exactly_the_14_components_of_pasal_21_split_6_and_8():
    labels = {str(label) for _name, label, _group in COMPONENTS}
    groups = [group for _name, _label, group in COMPONENTS]

    assert labels == PASAL_21
    assert len(COMPONENTS) == 14
    assert groups.count(DELIVERY) == 6
    assert groups.count(MANAGEMENT) == 8
    for name in COMPONENT_FIELDS:
        assert ServiceStandardPage._meta.get_field(name)


def test_every_empty_part_is_named_and_rich_text_without_words_counts_as_empty():
    values = dict.fromkeys(COMPONENT_FIELDS, "<p>isi</p>")
    values.update(maklumat="<p>Sanggup</p>", decree_number="1", decree_date=datetime.date.today())
    assert missing_parts(values) == []

    values.update(fee="<p>&nbsp;</p>", product="", decree_date=None)

    assert missing_parts(values) == ["Biaya/tarif", "Produk pelayanan", "tanggal keputusan"]


@pytest.mark.django_db
def test_layanan_lists_every_agency_s_standards_and_an_agency_lists_only_its_own(client):
    regency = client.get("/layanan/").content.decode()
    agency = client.get("/perangkat-daerah/dinkes/layanan/").content.decode()

    assert "Penerbitan Akta Kelahiran" in regency
    assert "Penerbitan Surat Keterangan Sehat" in regency
    assert "Penerbitan Surat Keterangan Sehat" in agency
    assert "Penerbitan Akta Kelahiran" not in agency


@pytest.mark.django_db
def test_a_standard_page_shows_all_components_the_maklumat_decree_and_complaint_link(client):
    page = ServiceStandardPage.objects.get(slug="akta-kelahiran")

    response = client.get("/perangkat-daerah/dispendukcapil/layanan/akta-kelahiran/")

    html = response.content.decode()
    assert response.status_code == 200
    for label in PASAL_21:
        assert f">{label}</dt>" in html
    assert "Maklumat pelayanan" in html
    assert "188/001/KEP/429.106/2025" in html
    assert f'href="/pengaduan/?layanan={page.pk}&amp;opd=dispendukcapil"' in html
    assert '"@type":"GovernmentService"' in html
    assert live_standard(str(page.pk)) == page
    assert live_standard("bukan-angka") is None


def _admin(db):
    user = get_user_model().objects.create_superuser("uji.layanan", "l@example.invalid", "x")
    return user


def _form(**changes) -> dict:
    data = {name: rich_text("<p>Isi komponen.</p>") for name in COMPONENT_FIELDS}
    data.update(
        title="Legalisir dokumen kependudukan",
        slug="legalisir",
        agency="",
        summary="Legalisir salinan dokumen.",
        maklumat=rich_text("<p>Kami sanggup.</p>"),
        decree_number="188/099/KEP/2025",
        decree_date="2025-01-02",
        comments=inline_formset([]),
    )
    data.update(changes)
    return nested_form_data(data)


def _add_url() -> str:
    index = ServiceStandardIndexPage.objects.get(url_path__endswith="/dispendukcapil/layanan/")
    return reverse("wagtailadmin_pages:add", args=["services", "servicestandardpage", index.pk])


@pytest.mark.django_db
def test_publishing_is_refused_while_a_component_is_empty_and_the_draft_is_kept(client, db):
    client.force_login(_admin(db))

    response = client.post(_add_url(), {**_form(fee=rich_text("")), "action-publish": "1"})
    draft = client.post(_add_url(), _form(fee=rich_text("")))

    assert response.status_code == 200
    assert "komponen berikut masih kosong" in response.content.decode()
    assert "Biaya/tarif" in response.content.decode()
    assert draft.status_code == 302
    saved = ServiceStandardPage.objects.get(slug="legalisir")
    assert not saved.live


@pytest.mark.django_db
def test_a_complete_standard_is_published(client, db):
    client.force_login(_admin(db))

    response = client.post(_add_url(), {**_form(), "action-publish": "1"})

    assert response.status_code == 302
    assert ServiceStandardPage.objects.get(slug="legalisir").live


@pytest.mark.django_db
def test_publishing_an_incomplete_draft_outside_the_form_is_refused(client, db):
    client.force_login(_admin(db))
    client.post(_add_url(), _form(product=rich_text("")))
    page = ServiceStandardPage.objects.get(slug="legalisir")

    with pytest.raises(IncompleteStandardError) as refused:
        page.latest_revision.publish()
    bulk = client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    )

    page.refresh_from_db()
    assert "Produk pelayanan" in str(refused.value)
    assert bulk.status_code == 302
    assert not page.live
