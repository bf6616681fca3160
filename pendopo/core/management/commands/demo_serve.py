"""The demo runner: the development server plus the background task worker, together."""

import os
import subprocess
import sys

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
            worker.terminate()
            worker.wait(timeout=10)
