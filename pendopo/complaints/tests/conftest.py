"""Complaints fixtures. In a test marked ``unit`` they are built with factories (the
installation's regency, Dinkes and DLH, the "kesehatan" category routed to Dinkes); otherwise
they are read from the demo database."""

from __future__ import annotations

import datetime
import itertools
import zoneinfo

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
_counter = itertools.count()


def wib(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.PENDOPO_COMPLAINTS_PRIVATE_ROOT = str(tmp_path / "private")


def _unit(request) -> bool:
    return request.node.get_closest_marker("unit") is not None


@pytest.fixture
def regency(request, db):
    from pendopo.regions.models import Regency

    if _unit(request):
        from pendopo.regions.tests.factories import ProvinceFactory, RegencyFactory

        return RegencyFactory(
            code=settings.PENDOPO_REGENCY_CODE,
            name="Kabupaten Banyuwangi",
            province=ProvinceFactory(code="35", name="Jawa Timur"),
        )
    return Regency.objects.get(code="35.10")


@pytest.fixture
def agencies(request, regency):
    from pendopo.agencies.models import Agency

    if _unit(request):
        from pendopo.agencies.tests.factories import AgencyFactory

        AgencyFactory(regency=regency, slug="dinkes", name="Dinas Kesehatan")
        AgencyFactory(regency=regency, slug="dlh", name="Dinas Lingkungan Hidup")
    return {a.slug: a for a in Agency.objects.filter(regency=regency)}


@pytest.fixture
def category(request, db):
    from pendopo.complaints.models import Category

    if _unit(request):
        from pendopo.complaints.tests.factories import CategoryFactory

        return CategoryFactory(slug="kesehatan", name="Kesehatan", agency_slug="dinkes")
    return Category.objects.get(slug="kesehatan")


@pytest.fixture
def coordinator(db):
    from pendopo.complaints.permissions import COORDINATOR_GROUP

    user = get_user_model().objects.create_user("koord-test", "k@example.org", "x")
    group, _ = Group.objects.get_or_create(name=COORDINATOR_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="complaints", codename="coordinate_cases"),
    )
    user.groups.add(group)
    return user


def _liaison(username, agency):
    from pendopo.complaints.models import Liaison

    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    Liaison.objects.create(user=user, agency=agency)
    return user


@pytest.fixture
def dinkes_liaison(agencies):
    return _liaison("liaison-dinkes-test", agencies["dinkes"])


@pytest.fixture
def dlh_liaison(agencies):
    return _liaison("liaison-dlh-test", agencies["dlh"])


@pytest.fixture
def make_case(regency, category):
    from pendopo.complaints import services

    def make(**overrides):
        fields = {
            "regency": regency,
            "nonce": f"test-nonce-{next(_counter)}-abcdefghijkl",
            "kind": "complaint",
            "category": category,
            "subject": "Antrean puskesmas",
            "body": "Antrean terlalu lama.",
            "reporter_name": "Siti Aminah",
            "reporter_phone": "081234567890",
            "reporter_email": "siti@example.org",
            "received_at": wib(2026, 3, 16, 9),
        }
        fields.update(overrides)
        return services.submit_case(**fields).case

    return make
