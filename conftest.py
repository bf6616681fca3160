"""Shared fixtures and guards for the whole suite (see tests/README.md).

- **Unit tests** (marked ``@pytest.mark.unit``) build what they need with factory-boy factories
  (``pendopo/<app>/tests/factories.py``) on an empty, migrated database.
- **Demo-database tests** (every other test that uses the database) see Banyuwangi's real data
  and demo content, loaded once per session by the nine commands below, and only when at least
  one selected test needs it: ``pytest -m unit`` never loads it.
- **The network is blocked**: a socket may connect only to the loopback interface (PostgreSQL,
  Redis, the browser tests' live server); anything else raises :class:`NetworkBlockedError`.
"""

from __future__ import annotations

import io
import ipaddress
import socket
from typing import Any

import pytest
from django.core.management import call_command

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class NetworkBlockedError(RuntimeError):
    """A test tried to reach the network. Not an ``OSError``, so no retry loop swallows it."""


def _is_loopback(address: Any) -> bool:
    """True for a UNIX socket path and for 127.0.0.0/8, ::1, ``localhost`` and ``*.localhost``."""
    if not isinstance(address, tuple):  # AF_UNIX path (str or bytes)
        return True
    host = address[0]
    if isinstance(host, bytes):
        host = host.decode()
    host = str(host).lower().rstrip(".")
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # any other host name would need DNS: that is the network too


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _guarded_connect(self: socket.socket, address: Any) -> None:
    if not _is_loopback(address):
        raise NetworkBlockedError(f"network access blocked in tests: connect to {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    if not _is_loopback(address):
        raise NetworkBlockedError(f"network access blocked in tests: connect to {address!r}")
    return _real_connect_ex(self, address)


def pytest_configure(config: pytest.Config) -> None:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]


def pytest_unconfigure(config: pytest.Config) -> None:
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]


def _needs_demo_database(item: pytest.Item) -> bool:
    if item.get_closest_marker("unit") is not None:
        return False
    if item.get_closest_marker("django_db") is not None:
        return True
    names = getattr(item, "fixturenames", ())
    return "db" in names or "transactional_db" in names or "django_db_setup" in names


def load_demo_database() -> None:
    """Regions, agencies and demo content: what ``make demo`` loads, minus the search index."""
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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """Migrate; then load the demo database once, if any selected test needs it."""
    if any(_needs_demo_database(item) for item in request.session.items):
        with django_db_blocker.unblock():
            load_demo_database()


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
