"""Demonstration content for feeds and the agenda: news categories, the leaders' public agenda
and an all-day event (idempotent; runs after ``load_demo``)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from pendopo.agencies.models import AgencyPage
from pendopo.agenda.models import EventIndexPage, EventPage
from pendopo.core.demo import DemoReport, _add_once, _body
from pendopo.core.sites import home_page_model
from pendopo.news.models import NewsCategory, NewsPage

CATEGORIES = [
    ("Pemerintahan", "pemerintahan"),
    ("Kesehatan", "kesehatan"),
    ("Pariwisata dan budaya", "pariwisata"),
    ("Pendidikan", "pendidikan"),
]

LEADER_EVENTS = [
    ("Bupati membuka festival budaya", 3, 19, "Taman Blambangan", "bupati"),
    ("Wakil Bupati meninjau pelayanan posyandu", 4, 9, "Kecamatan Glagah", "wakil_bupati"),
    ("Sekretaris Daerah memimpin apel pagi", 1, 7, "Halaman Kantor Bupati", "sekda"),
]


def load_feeds_demo() -> DemoReport:
    """Categories on the demo news, three leaders' events and one two-day all-day event."""

    report = DemoReport()
    with transaction.atomic():
        categories = []
        for name, slug in CATEGORIES:
            category, created = NewsCategory.objects.get_or_create(
                slug=slug, defaults={"name": name}
            )
            categories.append(category)
            if created:
                report.add("kategori berita")
        for i, page in enumerate(
            NewsPage.objects.filter(slug__startswith="contoh-berita-", category=None).order_by("pk")
        ):
            page.category = categories[i % len(categories)]
            page.save_revision().publish()
            report.add("berita berkategori")

        home = home_page_model().objects.order_by("depth", "pk").first()
        agenda = EventIndexPage.objects.child_of(home).first() if home else None
        if agenda is None:
            return report
        now = timezone.localtime()
        for i, (title, days, hour, place, leader) in enumerate(LEADER_EVENTS):
            start = (now + datetime.timedelta(days=days)).replace(
                hour=hour, minute=0, second=0, microsecond=0
            )
            _add_once(
                agenda,
                EventPage(
                    title=title,
                    slug=f"contoh-agenda-pimpinan-{i + 1}",
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    location=place,
                    leader=leader,
                    intro=f"{title}. (Contoh.)",
                    body=_body(title),
                ),
                report,
                "agenda pimpinan",
            )
        first = (now + datetime.timedelta(days=9)).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        event = EventPage(
            title="Pameran produk UMKM daerah",
            slug="contoh-agenda-sepanjang-hari",
            start=first,
            end=first + datetime.timedelta(days=1),
            all_day=True,
            location="Gedung Juang",
            location_address="Jl. Ahmad Yani, Banyuwangi (contoh)",
            organiser_name="Asosiasi UMKM (contoh)",
            intro="Pameran dua hari penuh. (Contoh.)",
            body=_body("Pameran produk UMKM."),
        )
        event.start, event.end = event.whole_days()
        _add_once(agenda, event, report, "agenda sepanjang hari")

        dinkes = AgencyPage.objects.filter(agency__slug="dinkes").select_related("agency").first()
        dinkes_agenda = EventIndexPage.objects.child_of(dinkes).first() if dinkes else None
        if dinkes_agenda is not None:
            start = (now + datetime.timedelta(days=6)).replace(
                hour=8, minute=0, second=0, microsecond=0
            )
            _add_once(
                dinkes_agenda,
                EventPage(
                    title="Posyandu keliling di Kecamatan Kabat",
                    slug="contoh-agenda-dinkes-1",
                    start=start,
                    end=start + datetime.timedelta(hours=4),
                    location="Balai Desa Kabat",
                    organiser=dinkes.agency,
                    intro="Pemeriksaan balita dan ibu hamil. (Contoh.)",
                    body=_body("Posyandu keliling."),
                ),
                report,
                "agenda perangkat daerah",
            )
    return report
