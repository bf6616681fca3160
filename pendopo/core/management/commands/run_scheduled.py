"""Run the periodic work once: Wagtail's scheduled publishing, then every registered job.

Cron (every minute) or a systemd timer calls this; ``docs/operations.md`` shows both.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from pendopo.core.scheduler import run_periodic_jobs


class Command(BaseCommand):
    help = "Jalankan pekerjaan terjadwal sekali: jadwal terbit, lalu semua tugas berkala."

    def handle(self, *args, **options):
        call_command("publish_scheduled", verbosity=max(0, options["verbosity"] - 1))
        failed = 0
        for result in run_periodic_jobs():
            if result.error:
                failed += 1
                self.stderr.write(f"{result.name}: GAGAL {result.error}")
            elif options["verbosity"] > 0:
                self.stdout.write(f"{result.name}: {result.summary}")
        if failed:
            raise SystemExit(1)
