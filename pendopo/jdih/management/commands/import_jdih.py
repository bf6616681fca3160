from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from pendopo.core.csvimport import ImportFailed
from pendopo.core.errors import DomainError
from pendopo.jdih.selectors.listing import jdih_index_for_site
from pendopo.jdih.services.imports import import_legal_documents


class Command(BaseCommand):
    help = (
        "Impor produk hukum dari CSV berbentuk regulasi_daerah_contoh.csv ke perpustakaan JDIH "
        "sebuah situs. Semua baris divalidasi; bila ada yang salah tidak ada yang ditulis."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--hostname", default=None, help="Nama host situs (bawaan: situs utama)."
        )

    def handle(self, *args, path, hostname, **options):
        site = (
            Site.objects.filter(hostname=hostname).first()
            if hostname
            else Site.objects.filter(is_default_site=True).first()
        )
        index = jdih_index_for_site(site)
        if index is None:
            raise CommandError("Situs ini belum memiliki halaman JDIH; jalankan load_jdih_demo.")
        try:
            result = import_legal_documents(path=path, index=index)
        except (DomainError, ImportFailed) as exc:
            raise CommandError(str(exc)) from exc
        for line in result.lines():
            self.stdout.write(line)
