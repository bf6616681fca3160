"""Agency boundaries in the Wagtail admin (DESIGN.md, "Agency boundaries").

An agency's editors see and touch only their own agency's pages, images and documents: in
the explorer, the page/image/document choosers, admin search and reports, and by typed URL.
Portal editors (Diskominfo) see every agency's. Every check goes through the real admin URLs.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from pendopo.agencies.models import Agency, AgencyPage
from pendopo.agencies.permissions import pages_navigable_by, pages_visible_to
from pendopo.agencies.services import editors_group_name
from pendopo.core.services import COLLECTION_PERMISSIONS, PAGE_PERMISSIONS, PORTAL_EDITORS_GROUP
from pendopo.news.models import NewsPage

User = get_user_model()

# Every title carries "zamrud" so that one search term finds both agencies' items.
OWN_DRAFT = "Draf kabar zamrud Dinkes"
OTHER_DRAFT = "Draf kabar zamrud Disdik"
OWN_IMAGE = "Foto zamrud Dinkes"
OTHER_IMAGE = "Foto zamrud Disdik"
OWN_DOCUMENT = "Berkas zamrud Dinkes"
OTHER_DOCUMENT = "Berkas zamrud Disdik"
# Live demo news from load_demo, one per agency.
OWN_LIVE_NEWS = "Vaksinasi anak sekolah di puskesmas"
OTHER_LIVE_NEWS = "Pendaftaran beasiswa siswa berprestasi dibuka"
DISKOMINFO_DEMO_IMAGE = "Foto contoh 1"


@dataclass
class Boundary:
    """Dinkes's and Dinas Pendidikan's items, created fresh for each test."""

    own_index: Page
    other_index: Page
    own_draft: NewsPage
    other_draft: NewsPage
    own_image: object
    other_image: object
    own_document: object
    other_document: object


def _user(username: str, group: Group) -> User:
    user = User.objects.create_user(username=username, password="x", email=f"{username}@x.invalid")
    user.groups.add(group)
    return user


def _news_index(agency_slug: str) -> Page:
    return AgencyPage.objects.get(agency__slug=agency_slug).get_children().get(slug="berita")


def _draft(index: Page, title: str, author: User) -> NewsPage:
    page = NewsPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        date=timezone.localdate(),
        intro=f"{title}: belum terbit.",
        body=[("paragraph", "<p>Rahasia sampai terbit.</p>")],
        live=False,
        owner=author,
    )
    index.add_child(instance=page)
    page.save_revision(user=author, log_action=True)
    return page


def _image(title: str, collection: Collection):
    return get_image_model().objects.create(
        title=title, collection=collection, file=get_test_image_file(filename="zamrud.png")
    )


def _document(title: str, collection: Collection):
    document = get_document_model()(title=title, collection=collection)
    document.file.save("zamrud.txt", ContentFile(b"zamrud"), save=False)
    document.save()
    return document


def _edit_form(page: NewsPage, **changes) -> dict:
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": page.date.isoformat(),
            "intro": page.intro,
            "image": "",
            "body": streamfield([("paragraph", rich_text("<p>Diperbarui.</p>"))]),
            "tags": "",
            "gallery_images": inline_formset([]),
            "comments": inline_formset([]),
            **changes,
        }
    )


def _edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _html(response) -> str:
    return response.content.decode()


@pytest.fixture
def dinkes_editor(db) -> User:
    return _user("uji.dinkes", Agency.objects.get(slug="dinkes").editors_group)


@pytest.fixture
def pendidikan_editor(db) -> User:
    return _user("uji.disdik", Group.objects.get(name="Editor Dinas Pendidikan"))


@pytest.fixture
def portal_editor(db) -> User:
    return _user("uji.portal", Group.objects.get(name=PORTAL_EDITORS_GROUP))


@pytest.fixture
def boundary(dinkes_editor, pendidikan_editor) -> Boundary:
    dinkes = Agency.objects.get(slug="dinkes")
    pendidikan = Agency.objects.get(slug="pendidikan")
    own_index, other_index = _news_index("dinkes"), _news_index("pendidikan")
    own_draft = _draft(own_index, OWN_DRAFT, dinkes_editor)
    # Created last, so it is the most recently edited page of its type everywhere.
    other_draft = _draft(other_index, OTHER_DRAFT, pendidikan_editor)
    return Boundary(
        own_index=own_index,
        other_index=other_index,
        own_draft=own_draft,
        other_draft=other_draft,
        own_image=_image(OWN_IMAGE, dinkes.collection),
        other_image=_image(OTHER_IMAGE, pendidikan.collection),
        own_document=_document(OWN_DOCUMENT, dinkes.collection),
        other_document=_document(OTHER_DOCUMENT, pendidikan.collection),
    )


# --- Provisioning -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_agency_has_its_own_editors_group_on_its_own_subtree_and_collection():
    agencies = list(Agency.objects.select_related("editors_group", "collection", "page"))
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )

    assert len(agencies) == 56
    assert len({a.editors_group_id for a in agencies}) == 56
    assert len({a.collection_id for a in agencies}) == 56
    assert Group.objects.filter(name__startswith="Editor ", agency__isnull=False).count() == 56
    for agency in agencies:
        group = agency.editors_group
        assert group.name == editors_group_name(agency) == f"Editor {agency.name}"
        page_grants = GroupPagePermission.objects.filter(group=group)
        assert {g.page_id for g in page_grants} == {agency.page.pk}, agency.name
        # Editors draft, submit and schedule; the agency's moderators publish (issue 4).
        assert sorted(g.permission.codename for g in page_grants) == ["add_page", "change_page"]
        collection_grants = GroupCollectionPermission.objects.filter(group=group)
        assert {g.collection_id for g in collection_grants} == {agency.collection_id}
        assert sorted(
            (g.permission.content_type.app_label, g.permission.codename) for g in collection_grants
        ) == sorted(COLLECTION_PERMISSIONS)
        assert agency.collection.get_parent() == Collection.get_first_root_node()
        assert agency.collection.name == agency.name
        assert list(group.permissions.all()) == [access_admin]


@pytest.mark.django_db
def test_portal_editors_hold_rights_on_the_regency_home_and_the_root_collection(portal_site):
    group = Group.objects.get(name=PORTAL_EDITORS_GROUP)

    page_grants = GroupPagePermission.objects.filter(group=group)
    collection_grants = GroupCollectionPermission.objects.filter(group=group)

    assert {g.page_id for g in page_grants} == {portal_site.root_page_id}
    assert sorted(g.permission.codename for g in page_grants) == sorted(PAGE_PERMISSIONS)
    assert {g.collection_id for g in collection_grants} == {Collection.get_first_root_node().pk}


# --- Explorer -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_agency_editor_explores_own_agency_pages(client, dinkes_editor, boundary):
    client.force_login(dinkes_editor)

    response = client.get(reverse("wagtailadmin_explore", args=[boundary.own_index.pk]))

    assert response.status_code == 200
    assert OWN_DRAFT in _html(response)


@pytest.mark.django_db
def test_agency_editor_exploring_another_agency_is_sent_back_to_own_agency(
    client, dinkes_editor, boundary
):
    client.force_login(dinkes_editor)
    own_agency_page = AgencyPage.objects.get(agency__slug="dinkes")

    response = client.get(reverse("wagtailadmin_explore", args=[boundary.other_index.pk]))
    followed = client.get(response.url)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[own_agency_page.pk])
    assert OTHER_DRAFT not in _html(followed)
    assert OWN_DRAFT not in _html(followed)  # it sits one level down, in "Berita"


@pytest.mark.django_db
def test_agency_editor_explorer_search_of_whole_tree_finds_own_pages_only(
    client, dinkes_editor, boundary
):
    client.force_login(dinkes_editor)
    own_agency_page = AgencyPage.objects.get(agency__slug="dinkes")
    url = reverse("wagtailadmin_explore", args=[own_agency_page.pk])

    response = client.get(url, {"q": "zamrud", "search_all": "1"})

    assert response.status_code == 200
    assert OWN_DRAFT in _html(response)
    assert OTHER_DRAFT not in _html(response)


@pytest.mark.django_db
def test_agency_editor_explorer_menu_api_hides_another_agency(client, dinkes_editor, boundary):
    client.force_login(dinkes_editor)
    url = reverse("wagtailadmin_api:pages:listing")

    other = client.get(url, {"child_of": boundary.other_index.pk, "for_explorer": "1"})
    own = client.get(url, {"child_of": boundary.own_index.pk, "for_explorer": "1"})

    assert OTHER_DRAFT not in _html(other)
    assert OWN_DRAFT in _html(own)


@pytest.mark.django_db
def test_agency_editor_explorer_search_stays_own_even_unfiltered_by_wagtail(
    client, dinkes_editor, boundary, settings
):
    settings.WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS = False
    client.force_login(dinkes_editor)
    own_agency_page = AgencyPage.objects.get(agency__slug="dinkes")
    url = reverse("wagtailadmin_explore", args=[own_agency_page.pk])

    response = client.get(url, {"q": "zamrud", "search_all": "1"})

    assert OWN_DRAFT in _html(response)
    assert OTHER_DRAFT not in _html(response)


@pytest.mark.django_db
def test_portal_editor_explores_every_agency(client, portal_editor, boundary):
    client.force_login(portal_editor)

    own = client.get(reverse("wagtailadmin_explore", args=[boundary.own_index.pk]))
    other = client.get(reverse("wagtailadmin_explore", args=[boundary.other_index.pk]))

    assert OWN_DRAFT in _html(own)
    assert OTHER_DRAFT in _html(other)


# --- Page chooser -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_agency_editor_page_chooser_search_finds_own_pages_only(client, dinkes_editor, boundary):
    client.force_login(dinkes_editor)

    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "zamrud"})

    assert response.status_code == 200
    assert OWN_DRAFT in _html(response)
    assert OTHER_DRAFT not in _html(response)


@pytest.mark.django_db
def test_agency_editor_page_chooser_search_does_not_offer_portal_or_other_agency_pages(
    client, dinkes_editor, boundary
):
    client.force_login(dinkes_editor)

    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Dinas"})
    portal = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Profil"})

    assert "Dinas Kesehatan" in _html(response)
    assert "Dinas Pendidikan" not in _html(response)
    assert "Badan Penanggulangan Bencana Daerah" not in _html(response)
    assert "Profil Daerah" not in _html(portal)


@pytest.mark.django_db
def test_agency_editor_page_chooser_browses_from_the_root_down_to_own_agency_only(
    client, dinkes_editor, boundary
):
    client.force_login(dinkes_editor)
    directory = AgencyPage.objects.get(agency__slug="dinkes").get_parent()

    root = client.get(reverse("wagtailadmin_choose_page"))
    agencies = client.get(reverse("wagtailadmin_choose_page_child", args=[directory.pk]))
    own = client.get(reverse("wagtailadmin_choose_page_child", args=[boundary.own_index.pk]))

    assert root.status_code == agencies.status_code == own.status_code == 200
    assert "Dinas Kesehatan" in _html(root)  # the chooser leads straight to the own sub-site
    assert "Kabupaten Banyuwangi" not in _html(root)
    assert "Dinas Kesehatan" in _html(agencies)
    assert "Dinas Pendidikan" not in _html(agencies)
    assert "Badan Penanggulangan Bencana Daerah" not in _html(agencies)
    assert OWN_DRAFT in _html(own)


@pytest.mark.django_db
def test_agency_editor_page_chooser_by_type_does_not_list_another_agency(
    client, dinkes_editor, boundary
):
    client.force_login(dinkes_editor)

    response = client.get(reverse("wagtailadmin_choose_page"), {"page_type": "news.newspage"})
    search = client.get(
        reverse("wagtailadmin_choose_page_search"),
        {"q": "beasiswa", "page_type": "news.newspage"},
    )

    assert response.status_code == 200
    assert "Dinas Kesehatan" in _html(response)
    assert "Dinas Pendidikan" not in _html(response)
    assert OTHER_LIVE_NEWS not in _html(search)


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["other_index", "other_draft"])
def test_agency_editor_cannot_browse_another_agency_in_page_chooser_by_url(
    client, dinkes_editor, boundary, target
):
    client.force_login(dinkes_editor)
    page = getattr(boundary, target)

    response = client.get(reverse("wagtailadmin_choose_page_child", args=[page.pk]))

    assert response.status_code in (403, 404)
    assert OTHER_DRAFT not in _html(response)


@pytest.mark.django_db
def test_agency_editor_gets_no_chooser_for_a_page_type_only_others_have(client, dinkes_editor):
    client.force_login(dinkes_editor)

    response = client.get(reverse("wagtailadmin_choose_page"), {"page_type": "core.leaderspage"})

    assert response.status_code == 404
    assert "Profil Daerah" not in _html(response)  # the common ancestor of all LeadersPages


@pytest.mark.django_db
def test_portal_editor_page_chooser_finds_every_agency_pages(client, portal_editor, boundary):
    client.force_login(portal_editor)

    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "zamrud"})
    browse = client.get(reverse("wagtailadmin_choose_page_child", args=[boundary.other_index.pk]))

    assert OWN_DRAFT in _html(search)
    assert OTHER_DRAFT in _html(search)
    assert OTHER_DRAFT in _html(browse)


# --- Admin page search --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["wagtailadmin_pages:search", "wagtailadmin_pages:search_results"])
def test_agency_editor_admin_search_finds_own_pages_only(client, dinkes_editor, boundary, view):
    client.force_login(dinkes_editor)

    response = client.get(reverse(view), {"q": "zamrud"})

    assert response.status_code == 200
    assert OWN_DRAFT in _html(response)
    assert OTHER_DRAFT not in _html(response)


@pytest.mark.django_db
def test_agency_editor_admin_search_does_not_list_ancestors_or_other_agencies(
    client, dinkes_editor, boundary
):
    client.force_login(dinkes_editor)
    own_agency_page = AgencyPage.objects.get(agency__slug="dinkes")
    directory = own_agency_page.get_parent()
    home = directory.get_parent()

    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Dinas"})
    directory_search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Perangkat"})
    home_search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Banyuwangi"})

    assert _edit_url(own_agency_page) in _html(response)
    assert "Dinas Pendidikan" not in _html(response)
    assert "Badan Penanggulangan Bencana Daerah" not in _html(response)
    assert _edit_url(directory) not in _html(directory_search)
    assert _edit_url(home) not in _html(home_search)


@pytest.mark.django_db
def test_portal_editor_admin_search_finds_every_agency_pages(client, portal_editor, boundary):
    client.force_login(portal_editor)

    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "zamrud"})
    directory_search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Perangkat"})

    assert OWN_DRAFT in _html(response)
    assert OTHER_DRAFT in _html(response)
    assert _edit_url(AgencyPage.objects.get(agency__slug="dinkes").get_parent()) in _html(
        directory_search
    )


@pytest.mark.django_db
def test_agency_editor_pages_of_a_type_list_own_agency_only(client, dinkes_editor, boundary):
    client.force_login(dinkes_editor)

    response = client.get(reverse("wagtailadmin_pages:type_use", args=["news", "newspage"]))

    assert response.status_code == 200
    assert OWN_DRAFT in _html(response)
    assert OTHER_DRAFT not in _html(response)
    assert OTHER_LIVE_NEWS not in _html(response)


# --- Images and documents -----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("view", "params"),
    [
        ("wagtailimages_chooser:choose", {}),
        ("wagtailimages_chooser:choose_results", {"q": "zamrud"}),
        ("wagtailimages:index", {}),
        ("wagtailimages:index", {"q": "zamrud"}),
    ],
)
def test_agency_editor_sees_own_collection_images_only(
    client, dinkes_editor, boundary, view, params
):
    client.force_login(dinkes_editor)

    response = client.get(reverse(view), params)

    assert response.status_code == 200
    assert OWN_IMAGE in _html(response)
    assert OTHER_IMAGE not in _html(response)
    assert DISKOMINFO_DEMO_IMAGE not in _html(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("view", "params"),
    [
        ("wagtaildocs_chooser:choose", {}),
        ("wagtaildocs_chooser:choose_results", {"q": "zamrud"}),
        ("wagtaildocs:index", {}),
        ("wagtaildocs:index", {"q": "zamrud"}),
    ],
)
def test_agency_editor_sees_own_collection_documents_only(
    client, dinkes_editor, boundary, view, params
):
    client.force_login(dinkes_editor)

    response = client.get(reverse(view), params)

    assert response.status_code == 200
    assert OWN_DOCUMENT in _html(response)
    assert OTHER_DOCUMENT not in _html(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("view", "item", "title"),
    [
        ("wagtailimages:edit", "other_image", OTHER_IMAGE),
        ("wagtailimages:image_usage", "other_image", OTHER_IMAGE),
        ("wagtailimages_chooser:chosen", "other_image", OTHER_IMAGE),
        ("wagtaildocs:edit", "other_document", OTHER_DOCUMENT),
        ("wagtaildocs:document_usage", "other_document", OTHER_DOCUMENT),
        ("wagtaildocs_chooser:chosen", "other_document", OTHER_DOCUMENT),
    ],
)
def test_agency_editor_cannot_open_another_agency_image_or_document_by_url(
    client, dinkes_editor, boundary, view, item, title
):
    client.force_login(dinkes_editor)

    response = client.get(reverse(view, args=[getattr(boundary, item).pk]), follow=True)

    assert title not in _html(response)


@pytest.mark.django_db
def test_portal_editor_sees_every_agency_images_and_documents(client, portal_editor, boundary):
    client.force_login(portal_editor)

    images = client.get(reverse("wagtailimages_chooser:choose_results"), {"q": "zamrud"})
    documents = client.get(reverse("wagtaildocs_chooser:choose_results"), {"q": "zamrud"})
    image_index = client.get(reverse("wagtailimages:index"), {"q": "zamrud"})

    assert OWN_IMAGE in _html(images)
    assert OTHER_IMAGE in _html(images)
    assert OWN_DOCUMENT in _html(documents)
    assert OTHER_DOCUMENT in _html(documents)
    assert OTHER_IMAGE in _html(image_index)


# --- Reports ------------------------------------------------------------------------------------


@pytest.fixture
def locked_drafts(boundary, dinkes_editor, pendidikan_editor) -> Boundary:
    for page, user in [
        (boundary.own_draft, dinkes_editor),
        (boundary.other_draft, pendidikan_editor),
    ]:
        page.locked, page.locked_by, page.locked_at = True, user, timezone.now()
        page.save(update_fields=["locked", "locked_by", "locked_at"])
    return boundary


def _grant_unlock(group: Group, page: Page) -> None:
    """The locked pages report needs "unlock", which provisioning does not grant (yet)."""
    GroupPagePermission.objects.create(
        group=group,
        page=page,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="unlock_page"
        ),
    )


@pytest.mark.django_db
def test_agency_editor_without_unlock_right_gets_no_locked_pages_report(
    client, dinkes_editor, locked_drafts
):
    client.force_login(dinkes_editor)

    response = client.get(reverse("wagtailadmin_reports:locked_pages"), follow=True)

    assert OTHER_DRAFT not in _html(response)


@pytest.mark.django_db
def test_agency_editor_locked_pages_report_lists_own_agency_only(
    client, dinkes_editor, locked_drafts
):
    dinkes = Agency.objects.get(slug="dinkes")
    _grant_unlock(dinkes.editors_group, dinkes.page)
    client.force_login(dinkes_editor)

    response = client.get(reverse("wagtailadmin_reports:locked_pages"))

    assert response.status_code == 200
    assert OWN_DRAFT in _html(response)
    assert OTHER_DRAFT not in _html(response)


@pytest.mark.django_db
def test_agency_moderator_aging_pages_report_lists_own_agency_only(client, boundary):
    # The aging-pages report is for those who publish: the agency's moderators (issue 4).
    client.force_login(
        _user("uji.moderator.dinkes", Group.objects.get(name="Moderator Dinas Kesehatan"))
    )

    response = client.get(reverse("wagtailadmin_reports:aging_pages"))

    assert response.status_code == 200
    assert OWN_LIVE_NEWS in _html(response)
    assert OTHER_LIVE_NEWS not in _html(response)


@pytest.mark.django_db
def test_agency_editor_site_history_lists_own_agency_only(client, dinkes_editor, boundary):
    client.force_login(dinkes_editor)

    response = client.get(reverse("wagtailadmin_reports:site_history"))

    assert response.status_code == 200
    assert OWN_DRAFT in _html(response)
    assert OTHER_DRAFT not in _html(response)
    assert OTHER_LIVE_NEWS not in _html(response)


@pytest.mark.django_db
def test_agency_editor_page_types_usage_does_not_name_another_agency_page(
    client, dinkes_editor, boundary
):
    client.force_login(dinkes_editor)

    response = client.get(reverse("wagtailadmin_reports:page_types_usage"))

    assert OTHER_DRAFT not in _html(response)


@pytest.mark.django_db
def test_agency_editor_workflow_reports_list_own_agency_only(
    client, dinkes_editor, pendidikan_editor, boundary
):
    for page, user in [
        (boundary.own_draft, dinkes_editor),
        (boundary.other_draft, pendidikan_editor),
    ]:
        page.get_workflow().start(page, user)
    client.force_login(dinkes_editor)

    workflows = client.get(reverse("wagtailadmin_reports:workflow"))
    tasks = client.get(reverse("wagtailadmin_reports:workflow_tasks"))

    assert workflows.status_code == tasks.status_code == 200
    assert OWN_DRAFT in _html(workflows)
    assert OTHER_DRAFT not in _html(workflows)
    assert OTHER_DRAFT not in _html(tasks)


@pytest.mark.django_db
def test_portal_editor_reports_list_every_agency(client, portal_editor, portal_site, locked_drafts):
    _grant_unlock(Group.objects.get(name=PORTAL_EDITORS_GROUP), portal_site.root_page)
    client.force_login(portal_editor)

    locked = client.get(reverse("wagtailadmin_reports:locked_pages"))
    history = client.get(reverse("wagtailadmin_reports:site_history"))

    assert OWN_DRAFT in _html(locked)
    assert OTHER_DRAFT in _html(locked)
    assert OWN_DRAFT in _html(history)
    assert OTHER_DRAFT in _html(history)


# --- Another agency's draft by URL ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "view",
    [
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:view_draft",
        "wagtailadmin_pages:preview_on_edit",
        "wagtailadmin_pages:history",
        "wagtailadmin_pages:revisions_index",
        "wagtailadmin_pages:workflow_history",
        "wagtailadmin_pages:usage",
        "wagtailadmin_pages:delete",
        "wagtailadmin_pages:unpublish",
        "wagtailadmin_pages:copy",
        "wagtailadmin_pages:move",
        "wagtailadmin_pages:set_privacy",
        "wagtailadmin_pages:add_subpage",
    ],
)
def test_agency_editor_cannot_reach_another_agency_draft_by_url(
    client, dinkes_editor, boundary, view
):
    client.force_login(dinkes_editor)
    url = reverse(view, args=[boundary.other_draft.pk])

    response = client.get(url)
    followed = client.get(url, follow=True)

    assert response.status_code in (302, 403, 404)
    assert OTHER_DRAFT not in _html(response)
    assert OTHER_DRAFT not in _html(followed)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("view", "args"),
    [
        ("wagtailadmin_pages:revisions_view", ["REVISION"]),
        ("wagtailadmin_pages:revisions_revert", ["REVISION"]),
        ("wagtailadmin_pages:revisions_compare", ["earliest", "latest"]),
        ("wagtailadmin_pages:history_results", []),
        ("wagtailadmin_api:pages:detail", []),
    ],
)
def test_agency_editor_cannot_read_another_agency_draft_revisions_by_url(
    client, dinkes_editor, boundary, view, args
):
    client.force_login(dinkes_editor)
    page = boundary.other_draft
    args = [page.latest_revision_id if arg == "REVISION" else arg for arg in args]

    response = client.get(reverse(view, args=[page.pk, *args]), follow=True)

    assert OTHER_DRAFT not in _html(response)


@pytest.mark.django_db
def test_agency_editor_cannot_save_over_another_agency_draft(client, dinkes_editor, boundary):
    client.force_login(dinkes_editor)
    url = reverse("wagtailadmin_pages:edit", args=[boundary.other_draft.pk])

    client.post(url, _edit_form(boundary.other_draft, title="Dibajak"))

    latest = boundary.other_draft.get_latest_revision_as_object()
    assert latest.title == OTHER_DRAFT


@pytest.mark.django_db
def test_chooser_cannot_be_used_to_read_another_agency_draft_title(client, dinkes_editor, boundary):
    client.force_login(dinkes_editor)

    response = client.get(
        reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": boundary.other_draft.pk}
    )

    assert OTHER_DRAFT not in _html(response)


# --- Own agency: editing works ------------------------------------------------------------------


@pytest.mark.django_db
def test_agency_editor_edits_and_submits_own_draft_but_cannot_publish_it(
    client, dinkes_editor, boundary
):
    # Issue 4: an agency editor drafts and submits; the agency's moderator publishes.
    client.force_login(dinkes_editor)
    url = reverse("wagtailadmin_pages:edit", args=[boundary.own_draft.pk])

    form = client.get(url)
    saved = client.post(url, _edit_form(boundary.own_draft, title="Kabar zamrud Dinkes terbit"))
    published = client.post(
        url,
        {
            **_edit_form(boundary.own_draft, title="Kabar zamrud Dinkes terbit"),
            "action-publish": "1",
        },
    )
    submitted = client.post(
        url,
        {
            **_edit_form(boundary.own_draft, title="Kabar zamrud Dinkes terbit"),
            "action-submit": "1",
        },
    )

    assert form.status_code == 200
    assert OWN_DRAFT in _html(form)
    assert saved.status_code == published.status_code == submitted.status_code == 302
    page = NewsPage.objects.get(pk=boundary.own_draft.pk)
    assert not page.live
    assert page.title == "Kabar zamrud Dinkes terbit"
    assert page.current_workflow_task.name == "Persetujuan Dinas Kesehatan"


@pytest.mark.django_db
def test_agency_editor_adds_news_in_own_agency(client, dinkes_editor, boundary):
    client.force_login(dinkes_editor)
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", boundary.own_index.pk])
    new = NewsPage(
        title="Kabar zamrud baru",
        slug="kabar-zamrud-baru",
        date=datetime.date(2025, 1, 2),
        intro="Baru.",
    )

    response = client.post(url, _edit_form(new))

    assert response.status_code == 302
    assert boundary.own_index.get_children().filter(title="Kabar zamrud baru").exists()


@pytest.mark.django_db
def test_agency_editor_cannot_add_news_in_another_agency(client, dinkes_editor, boundary):
    client.force_login(dinkes_editor)
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", boundary.other_index.pk])
    new = NewsPage(
        title="Kabar zamrud susupan",
        slug="kabar-zamrud-susupan",
        date=datetime.date(2025, 1, 2),
        intro="Susupan.",
    )

    client.post(url, _edit_form(new))

    assert not Page.objects.filter(title="Kabar zamrud susupan").exists()


@pytest.mark.django_db
def test_portal_editor_opens_another_agency_draft(client, portal_editor, boundary):
    client.force_login(portal_editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[boundary.other_draft.pk]))

    assert response.status_code == 200
    assert OTHER_DRAFT in _html(response)


# --- The predicate behind the hooks -------------------------------------------------------------


@pytest.mark.django_db
def test_an_agency_editor_sees_exactly_their_agency_subtree(dinkes_editor):
    own_agency_page = AgencyPage.objects.get(agency__slug="dinkes")

    visible = pages_visible_to(dinkes_editor)

    assert set(visible) == set(Page.objects.descendant_of(own_agency_page, inclusive=True))


@pytest.mark.django_db
def test_navigation_adds_only_the_ancestors_of_the_own_agency(dinkes_editor):
    own_agency_page = AgencyPage.objects.get(agency__slug="dinkes")

    extra = set(pages_navigable_by(dinkes_editor)) - set(pages_visible_to(dinkes_editor))

    assert extra == set(own_agency_page.get_ancestors())


@pytest.mark.django_db
def test_portal_editors_see_the_whole_regency(portal_editor, portal_site):
    visible = pages_visible_to(portal_editor)

    assert set(visible) == set(Page.objects.descendant_of(portal_site.root_page, inclusive=True))
    assert visible.filter(title=OTHER_LIVE_NEWS).exists()


@pytest.mark.django_db
def test_an_editor_of_two_agencies_sees_both_and_no_third(client, dinkes_editor, boundary):
    dinkes_editor.groups.add(Group.objects.get(name="Editor Dinas Pendidikan"))
    client.force_login(dinkes_editor)

    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Dinas"})
    root = client.get(reverse("wagtailadmin_choose_page"))

    assert "Dinas Kesehatan" in _html(search)
    assert "Dinas Pendidikan" in _html(search)
    assert "Badan Penanggulangan Bencana Daerah" not in _html(search)
    assert "Dinas Kesehatan" in _html(root)
    assert "Dinas Pendidikan" in _html(root)


@pytest.mark.django_db
def test_inactive_users_see_no_pages(dinkes_editor):
    dinkes_editor.is_active = False

    assert not pages_visible_to(dinkes_editor).exists()
    assert not pages_navigable_by(dinkes_editor).exists()


@pytest.mark.django_db
def test_page_types_usage_report_is_for_superusers_only(client, dinkes_editor, boundary):
    client.force_login(dinkes_editor)

    response = client.get(reverse("wagtailadmin_reports:page_types_usage"))

    assert response.status_code == 403
    assert "page-types-usage" not in _html(client.get(reverse("wagtailadmin_home")))
    client.force_login(get_user_model().objects.get(username="admin"))
    assert "page-types-usage" in _html(client.get(reverse("wagtailadmin_home")))
