from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pendopo.core.csvimport import ImportFailed
from pendopo.regions.services import DATA_DIR, import_regions


class Command(BaseCommand):
    help = "Impor wilayah Kemendagri (provinsi, kabupaten/kota, kecamatan, desa/kelurahan)."

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", type=Path, default=DATA_DIR)

    def handle(self, *args, data_dir: Path, **options):
        try:
            report = import_regions(data_dir=data_dir)
        except ImportFailed as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
