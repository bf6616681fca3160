"""Browser-test fixtures: a demo portal on its own SQLite database, served by runserver,
driven through Playwright by Debian's chromium (never a downloaded browser).

The server runs in a subprocess with the development settings and DEBUG off, so pages are
rendered exactly as a citizen gets them: whitenoise serves the collected static files, the
strict Content-Security-Policy is active, and errors give the public error pages.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {
    "mobile": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 800},
}
COMMAND_TIMEOUT = 600  # seconds for one management command (migrate is the slow one)
SERVER_START_TIMEOUT = 60  # seconds until runserver must answer
SERVER_STOP_TIMEOUT = 10  # seconds to wait after SIGTERM before SIGKILL


@dataclass(frozen=True)
class DemoServer:
    """Where the demo portal answers: the regency site and an agency's own host."""

    port: int
    # The server's environment, so a test can run manage.py against the same database.
    env: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def agency_url(self) -> str:
        return f"http://dinkes.localhost:{self.port}"


def _require_chromium() -> None:
    """Skip without Debian's chromium, except on CI, where a missing browser is a failure."""
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} not found: install Debian's chromium package (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    # Deterministic: local-memory cache, no Redis, no developer .env values for these.
    env.pop("REDIS_URL", None)
    env.update(
        DATABASE_URL=f"sqlite:///{tmp / 'browser.sqlite3'}",
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DJANGO_DEBUG="0",
        PENDOPO_SERVE_MEDIA="1",
        MEDIA_ROOT=str(tmp / "media"),
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        PYTHONUNBUFFERED="1",
    )
    return env


def _manage(env: dict[str, str], *args: str) -> None:
    command = [sys.executable, "manage.py", *args]
    try:
        done = subprocess.run(
            command,
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(args)} took longer than {COMMAND_TIMEOUT} s", pytrace=False)
    if done.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}",
            pytrace=False,
        )


def _answers(port: int) -> bool:
    # http.client, not urllib: no proxy from the environment may get in the way.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", "/")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=SERVER_STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=SERVER_STOP_TIMEOUT)


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory) -> Iterator[DemoServer]:
    """Build the demo portal (as ``make demo`` does) in a temp dir and serve it."""
    _require_chromium()
    tmp = tmp_path_factory.mktemp("browser")
    env = _server_env(tmp)
    port = _free_port()
    for args in (
        ("migrate", "--noinput", "-v0"),
        ("load_regions",),
        ("load_agencies", "--port", str(port)),
        ("load_demo", "--port", str(port)),
        ("load_services_demo",),
        ("load_publishing_demo",),
        ("load_feeds_demo",),
        ("load_jdih_demo",),
        ("load_complaints_demo",),
        ("load_ppid_demo",),
        ("load_procurement_demo", "--port", str(port)),
        ("localize_admin_defaults",),
        ("update_index",),
        ("collectstatic", "--noinput", "-v0"),
        # The scheduler has run, as under demo_serve: no "not running" warning in the admin.
        ("run_scheduled", "-v0"),
    ):
        _manage(env, *args)

    log_path = tmp / "runserver.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not _answers(port):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"runserver did not answer on port {port}:\n{log_path.read_text()}",
                    pytrace=False,
                )
            time.sleep(0.25)
        yield DemoServer(port=port, env=env)
    finally:
        _stop(process)


@pytest.fixture(scope="package")
def chromium(demo_server):
    """One headless chromium for the browser tests, closed when they are done.

    Playwright gives the browser a throw-away profile directory of its own. Package scope,
    not session: a live Playwright event loop would make Django refuse database access in
    the (synchronous) tests that run after the browser tests.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def page(request, chromium):
    """A fresh page in a fresh context at a mobile or a desktop viewport."""
    name = request.param
    mobile = name == "mobile"
    context = chromium.new_context(
        viewport=VIEWPORTS[name],
        is_mobile=mobile,
        has_touch=mobile,
        locale="id-ID",
        timezone_id="Asia/Jakarta",
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def page_without_js(chromium):
    """A mobile page with JavaScript off: every public page must work without it."""
    context = chromium.new_context(
        viewport=VIEWPORTS["mobile"], is_mobile=True, java_script_enabled=False, locale="id-ID"
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()
