"""Who may coordinate is decided by the ``complaints.coordinate_cases`` permission, never by
the display name of a group."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from pendopo.complaints import permissions, services
from pendopo.complaints.permissions import COORDINATE_CASES, COORDINATOR_GROUP
from pendopo.complaints.states import CaseStatus
from pendopo.core.errors import PermissionDeniedError


def fresh(user):
    """The user as a new request sees it (Django caches permissions on the instance)."""
    return get_user_model().objects.get(pk=user.pk)


def coordinate_cases():
    return Permission.objects.get(content_type__app_label="complaints", codename="coordinate_cases")


def test_renaming_the_coordinators_group_does_not_change_who_may_act(coordinator, make_case):
    group = Group.objects.get(name=COORDINATOR_GROUP)
    group.name = "Tim Pengaduan Diskominfo"
    group.save()

    user = fresh(coordinator)
    assert permissions.is_coordinator(user)
    case = services.hold_case(case=make_case(), by=user, reason="Menunggu data.")
    assert case.status == CaseStatus.ON_HOLD


def test_removing_the_permission_does(coordinator, make_case):
    Group.objects.get(name=COORDINATOR_GROUP).permissions.remove(coordinate_cases())

    user = fresh(coordinator)
    assert not permissions.is_coordinator(user)
    with pytest.raises(PermissionDeniedError):
        services.hold_case(case=make_case(), by=user, reason="Menunggu data.")


def test_a_group_with_the_old_name_but_without_the_permission_gives_nothing(db):
    user = get_user_model().objects.create_user("bukan-koord", "b@example.org", "x")
    impostor, _ = Group.objects.get_or_create(name="Koordinator Pengaduan")
    user.groups.add(impostor)

    assert not permissions.is_coordinator(fresh(user))


def test_the_permission_given_directly_makes_a_coordinator(db):
    user = get_user_model().objects.create_user("koord-langsung", "k2@example.org", "x")
    user.user_permissions.add(coordinate_cases())

    assert fresh(user).has_perm(COORDINATE_CASES)
    assert permissions.is_coordinator(fresh(user))


def test_the_demo_group_holds_the_permission(db):
    assert (
        Group.objects.get(name=COORDINATOR_GROUP)
        .permissions.filter(codename="coordinate_cases")
        .exists()
    )


def test_the_data_migration_grants_the_permission_to_the_existing_group(db):
    migration = importlib.import_module("pendopo.complaints.migrations.0005_grant_coordinate_cases")
    group = Group.objects.get(name=COORDINATOR_GROUP)
    group.permissions.remove(coordinate_cases())

    migration.grant(apps, None)

    assert group.permissions.filter(codename="coordinate_cases").exists()
    migration.revoke(apps, None)
    assert not group.permissions.filter(codename="coordinate_cases").exists()
