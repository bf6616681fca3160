"""Search of the library: Indonesian stemming on PostgreSQL, place names kept literal."""

import pytest
from django.db import connection

from pendopo.jdih.models import DocumentType, JdihIndexPage
from pendopo.jdih.selectors import documents_under, parse_citation, place_names, search_documents

from .factories import make_document

pytestmark = pytest.mark.django_db


def _search(query):
    index = JdihIndexPage.objects.get(url_path__endswith="/jdih/", depth=3)
    types = list(DocumentType.objects.all())
    return search_documents(documents_under(index), query, types=types, places=place_names(index))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("perda 6 2016", ("Perda", "6", 2016)),
        ("PERBUP NOMOR 12 TAHUN 2024", ("Perbup", "12", 2024)),
        ("Peraturan Daerah No. 3 Th. 2013", ("Perda", "3", 2013)),
        ("perda 6/2016", ("Perda", "6", 2016)),
    ],
)
def test_citations_are_read(text, expected):
    citation = parse_citation(text, list(DocumentType.objects.all()))

    assert (citation.kind.abbreviation, citation.number, citation.year) == expected


@pytest.mark.parametrize("text", ["retribusi 2016", "perda", "kelapa 12 2024 x", "abc 6 2016"])
def test_other_text_is_not_a_citation(text):
    assert parse_citation(text, list(DocumentType.objects.all())) is None


def test_place_names_of_the_regency_are_known():
    index = JdihIndexPage.objects.get(url_path__endswith="/jdih/", depth=3)

    names = place_names(index)

    assert {"pesanggaran", "genteng", "kalibaru"} <= names


def test_a_place_name_must_appear_literally():
    make_document(title="Sanggar Seni Budaya Daerah", year=2019)
    place = make_document(title="Pasar Rakyat Pesanggaran", year=2019)

    found = _search("pesanggaran")

    assert [d.pk for d in found] == [place.pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL")
def test_indonesian_stemming_on_postgresql():
    document = make_document(title="Penyelenggaraan Perizinan Berusaha", year=2023)

    found = _search("izin")

    assert document.pk in [d.pk for d in found]


def test_search_keeps_to_the_queryset_it_is_given():
    """The index is searched directly; only documents of the (live, public) queryset count."""
    shown = make_document(title="Retribusi Parkir Tepi Jalan Umum", year=2021)
    hidden = make_document(title="Retribusi Parkir Khusus", year=2021)
    hidden.unpublish()

    found = _search("retribusi parkir")

    assert [d.pk for d in found] == [shown.pk]


def test_a_place_name_stays_required_when_any_word_will_do():
    place = make_document(title="Pasar Rakyat Pesanggaran", year=2019)
    make_document(title="Pasar Rakyat Muncar", year=2019)

    found = _search("pesanggaran pasar terminal")

    assert [d.pk for d in found] == [place.pk]


@pytest.mark.parametrize("words", ["retribusi", "tata ruang wilayah", "informasi dokumentasi"])
def test_index_search_finds_what_queryset_search_finds(words):
    """Guard of ``_ranked_ids`` (modelsearch internals, docs/jdih.md): after a Wagtail or
    modelsearch upgrade it must still find exactly what the public ``queryset.search()``
    finds, with the same best hit."""
    from modelsearch.query import PlainText

    from pendopo.jdih.selectors.search import _ranked_ids

    index = JdihIndexPage.objects.get(url_path__endswith="/jdih/", depth=3)
    documents = documents_under(index)
    query = PlainText(words, operator="and")

    ranked = _ranked_ids(documents, query, limit=500)
    public = [d.pk for d in documents.search(query, order_by_relevance=True)]

    assert ranked, words
    assert set(ranked) == set(public)
    assert public[0] in ranked[:2]  # same best hit, give or take a tie
