from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pendopo.core.csvimport import ImportFailed
from pendopo.procurement import services
from pendopo.regions.models import Regency

SOURCES = {
    "satker": services.import_work_units,
    "tender": services.import_tenders,
    "pemenang": services.import_tender_results,
    "nontender": services.import_non_tenders,
    "jadwal": services.import_schedules,
    "rup": services.import_plans,
}


class Command(BaseCommand):
    help = (
        "Impor data pengadaan SPSE/SiRUP (CSV atau JSON) untuk satu kabupaten/kota: "
        "satker, tender (pengumuman), pemenang, nontender, jadwal, rup. Semua baris atau tidak "
        "sama sekali; impor ulang memperbarui tanpa duplikat."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", choices=sorted(SOURCES))
        parser.add_argument("file", type=Path)
        parser.add_argument("--regency", default=settings.PENDOPO_REGENCY_CODE)

    def handle(self, *args, source, file, regency, **options):

        target = Regency.objects.filter(code=regency).first()
        if target is None:
            raise CommandError(f"Kabupaten/kota {regency} belum diimpor (jalankan load_regions).")
        try:
            result = SOURCES[source](regency=target, path=file)
        except ImportFailed as exc:
            raise CommandError(str(exc)) from exc
        for line in result.lines():
            self.stdout.write(line)
