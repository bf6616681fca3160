from django.core.management.base import BaseCommand

from pendopo.complaints.demo import load_complaints_demo


class Command(BaseCommand):
    help = "Kasus pengaduan demonstrasi di setiap status dan beberapa perangkat daerah."

    def handle(self, *args, **options):
        report = load_complaints_demo()
        if "skipped" in report:
            self.stdout.write("Portal belum ada; jalankan load_demo dahulu.")
            return
        self.stdout.write(f"{report['created']} kasus demonstrasi dibuat.")
        if options["verbosity"] > 0:
            self.stdout.write(
                "Akun: koordinator, penghubung-dinkes, penghubung-dinaspu, … "
                f"kata sandi: {report['password']}"
            )
