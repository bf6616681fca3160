"""The regency's pages moved from ``core`` to ``portal`` without copying data (issue 14)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from pendopo.core import sites
from pendopo.portal.models import HomePage, LeadersPage, Official, StandardPage

MIGRATION = importlib.import_module("pendopo.portal.migrations.0001_initial")


class _Editor:
    connection = connection


def test_the_pages_keep_their_core_tables():
    tables = [m._meta.db_table for m in (HomePage, StandardPage, LeadersPage, Official)]
    assert tables == ["core_homepage", "core_standardpage", "core_leaderspage", "core_official"]


def test_portal_registers_its_home_page_with_the_kernel():
    assert sites.home_page_model() is HomePage


@pytest.mark.django_db
def test_content_types_are_relabelled_keeping_their_ids():
    before = dict(
        ContentType.objects.filter(app_label="portal", model__in=MIGRATION.MODELS).values_list(
            "model", "pk"
        )
    )
    assert set(before) == set(MIGRATION.MODELS)

    MIGRATION.move_content_types_back(apps, _Editor())
    assert (
        dict(
            ContentType.objects.filter(app_label="core", model__in=MIGRATION.MODELS).values_list(
                "model", "pk"
            )
        )
        == before
    )

    MIGRATION.move_content_types(apps, _Editor())
    ContentType.objects.clear_cache()
    after = dict(
        ContentType.objects.filter(app_label="portal", model__in=MIGRATION.MODELS).values_list(
            "model", "pk"
        )
    )
    assert after == before
    assert not ContentType.objects.filter(app_label="core", model__in=MIGRATION.MODELS).exists()
    assert HomePage.objects.live().exists()
