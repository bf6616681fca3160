"""The demo runner: the development server plus the background task worker, together."""

import os
import subprocess
import sys
import threading

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Jalankan server pengembangan bersama pekerja tugas latar (db_worker)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, port, host, **options):
        # Serve as a citizen sees it: Indonesian error pages, not Django's debug pages.
        # DJANGO_DEBUG=1 in the environment keeps the debug pages for development.
        env = {**os.environ, "PENDOPO_SERVE_MEDIA": "1"}
        env.setdefault("DJANGO_DEBUG", "0")
        worker = subprocess.Popen([sys.executable, "manage.py", "db_worker"], env=env)  # noqa: S603
        # The scheduler really runs in the demo: run_scheduled once a minute, like cron.
        stop = threading.Event()
        threading.Thread(target=_every_minute, args=(stop, env), daemon=True).start()
        self.stdout.write(f"Portal: http://{host}:{port}/  ·  admin: http://{host}:{port}/admin/")
        self.stdout.write(
            f"Sub-situs contoh: http://dinkes.localhost:{port}/  (Ctrl+C untuk berhenti)"
        )
        try:
            subprocess.run(  # noqa: S603
                [sys.executable, "manage.py", "runserver", f"{host}:{port}"], check=False, env=env
            )
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            worker.terminate()
            worker.wait(timeout=10)


def _every_minute(stop: threading.Event, env: dict) -> None:
    """Run ``manage.py run_scheduled`` now and then every 60 seconds until ``stop`` is set."""
    while not stop.is_set():
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "run_scheduled", "-v0"], check=False, env=env
        )
        stop.wait(60)
