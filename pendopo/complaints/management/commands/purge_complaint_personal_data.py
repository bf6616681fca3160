from django.conf import settings
from django.core.management.base import BaseCommand

from pendopo.complaints.services import purge_personal_data


class Command(BaseCommand):
    help = (
        "Hapus nama, telepon, e-mail, nomor identitas dan lampiran pelapor dari laporan yang "
        "selesai lebih lama dari PENDOPO_COMPLAINTS_RETENTION_DAYS hari (UU 27/2022)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="ganti masa simpan (hari)")

    def handle(self, *args, days=None, **options):
        days = settings.PENDOPO_COMPLAINTS_RETENTION_DAYS if days is None else days
        if days < 0:
            self.stderr.write("Masa simpan tidak boleh negatif.")
            return
        count = purge_personal_data(days=days)
        self.stdout.write(f"Data pribadi dihapus dari {count} laporan (masa simpan {days} hari).")
