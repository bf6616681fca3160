"""The network is blocked in tests (root conftest.py): only loopback connections go through."""

from __future__ import annotations

import socket
import time

import pytest

from conftest import NetworkBlockedError


def test_connecting_to_a_public_address_raises_at_once():
    started = time.monotonic()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(30)
        with pytest.raises(NetworkBlockedError, match="192.0.2.1"):
            sock.connect(("192.0.2.1", 80))
    assert time.monotonic() - started < 1


def test_connect_ex_and_host_names_are_blocked_too():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(NetworkBlockedError):
            sock.connect_ex(("192.0.2.1", 443))
        with pytest.raises(NetworkBlockedError):
            sock.connect(("example.org", 80))  # refused before any DNS look-up


def test_loopback_is_allowed():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with socket.create_connection(("localhost", port), timeout=5):
            pass
