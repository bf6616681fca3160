from django.core.management.base import BaseCommand

from pendopo.jdih.benchmarks import search


class Command(BaseCommand):
    help = (
        "Tolok ukur JDIH (bukan tes): muat N dokumen sintetis (slug bench-…), ukur latensi "
        "pencarian p50/p95, waktu pembuatan umpan JDIHN dan jumlah kueri daftar/detail."
    )

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=10_000)
        parser.add_argument("--rounds", type=int, default=3)
        parser.add_argument("--drop", action="store_true", help="Hapus dokumen sintetis.")

    def handle(self, *args, documents, rounds, drop, **options):
        if drop:
            self.stdout.write(f"dihapus: {search.drop()}")
            return
        search.run(documents=documents, rounds=rounds, write=self.stdout.write)
