from django.core.management.base import BaseCommand

from pendopo.api.demo import load_feeds_demo


class Command(BaseCommand):
    help = "Konten demonstrasi umpan: kategori berita, agenda pimpinan, acara sehari penuh."

    def handle(self, *args, **options):
        report = load_feeds_demo()
        for label, count in sorted(report.created.items()):
            self.stdout.write(f"{label}: {count} dibuat")
        if not report.created:
            self.stdout.write("Konten demonstrasi umpan sudah ada.")
