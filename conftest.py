"""Shared fixtures: one test database per session, loaded with Banyuwangi's real data."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Migrate, then load regions, agencies and demo content once for the whole session."""
    with django_db_blocker.unblock():
        call_command("load_regions", verbosity=0)
        call_command("load_agencies", verbosity=0)
        call_command("load_demo", verbosity=0)
        call_command("load_services_demo", verbosity=0)
        call_command("load_publishing_demo", verbosity=0)
        call_command("load_feeds_demo", verbosity=0)
        call_command("load_jdih_demo", verbosity=0)
        call_command("load_complaints_demo", verbosity=0)
        call_command("load_ppid", verbosity=0)
        # Issue 9: Wagtail's default group/workflow/task get their Indonesian names.
        call_command("localize_admin_defaults", stdout=io.StringIO())


@pytest.fixture
def portal_site(db):
    from pendopo.core.models import SiteSettings

    return SiteSettings.objects.get(regency__code="35.10").site


@pytest.fixture(autouse=True)
def _clear_caches():
    """Site root paths and settings are cached; tests that change Sites must not leak."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
