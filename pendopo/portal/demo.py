"""Demonstration content for a regency portal, built by code so it cannot drift from the models.

Everything made here is marked as demonstration content: the site-wide notice, and a first
paragraph on every item. Real data (regions, agencies) comes from the loaders, not from here.
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from pendopo.agencies.models import Agency, AgencyPage
from pendopo.agenda.models import EventPage
from pendopo.core.demo import (
    DEMO_EDITOR_USERNAME,
    DEMO_MODERATOR_USERNAME,
    DEMO_NOTICE,
    DEMO_PORTAL_EDITOR_USERNAME,
    DEMO_USERNAME,
    DemoReport,
    _add_once,
    _body,
    _demo_document,
    _demo_image,
)
from pendopo.core.models import SiteSettings
from pendopo.core.services import PORTAL_EDITORS_GROUP
from pendopo.news.models import AnnouncementPage, NewsPage
from pendopo.portal.models import LeadersPage, Official
from pendopo.portal.services import ensure_portal

NEWS = [
    ("Festival budaya digelar di Taman Blambangan", "Ribuan warga menghadiri festival budaya."),
    (
        "Layanan administrasi kependudukan buka hari Sabtu",
        "Warga dapat mengurus dokumen di akhir pekan.",
    ),
    (
        "Perbaikan jalan poros kecamatan dimulai",
        "Pekerjaan pembangunan jalan dijadwalkan tiga bulan.",
    ),
    ("Pemkab salurkan bantuan benih untuk petani", "Bantuan diberikan kepada kelompok tani."),
    ("Pelatihan UMKM pemasaran daring", "Pelaku usaha mikro belajar berjualan secara daring."),
    ("Posyandu remaja diperluas ke seluruh kecamatan", "Program kesehatan remaja menjangkau desa."),
    ("Lomba desa wisata tingkat kabupaten", "Desa-desa wisata bersaing menampilkan potensi."),
    ("Pembangunan sekolah dasar baru di wilayah selatan", "Gedung sekolah baru siap dipakai."),
    ("Sosialisasi keterbukaan informasi publik", "PPID menjelaskan cara meminta informasi."),
    ("Bupati meninjau pelayanan di mal pelayanan publik", "Peninjauan layanan perizinan terpadu."),
    ("Gerakan menanam pohon di daerah aliran sungai", "Relawan menanam bibit di bantaran sungai."),
    ("Penyuluhan sadar bencana di sekolah", "Siswa berlatih evakuasi gempa dan tsunami."),
]

AGENCY_NEWS = {
    "dinkes": [
        ("Vaksinasi anak sekolah di puskesmas", "Imunisasi dilayani di semua puskesmas."),
        ("Puskesmas keliling melayani desa terpencil", "Layanan kesehatan menjangkau desa jauh."),
    ],
    "diskominfo": [
        ("Wi-Fi publik ditambah di balai desa", "Akses internet gratis bagi warga desa."),
    ],
    "pendidikan": [
        ("Pendaftaran beasiswa siswa berprestasi dibuka", "Beasiswa untuk siswa SMP dan SMA."),
    ],
}


def load_demo(*, port: int | None = None) -> DemoReport:
    """Fill the regency portal with clearly marked demonstration content (idempotent)."""
    report = DemoReport()
    port = settings.PENDOPO_SITE_PORT if port is None else port
    with transaction.atomic():
        portal = ensure_portal(regency_code=settings.PENDOPO_REGENCY_CODE, port=port)
        home, sections = portal.home, portal.sections
        Site.objects.filter(pk=portal.site.pk).update(port=port)
        Site.objects.filter(root_page__in=AgencyPage.objects.all()).update(port=port)
        site_settings = SiteSettings.for_site(portal.site)
        site_settings.tagline = "The Sunrise of Java"
        site_settings.demo_notice = DEMO_NOTICE
        site_settings.x_handle = "banyuwangi_kab"
        site_settings.address = "Jl. Ahmad Yani No. 100, Banyuwangi (contoh)"
        site_settings.save()

        if not home.intro:
            home.intro = (
                "Portal resmi pemerintah daerah: berita, pengumuman, agenda, produk hukum dan "
                "layanan publik dari seluruh perangkat daerah dalam satu tempat."
            )
            home.quick_links = [
                (
                    "link",
                    {
                        "title": "Perangkat Daerah",
                        "description": "Dinas, badan dan kecamatan",
                        "page": sections["perangkat-daerah"],
                        "url": "",
                    },
                ),
                (
                    "link",
                    {
                        "title": "Kecamatan dan Desa",
                        "description": "25 kecamatan, 217 desa/kelurahan",
                        "page": sections["wilayah"],
                        "url": "",
                    },
                ),
                (
                    "link",
                    {
                        "title": "Pengumuman",
                        "description": "Yang sedang berlaku",
                        "page": sections["pengumuman"],
                        "url": "",
                    },
                ),
                (
                    "link",
                    {
                        "title": "Agenda",
                        "description": "Kegiatan pemerintah daerah",
                        "page": sections["agenda"],
                        "url": "",
                    },
                ),
            ]
            home.save_revision().publish()
            report.add("beranda")

        for key, text in [
            (
                "profil",
                "Selayang pandang daerah: sejarah, visi dan misi, pimpinan, geografi dan wilayah.",
            ),
            (
                "sejarah",
                "Hari jadi daerah diperingati setiap 18 Desember, merujuk peristiwa tahun 1771.",
            ),
            ("visi-misi", "Visi dan misi kepala daerah sesuai RPJMD yang berlaku."),
        ]:
            page = sections[key]
            if not page.intro:
                page.intro = text
                page.body = _body(text, "Teks lengkap diisi oleh editor portal.")
                page.save_revision().publish()
                report.add("profil")

        leaders: LeadersPage = sections["pimpinan"]
        if not leaders.officials.exists():
            leaders.intro = (
                "Pimpinan daerah menurut jabatan. Contoh: periksa SK pelantikan terbaru."
            )
            for position, name in [
                ("Bupati", "Ipuk Fiestiandani"),
                ("Wakil Bupati", "Mujiono"),
                ("Sekretaris Daerah", "Guntur Priambodo"),
            ]:
                leaders.officials.add(
                    Official(
                        position=position,
                        name=name,
                        term="2025–2030" if position != "Sekretaris Daerah" else "",
                    )
                )
            leaders.save_revision().publish()
            report.add("pimpinan")

        geography = sections["geografi"]
        if not geography.intro:
            geography.intro = "Letak, luas dan kependudukan daerah menurut data resmi terbaru."
            geography.save_revision().publish()

        today = timezone.localdate()
        diskominfo = Agency.objects.filter(slug="diskominfo").first()
        collection = diskominfo.collection if diskominfo else None
        images = [
            _demo_image(f"Foto contoh {i + 1}", colour, collection, report)
            for i, colour in enumerate([(11, 79, 138), (27, 94, 32), (138, 60, 11)])
        ]
        for i, (title, intro) in enumerate(NEWS):
            _add_once(
                sections["berita"],
                NewsPage(
                    title=title,
                    slug=f"contoh-berita-{i + 1}",
                    date=today - datetime.timedelta(days=i * 2),
                    intro=f"{intro} (Contoh.)",
                    image=images[i % len(images)] if i < 6 else None,
                    body=_body(intro, "Isi berita lengkap ditulis oleh editor."),
                ),
                report,
                "berita",
            )
        for slug, items in AGENCY_NEWS.items():
            agency_page = AgencyPage.objects.filter(agency__slug=slug).first()
            if agency_page is None:
                continue
            news_index = agency_page.get_children().get(slug="berita")
            for i, (title, intro) in enumerate(items):
                _add_once(
                    news_index,
                    NewsPage(
                        title=title,
                        slug=f"contoh-{slug}-{i + 1}",
                        date=today - datetime.timedelta(days=i + 1),
                        intro=f"{intro} (Contoh.)",
                        body=_body(intro),
                    ),
                    report,
                    "berita",
                )

        announcements = [
            ("Jadwal pelayanan selama libur nasional", 0, 20),
            ("Penerimaan calon peserta pelatihan kerja", -3, 14),
            ("Pemadaman listrik terencana di wilayah kota", -1, 2),
            ("Penutupan sementara jalan untuk festival", 2, 5),
            ("Seleksi terbuka jabatan pimpinan tinggi", -40, -10),
        ]
        for i, (title, start, end) in enumerate(announcements):
            _add_once(
                sections["pengumuman"],
                AnnouncementPage(
                    title=title,
                    slug=f"contoh-pengumuman-{i + 1}",
                    valid_from=today + datetime.timedelta(days=start),
                    valid_until=today + datetime.timedelta(days=end),
                    intro=f"{title}. (Contoh.)",
                    body=_body(title),
                ),
                report,
                "pengumuman",
            )

        agencies = {
            a.slug: a for a in Agency.objects.filter(slug__in=["dinkes", "diskominfo", "bpbd"])
        }
        now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
        events = [
            (
                "Rapat koordinasi penanggulangan bencana",
                2,
                9,
                "Pendopo Sabha Swagata Blambangan",
                "bpbd",
            ),
            ("Pelayanan kesehatan gratis di alun-alun", 5, 7, "Taman Blambangan", "dinkes"),
            (
                "Bimbingan teknis pengelola situs perangkat daerah",
                8,
                13,
                "Aula Diskominfo",
                "diskominfo",
            ),
            ("Musyawarah perencanaan pembangunan kabupaten", 12, 8, "Gedung Juang", None),
            ("Upacara hari jadi daerah", 20, 7, "Taman Blambangan", None),
            ("Sosialisasi layanan pengaduan masyarakat", -6, 9, "Aula Diskominfo", "diskominfo"),
        ]
        for i, (title, days, hour, place, organiser) in enumerate(events):
            start = (now + datetime.timedelta(days=days)).replace(hour=hour)
            _add_once(
                sections["agenda"],
                EventPage(
                    title=title,
                    slug=f"contoh-agenda-{i + 1}",
                    start=start,
                    end=start + datetime.timedelta(hours=3),
                    location=place,
                    organiser=agencies.get(organiser) if organiser else None,
                    intro=f"{title}. (Contoh.)",
                    body=_body(title),
                ),
                report,
                "agenda",
            )

        dinkes = agencies.get("dinkes")
        if dinkes is not None:
            _demo_document(
                "Jadwal puskesmas keliling (contoh)",
                "hari,desa\nSenin,Contoh\n",
                dinkes.collection,
                report,
            )

        report.password = _demo_accounts(dinkes)
    return report


def _demo_accounts(dinkes: Agency | None) -> str:
    """Create or reset the demo superuser and a Dinkes editor; return the new password."""
    User = get_user_model()
    password = secrets.token_urlsafe(12)
    admin, _ = User.objects.get_or_create(
        username=DEMO_USERNAME, defaults={"email": "admin@example.invalid"}
    )
    admin.is_staff = admin.is_superuser = True
    admin.set_password(password)
    admin.save()
    if dinkes is not None and dinkes.editors_group is not None:
        editor, _ = User.objects.get_or_create(
            username=DEMO_EDITOR_USERNAME,
            defaults={"email": "editor.dinkes@example.invalid", "first_name": "Editor Dinkes"},
        )
        editor.set_password(password)
        editor.save()
        editor.groups.add(dinkes.editors_group)
    # Publishing (issue 4): the Dinkes moderator approves; the portal editor approves what
    # goes on the regency front page.
    for username, group_name in [
        (DEMO_MODERATOR_USERNAME, f"Moderator {dinkes.name}" if dinkes else ""),
        (DEMO_PORTAL_EDITOR_USERNAME, PORTAL_EDITORS_GROUP),
    ]:
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        user, _ = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.invalid"}
        )
        user.set_password(password)
        user.save()
        user.groups.add(group)
    return password
