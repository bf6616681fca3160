from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pendopo.ppid.demo import load_ppid_demo
from pendopo.regions.models import Regency


class Command(BaseCommand):
    help = "Isi PPID dengan konten demonstrasi: daftar informasi, permohonan, keberatan, laporan."

    def add_arguments(self, parser):
        parser.add_argument("--regency", default=settings.PENDOPO_REGENCY_CODE)

    def handle(self, *args, regency, **options):

        found = Regency.objects.filter(code=regency).first()
        if found is None:
            raise CommandError(f"Kabupaten/kota {regency} belum diimpor (jalankan load_regions).")
        counts = load_ppid_demo(regency=found)
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count} dibuat")
