from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pendopo.core.csvimport import ImportFailed
from pendopo.core.errors import DomainError
from pendopo.procurement.demo import BANDUNG_HOST, load_bandung


class Command(BaseCommand):
    help = (
        "Buat situs Kabupaten Bandung (bandungkab.localhost) dengan kecamatan, perangkat "
        "daerah dan satkernya, lalu impor data SPSE nyata Kab. Bandung 2025."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=settings.PENDOPO_SITE_PORT)
        parser.add_argument("--hostname", default=BANDUNG_HOST)

    def handle(self, *args, port, hostname, **options):
        try:
            lines = load_bandung(port=port, hostname=hostname)
        except (ImportFailed, DomainError) as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"]:
            for line in lines:
                self.stdout.write(line)
