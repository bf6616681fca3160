"""The legal bureau manages relations in the Wagtail admin; the status follows."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pendopo.jdih.models import LegalDocumentPage, LegalDocumentRelation
from pendopo.jdih.services import LEGAL_BUREAU_GROUP

from .factories import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal_staff(client):
    user = get_user_model().objects.create_user("hukum", password="rahasia-uji-123")
    user.groups.add(Group.objects.get(name=LEGAL_BUREAU_GROUP))
    client.force_login(user)
    return user


def test_adding_a_revocation_in_the_admin_revokes_the_document(client, legal_staff):
    old, new = make_document(year=2010), make_document(year=2020)

    response = client.post(
        "/admin/jdih_relations/new/",
        {"source": new.pk, "kind": "mencabut", "target": old.pk, "note": ""},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert LegalDocumentPage.objects.get(pk=old.pk).status == "dicabut"


def test_a_refused_relation_is_a_form_error_not_a_500(client, legal_staff):
    document = make_document(year=2010)

    response = client.post(
        "/admin/jdih_relations/new/",
        {"source": document.pk, "kind": "mengubah", "target": document.pk},
    )

    assert response.status_code == 200
    assert "dirinya sendiri" in response.content.decode()
    assert not LegalDocumentRelation.objects.filter(source=document).exists()


def test_deleting_a_relation_in_the_admin_restores_the_status(client, legal_staff):
    old, new = make_document(year=2010), make_document(year=2020)
    client.post(
        "/admin/jdih_relations/new/", {"source": new.pk, "kind": "mencabut", "target": old.pk}
    )
    relation = LegalDocumentRelation.objects.get(target=old)

    response = client.post(f"/admin/jdih_relations/delete/{relation.pk}/")

    assert response.status_code == 302
    assert LegalDocumentPage.objects.get(pk=old.pk).status == "berlaku"


def test_staff_outside_the_group_cannot_manage_relations(client):
    user = get_user_model().objects.create_user("lain", password="rahasia-uji-123")
    user.groups.add(Group.objects.get(name="Editor Portal (Diskominfo)"))
    client.force_login(user)

    response = client.get("/admin/jdih_relations/new/")

    assert response.status_code in (302, 403)
