"""Periodic jobs: one registry, run once a minute by ``manage.py run_scheduled``.

Apps register their sweeps in ``AppConfig.ready()``::

    from pendopo.core.scheduler import register_periodic_job
    register_periodic_job("complaints.auto_close", auto_close_cases)

A job is a callable taking ``now`` (an aware UTC datetime) and returning a short, printable
summary (``str`` or ``int``) or ``None``. Jobs must be idempotent: cron may run them late,
twice, or after a gap. One failing job never stops the others; its error is logged and reported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

logger = logging.getLogger(__name__)

PeriodicJob = Callable[[datetime], object]
_JOBS: dict[str, PeriodicJob] = {}


@dataclass(frozen=True)
class JobResult:
    """What one run of one job did: ``summary`` on success, ``error`` (repr) on failure."""

    name: str
    summary: object = None
    error: str | None = None


def register_periodic_job(name: str, job: PeriodicJob) -> None:
    """Register ``job`` under a unique dotted ``name`` (the same name replaces it)."""
    _JOBS[name] = job


def periodic_jobs() -> dict[str, PeriodicJob]:
    """The registered jobs by name, in registration order."""
    return dict(_JOBS)


def run_periodic_jobs(
    *, now: datetime | None = None, only: list[str] | None = None
) -> list[JobResult]:
    """Run every registered job (or those named in ``only``) once; a job error is reported."""
    now = now or timezone.now()
    results = []
    for name, job in _JOBS.items():
        if only and name not in only:
            continue
        try:
            results.append(JobResult(name=name, summary=job(now)))
        except Exception as error:  # one broken sweep must not stop the others
            logger.exception("periodic job %s failed", name)
            results.append(JobResult(name=name, error=repr(error)))
    return results
