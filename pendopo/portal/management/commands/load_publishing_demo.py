from django.core.management.base import BaseCommand

from pendopo.portal.publishing_demo import load_publishing_demo


class Command(BaseCommand):
    help = "Muat contoh tag, galeri foto/video, unduhan dan lampiran (demonstrasi)."

    def handle(self, *args, **options):
        made = load_publishing_demo()
        if options["verbosity"] > 0:
            for label, count in sorted(made.items()):
                self.stdout.write(f"{label}: {count} dibuat")
