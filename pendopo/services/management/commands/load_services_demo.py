from django.core.management.base import BaseCommand

from pendopo.services.demo import load_services_demo


class Command(BaseCommand):
    help = "Muat contoh standar pelayanan (demonstrasi) untuk beberapa perangkat daerah."

    def handle(self, *args, **options):
        created = load_services_demo()
        if options["verbosity"] > 0:
            self.stdout.write(f"standar pelayanan contoh: {created} dibuat")
