"""Benchmark: import N non-tender packages (real Kab. Bandung rows, new codes) and compute all
red flags; prints wall time and peak memory. Everything is rolled back afterwards."""

import csv
import resource
import tempfile
import time
import tracemalloc as _tracemalloc
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pendopo.procurement import services
from pendopo.procurement.demo import FILES
from pendopo.procurement.flags import recompute_red_flags
from pendopo.regions.models import Regency


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Ukur waktu dan memori impor N paket non-tender plus penghitungan tanda risiko."

    def add_arguments(self, parser):
        parser.add_argument("--packages", type=int, default=20_000)
        parser.add_argument("--regency", default="32.04")
        parser.add_argument(
            "--tracemalloc",
            action="store_true",
            help="ukur puncak memori Python dengan tracemalloc (memperlambat 3–5 kali)",
        )

    def handle(self, *args, packages, regency, tracemalloc: bool, **options):
        trace = tracemalloc

        target = Regency.objects.filter(code=regency).first()
        if target is None:
            raise CommandError(f"Kabupaten/kota {regency} belum diimpor (jalankan load_regions).")
        with (services.DATA_DIR / FILES["nontender"]).open(encoding="utf-8") as f:
            reader = csv.DictReader(f)
            header, rows = reader.fieldnames, list(reader)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "benchmark_nontender.csv"
            with path.open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=header)
                writer.writeheader()
                for n in range(packages):
                    row = dict(rows[n % len(rows)])
                    row["kd_nontender"] = str(90_000_000_000 + n)
                    writer.writerow(row)
            if trace:
                _tracemalloc.start()
            started = time.perf_counter()
            try:
                with transaction.atomic():
                    result = services.import_non_tenders(regency=target, path=path)
                    imported = time.perf_counter()
                    flags = recompute_red_flags(regency=target)
                    recomputed = time.perf_counter()
                    raise Rollback
            except Rollback:
                pass
            peak = _tracemalloc.get_traced_memory()[1] if trace else None
            if trace:
                _tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(
            f"{packages} paket: baru {result.counts['created']}, {flags} tanda risiko\n"
            f"impor (validasi, tulis, lalu hitung semua tanda risiko): "
            f"{imported - started:.1f} s; hitung ulang tanda risiko saja: "
            f"{recomputed - imported:.1f} s\n"
            + (
                f"puncak memori Python (tracemalloc): {peak / 1024 / 1024:.1f} MB; "
                if trace
                else ""
            )
            + f"RSS maksimum proses: {rss:.0f} MB\n"
            "Semua perubahan dibatalkan (rollback)."
        )
