from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pendopo.agencies.services import import_agencies
from pendopo.core.csvimport import ImportFailed


class Command(BaseCommand):
    help = "Impor perangkat daerah dan buat sub-situs, grup editor dan koleksinya."

    def add_arguments(self, parser):
        parser.add_argument("--regency", default=settings.PENDOPO_REGENCY_CODE)
        parser.add_argument("--file", type=Path, default=None)
        parser.add_argument("--host-suffix", default=None)
        parser.add_argument("--port", type=int, default=None)

    def handle(self, *args, regency, file, host_suffix, port, **options):
        try:
            report = import_agencies(
                regency_code=regency, path=file, host_suffix=host_suffix, port=port
            )
        except ImportFailed as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
