from django.core.management.base import BaseCommand, CommandError

from pendopo.core.demo import DEMO_EDITOR_USERNAME, DEMO_USERNAME
from pendopo.core.errors import DomainError
from pendopo.portal.demo import load_demo


class Command(BaseCommand):
    help = "Isi portal dengan konten demonstrasi (berita, pengumuman, agenda) dan akun demo."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=None, help="Port server pengembangan.")

    def handle(self, *args, port, **options):
        try:
            report = load_demo(port=port)
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        for label, count in sorted(report.created.items()):
            self.stdout.write(f"{label}: {count} dibuat")
        if not report.created:
            self.stdout.write("Konten demonstrasi sudah ada; tidak ada yang dibuat ulang.")
        host = f"127.0.0.1:{port}" if port else "127.0.0.1:8000"
        self.stdout.write(
            self.style.SUCCESS(
                f"\nMasuk ke http://{host}/admin/ sebagai '{DEMO_USERNAME}' "
                f"atau '{DEMO_EDITOR_USERNAME}' (editor Dinas Kesehatan), "
                "'moderator.dinkes' (moderator Dinas Kesehatan), "
                "'editor.portal' (editor portal), "
                f"kata sandi: {report.password}\n"
                "(kata sandi dibuat ulang setiap kali load_demo dijalankan)"
            )
        )
