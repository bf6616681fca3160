from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pendopo.ppid.services import ensure_ppid_offices
from pendopo.regions.models import Regency


class Command(BaseCommand):
    help = "Buat kantor dan grup PPID (Utama, Pelaksana tiap perangkat daerah, atasan PPID)."

    def add_arguments(self, parser):
        parser.add_argument("--regency", default=settings.PENDOPO_REGENCY_CODE)

    def handle(self, *args, regency, **options):

        found = Regency.objects.filter(code=regency).first()
        if found is None:
            raise CommandError(f"Kabupaten/kota {regency} belum diimpor (jalankan load_regions).")
        counts = ensure_ppid_offices(regency=found)
        for role, count in counts.items():
            self.stdout.write(f"PPID {role}: {count} baru")
