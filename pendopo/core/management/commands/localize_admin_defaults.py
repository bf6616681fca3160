from django.core.management.base import BaseCommand
from django.utils import translation

from pendopo.core.admin_locale import localize_admin_defaults


class Command(BaseCommand):
    help = (
        "Beri nama Indonesia pada grup, alur kerja persetujuan dan tugas bawaan Wagtail "
        "(Moderators, Editors, Moderators approval). Aman dijalankan berulang."
    )

    def handle(self, *args, **options):
        with translation.override("id"):
            renamed = localize_admin_defaults()
        for line in renamed:
            self.stdout.write(line)
        if not renamed:
            self.stdout.write("Tidak ada yang perlu diganti namanya.")
