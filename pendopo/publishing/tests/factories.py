"""Factories for the publishing app: the front-page approval task, the scheduler heartbeat,
withdrawals and removed paths."""

from __future__ import annotations

import datetime

import factory

from pendopo.core.tests.factories import PlainPageFactory
from pendopo.publishing.models import (
    PortalFrontPageTask,
    RemovedPath,
    SchedulerHeartbeat,
    Withdrawal,
)


class PortalFrontPageTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PortalFrontPageTask

    name = factory.Sequence(lambda n: f"Persetujuan beranda {n}")


class SchedulerHeartbeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchedulerHeartbeat
        django_get_or_create = ("name",)

    name = "run_scheduled"
    last_run_at = datetime.datetime(2026, 3, 16, 2, 0, tzinfo=datetime.UTC)


class WithdrawalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Withdrawal

    page = factory.SubFactory(PlainPageFactory)
    reason = "Informasi sudah tidak berlaku."


class RemovedPathFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RemovedPath

    url_path = factory.Sequence(lambda n: f"/dihapus-{n}/")
