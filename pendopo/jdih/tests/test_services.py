import pytest

from pendopo.core.models import Event
from pendopo.jdih import services
from pendopo.jdih.models import LegalDocumentPage, LegalDocumentRelation
from pendopo.jdih.services.relations import InvalidRelation
from pendopo.jdih.states import LegalStatus, RelationKind

from .factories import make_document

pytestmark = pytest.mark.django_db


def _status(document) -> str:
    return LegalDocumentPage.objects.get(pk=document.pk).status


def test_amending_sets_diubah_and_leaves_an_event():
    old = make_document(year=2011)
    new = make_document(year=2016)

    services.add_relation(source=new, target=old, kind=RelationKind.AMENDS)

    assert _status(old) == LegalStatus.DIUBAH
    assert _status(new) == LegalStatus.BERLAKU
    kinds = set(Event.objects.filter(object_id=str(old.pk)).values_list("kind", flat=True))
    assert {"jdih_relation_added", "jdih_status_derived"} <= kinds


def test_revoking_an_amended_document_makes_it_dicabut():
    old = make_document(year=2011)
    services.add_relation(source=make_document(year=2016), target=old, kind=RelationKind.AMENDS)

    services.add_relation(source=make_document(year=2024), target=old, kind="mencabut")

    assert _status(old) == LegalStatus.DICABUT


def test_removing_the_revocation_brings_the_document_back_in_force():
    old = make_document(year=2011)
    relation = services.add_relation(
        source=make_document(year=2016), target=old, kind=RelationKind.REVOKES
    )

    services.remove_relation(relation=relation)

    assert _status(old) == LegalStatus.BERLAKU


def test_a_document_cannot_relate_to_itself():
    document = make_document()

    with pytest.raises(InvalidRelation, match="dirinya sendiri") as refused:
        services.add_relation(source=document, target=document, kind=RelationKind.AMENDS)

    assert refused.type is InvalidRelation


def test_an_older_document_cannot_amend_a_newer_one():
    older, newer = make_document(year=2010), make_document(year=2015)

    with pytest.raises(InvalidRelation, match="lebih lama") as refused:
        services.add_relation(source=older, target=newer, kind=RelationKind.AMENDS)

    assert refused.type is InvalidRelation

    assert _status(newer) == LegalStatus.BERLAKU


def test_the_same_relation_twice_is_refused_and_nothing_changes():
    old, new = make_document(year=2011), make_document(year=2016)
    services.add_relation(source=new, target=old, kind=RelationKind.AMENDS)

    with pytest.raises(InvalidRelation, match="sudah tercatat") as refused:
        services.add_relation(source=new, target=old, kind=RelationKind.AMENDS)

    assert refused.type is InvalidRelation

    assert LegalDocumentRelation.objects.filter(target=old).count() == 1


def test_publishing_an_old_revision_does_not_bring_back_an_old_status():
    old = make_document(year=2011)
    first_revision = old.latest_revision
    services.add_relation(source=make_document(year=2020), target=old, kind=RelationKind.REVOKES)

    first_revision.publish()

    assert _status(old) == LegalStatus.DICABUT


def test_editing_the_page_cannot_type_a_status():
    old = make_document(year=2011)
    fresh = LegalDocumentPage.objects.get(pk=old.pk)
    fresh.title = "Judul baru"
    fresh.status = LegalStatus.DICABUT

    fresh.save_revision().publish()

    assert _status(old) == LegalStatus.BERLAKU
    assert "status" not in [f.name for f in LegalDocumentPage._meta.fields if f.editable]


def test_download_counter_adds_one_per_download():
    document = make_document()

    services.record_download(document=document)
    services.record_download(document=document)

    assert LegalDocumentPage.objects.get(pk=document.pk).download_count == 2


def test_legal_bureau_group_may_manage_relations_and_the_library():
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    group = Group.objects.get(name=services.LEGAL_BUREAU_GROUP)

    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_legaldocumentrelation", "delete_legaldocumentrelation"} <= codenames
    pages = GroupPagePermission.objects.filter(group=group).select_related("page")
    assert {p.page.slug for p in pages} == {"jdih"}
