from django.core.management.base import BaseCommand, CommandError

from pendopo.core.csvimport import ImportFailed
from pendopo.core.errors import DomainError
from pendopo.jdih.demo import load_jdih_demo


class Command(BaseCommand):
    help = (
        "Buat perpustakaan JDIH (/jdih/), impor contoh regulasi Banyuwangi yang nyata dan "
        "lampirkan PDF peraga (contoh demonstrasi, bukan naskah resmi)."
    )

    def handle(self, *args, **options):
        try:
            index, result = load_jdih_demo()
        except (DomainError, ImportFailed) as exc:
            raise CommandError(str(exc)) from exc
        for line in result.lines():
            self.stdout.write(line)
        url = index.get_full_url() or index.url_path
        self.stdout.write(self.style.SUCCESS(f"JDIH siap di {url}"))
