"""Set-up of a regency's library: the default document types, the ``/jdih/`` index and its group."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from pendopo.core.services import ensure_child
from pendopo.jdih.models import DocumentType, JdihIndexPage, Publication

LEGAL_BUREAU_GROUP = "Bagian Hukum"

#: The document types of a kabupaten (UU 12/2011; Permendagri 80/2015 jo. 120/2018;
#: docs/rules.md#jdih-document-types).
DEFAULT_DOCUMENT_TYPES = [
    ("Peraturan Daerah", "Perda", Publication.LEMBARAN),
    ("Peraturan Bupati", "Perbup", Publication.BERITA),
    ("Peraturan Bersama Kepala Daerah", "Perber", Publication.BERITA),
    ("Keputusan Bupati", "Kepbup", Publication.NONE),
    ("Instruksi Bupati", "Inbup", Publication.NONE),
    ("Surat Edaran", "SE", Publication.NONE),
    ("Peraturan DPRD", "Perdprd", Publication.BERITA),
    ("Keputusan DPRD", "Kepdprd", Publication.NONE),
]


def ensure_document_types() -> list[DocumentType]:
    """Create the default document types that are missing; never changes edited ones."""
    types = []
    for order, (name, abbreviation, publication) in enumerate(DEFAULT_DOCUMENT_TYPES, start=1):
        kind, _created = DocumentType.objects.get_or_create(
            abbreviation=abbreviation,
            defaults={"name": name, "publication": publication, "sort_order": order * 10},
        )
        types.append(kind)
    return types


@transaction.atomic
def ensure_jdih_index(*, home: Page, teu: str = "") -> JdihIndexPage:
    """The ``/jdih/`` library under ``home`` (created live once), the default document types
    and the "Bagian Hukum" group with rights on the library and its documents."""
    ensure_document_types()
    index = ensure_child(
        home,
        JdihIndexPage,
        slug="jdih",
        title="JDIH: Produk Hukum",
        intro=(
            "Jaringan Dokumentasi dan Informasi Hukum: peraturan daerah, peraturan bupati dan "
            "produk hukum lain, lengkap dengan status berlaku dan riwayat perubahannya."
        ),
        teu=teu,
    )
    ensure_legal_bureau_group(index=index)
    return index


def ensure_legal_bureau_group(*, index: JdihIndexPage) -> Group:
    """Group "Bagian Hukum": edit/publish the library's pages, manage types and relations,
    add and choose documents (PDFs) in the root collection."""
    group, _created = Group.objects.get_or_create(name=LEGAL_BUREAU_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in ["add_page", "change_page", "publish_page"]:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
    model_permissions = Permission.objects.filter(
        content_type__app_label="jdih",
        codename__in=[
            f"{action}_{model}"
            for action in ("add", "change", "delete", "view")
            for model in ("documenttype", "legaldocumentrelation")
        ],
    )
    group.permissions.add(*model_permissions)
    root = Collection.get_first_root_node()
    for app_label, codename in [
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ]:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
    return group
