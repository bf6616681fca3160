"""Only a live (published) source changes a document's status, chain and JDIHN status; its
publication, withdrawal and deletion recompute the targets and purge what shows them."""

import pytest
from django.test import override_settings

from pendopo.jdih import services
from pendopo.jdih.models import LegalDocumentPage
from pendopo.jdih.selectors import document_detail, urls_showing_status
from pendopo.jdih.states import LegalStatus, RelationKind

from .factories import make_document

pytestmark = pytest.mark.django_db

PURGED: list[str] = []
LISTING = "http://localhost/jdih/"
FEED = "http://localhost/jdih/integrasi/jdihn.json"


class RecordingBackend:
    """A frontend cache that records what it is asked to purge (the outside world)."""

    def __init__(self, params):
        pass

    def purge(self, url):
        PURGED.append(url)

    def purge_batch(self, urls):
        PURGED.extend(urls)

    def invalidates_hostname(self, hostname):
        return True


RECORDING = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
KINDS = [
    (RelationKind.REVOKES, LegalStatus.DICABUT, "Tidak Berlaku"),
    (RelationKind.AMENDS, LegalStatus.DIUBAH, "Berlaku"),
    (RelationKind.PARTIALLY_REVOKES, LegalStatus.DICABUT_SEBAGIAN, "Berlaku"),
]


def _status(document) -> str:
    return LegalDocumentPage.objects.get(pk=document.pk).status


def _feed_status(client, document) -> str:
    feed = client.get("/jdih/integrasi/jdihn.json").json()
    return next(r for r in feed if r["idData"] == str(document.pk))["status"]


@pytest.mark.parametrize(("kind", "status", "jdihn"), KINDS)
def test_a_draft_source_counts_only_while_it_is_published(client, kind, status, jdihn):
    target = make_document(year=2011)
    source = make_document(year=2024, publish=False)

    services.add_relation(source=source, target=target, kind=kind)
    assert _status(target) == LegalStatus.BERLAKU
    assert _feed_status(client, target) == "Berlaku"

    source.save_revision().publish()
    assert _status(target) == status
    services.purge_feed_cache()  # on_commit does this outside the test transaction
    assert _feed_status(client, target) == jdihn

    LegalDocumentPage.objects.get(pk=source.pk).unpublish()
    assert _status(target) == LegalStatus.BERLAKU
    services.purge_feed_cache()
    assert _feed_status(client, target) == "Berlaku"


def test_the_strongest_live_relation_decides_and_a_draft_revoker_does_not():
    target = make_document(year=2011)
    services.add_relation(source=make_document(year=2016), target=target, kind="mengubah")

    services.add_relation(
        source=make_document(year=2024, publish=False), target=target, kind="mencabut"
    )

    assert _status(target) == LegalStatus.DIUBAH


def test_deleting_the_revoker_brings_the_target_back_in_force():
    target = make_document(year=2011)
    source = make_document(year=2024)
    services.add_relation(source=source, target=target, kind=RelationKind.REVOKES)
    assert _status(target) == LegalStatus.DICABUT

    LegalDocumentPage.objects.get(pk=source.pk).delete()

    assert _status(target) == LegalStatus.BERLAKU


def test_the_chain_names_no_draft_source(client):
    target = make_document(year=2011)
    amender = make_document(year=2016)
    services.add_relation(source=amender, target=target, kind="mengubah")
    draft = make_document(year=2024, publish=False)
    services.add_relation(source=draft, target=target, kind="mengubah")

    body = client.get(target.url).content.decode()
    chain = document_detail(LegalDocumentPage.objects.get(pk=target.pk))["status_chain"]

    assert draft.short_citation not in body
    assert chain.startswith("diubah oleh Perda ") and draft.short_citation not in chain
    listing = client.get("/jdih/", {"tahun": "2011"}).content.decode()
    # The target's chain is listed (naming its live amender), without the draft.
    assert amender.short_citation in listing and draft.short_citation not in listing


def test_status_urls_cover_detail_listing_filters_and_feed():
    target = make_document(year=2011)

    urls = urls_showing_status([target])

    assert {LISTING, FEED, target.full_url} <= set(urls)
    assert {LISTING + "?status=dicabut", LISTING + "?status=berlaku"} <= set(urls)
    assert {LISTING + "?jenis=perda", LISTING + "?tahun=2011"} <= set(urls)


@override_settings(WAGTAILFRONTENDCACHE=RECORDING)
def test_revoking_purges_target_source_listing_and_feed(django_capture_on_commit_callbacks):
    target = make_document(year=2011)
    source = make_document(year=2024)
    PURGED.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.add_relation(source=source, target=target, kind=RelationKind.REVOKES)

    assert target.full_url in PURGED
    assert source.full_url in PURGED
    assert {LISTING, LISTING + "?status=dicabut", FEED} <= set(PURGED)


@override_settings(WAGTAILFRONTENDCACHE=RECORDING)
def test_publishing_a_draft_revoker_purges_the_target(django_capture_on_commit_callbacks):
    target = make_document(year=2011)
    source = make_document(year=2024, publish=False)
    services.add_relation(source=source, target=target, kind=RelationKind.REVOKES)
    PURGED.clear()

    with django_capture_on_commit_callbacks(execute=True):
        source.save_revision().publish()

    assert _status(target) == LegalStatus.DICABUT
    assert {target.full_url, LISTING + "?status=dicabut", FEED} <= set(PURGED)


@override_settings(WAGTAILFRONTENDCACHE=RECORDING)
def test_publishing_any_legal_document_purges_the_jdihn_feed():
    document = make_document(year=2011)
    PURGED.clear()

    document.save_revision().publish()

    assert FEED in PURGED and LISTING in PURGED


def test_migration_recounts_a_status_left_by_a_draft_source():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("pendopo.jdih.migrations.0004_status_from_live_sources")
    target = make_document(year=2011)
    services.add_relation(
        source=make_document(year=2024, publish=False), target=target, kind="mencabut"
    )
    LegalDocumentPage.objects.filter(pk=target.pk).update(status=LegalStatus.DICABUT)  # old rule

    migration.recount(apps, None)

    assert _status(target) == LegalStatus.BERLAKU
    assert _status(LegalDocumentPage.objects.get(slug="perda-4-2007")) == LegalStatus.DICABUT


@override_settings(WAGTAILFRONTENDCACHE=RECORDING)
def test_a_status_change_purges_every_page_showing_the_badge(django_capture_on_commit_callbacks):
    """Perda 6/2016-style amender shows the target's badge in its relations box."""
    target = make_document(year=2011)
    amender = make_document(year=2016)
    services.add_relation(source=amender, target=target, kind=RelationKind.AMENDS)
    PURGED.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.add_relation(source=make_document(year=2024), target=target, kind="mencabut")

    assert amender.full_url in PURGED
