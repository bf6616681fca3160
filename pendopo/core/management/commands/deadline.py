"""Check a legal deadline by hand: the due date, then every non-working day it skipped."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pendopo.core.calendar import CalendarError, get_calendar, zone_named


def _received(value: str, zone: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--received tidak sah: {value!r} (contoh: 2026-03-16T09:00)") from exc
    if moment.tzinfo is None:  # a time typed by staff is in the site's zone
        try:
            moment = moment.replace(tzinfo=zone_named(zone))
        except CalendarError as exc:
            raise CommandError(str(exc)) from exc
    return moment


class Command(BaseCommand):
    help = (
        "Hitung tenggat dari waktu penerimaan: cetak tanggal (ISO) lalu hari libur yang "
        "dilewati. Contoh: manage.py deadline --received 2026-03-16T09:00 --working-days 10"
    )

    def add_arguments(self, parser):
        parser.add_argument("--received", required=True, help="Waktu penerimaan (ISO 8601).")
        period = parser.add_mutually_exclusive_group(required=True)
        period.add_argument("--working-days", type=int, help="Jumlah hari kerja.")
        period.add_argument("--calendar-days", type=int, help="Jumlah hari kalender.")
        parser.add_argument(
            "--cuti-bersama",
            choices=["non-working", "working"],
            default=None,
            help="Cuti bersama dihitung libur (bawaan) atau hari kerja.",
        )
        parser.add_argument("--time-zone", default=settings.TIME_ZONE)
        parser.add_argument("--rule", default="periksa manual")

    def handle(
        self, *args, received, working_days, calendar_days, cuti_bersama, time_zone, rule, **o
    ):
        non_working = None if cuti_bersama is None else cuti_bersama == "non-working"
        calendar = get_calendar(cuti_bersama_non_working=non_working)
        moment = _received(received, time_zone)
        try:
            if working_days is not None:
                deadline = calendar.deadline(
                    moment, working_days=working_days, rule=rule, time_zone=time_zone
                )
            else:
                deadline = calendar.calendar_deadline(
                    moment, calendar_days=calendar_days, rule=rule, time_zone=time_zone
                )
        except CalendarError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(deadline.due_on.isoformat())
        self.stdout.write(
            f"{deadline.amount} {deadline.unit} sejak {deadline.received_on.isoformat()} "
            f"(hari ke-0: {deadline.day_zero.isoformat()}, zona {deadline.time_zone}, "
            f"cuti bersama {'libur' if calendar.cuti_bersama_non_working else 'hari kerja'})"
        )
        for day in deadline.skipped:
            self.stdout.write(f"  dilewati {day.describe()}")
