"""Demonstration cases in every status across several agencies (``load_complaints_demo``).

Every case is ``is_demo=True`` and shows a "demo" badge on public pages. Idempotent: cases are
keyed by a fixed nonce, so a second run changes nothing.
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from pendopo.agencies.models import Agency
from pendopo.complaints import jobs, rules, services
from pendopo.complaints.models import Case, Category, Liaison, SavedReply
from pendopo.complaints.permissions import COORDINATOR_GROUP
from pendopo.core.models import Event, SiteSettings

LIAISON_AGENCIES = ["dinkes", "dinaspu", "dispendukcapil", "pendidikan", "dlh"]

# (key, agency, category, kind, subject, body, steps, days ago received, flags)
CASES = [
    (
        "01",
        None,
        "kesehatan",
        "question",
        "Jam buka puskesmas pada hari Sabtu",
        "Apakah Puskesmas Genteng tetap buka pada hari Sabtu? Saya bekerja pada hari biasa.",
        [],
        1,
        {},
    ),
    (
        "02",
        None,
        "infrastruktur",
        "complaint",
        "Lampu penerangan jalan mati di Jalan Ahmad Yani",
        "Sudah dua minggu lampu penerangan jalan di depan pasar mati sehingga rawan kecelakaan.",
        [],
        9,
        {},
    ),
    (
        "03",
        None,
        "lainnya",
        "aspiration",
        "Usulan taman baca di balai desa",
        "Kami mengusulkan taman baca anak di balai desa, perlu dicek kewenangannya.",
        [("hold", 1)],
        4,
        {},
    ),
    (
        "04",
        "dinaspu",
        "infrastruktur",
        "complaint",
        "Jalan berlubang di Desa Kembiritan",
        "Jalan poros desa berlubang besar dan tergenang air saat hujan.",
        [("verify", 1)],
        2,
        {},
    ),
    (
        "05",
        "dinkes",
        "kesehatan",
        "complaint",
        "Antrean obat di RSUD terlalu lama",
        "Antrean pengambilan obat lebih dari tiga jam setiap pagi.",
        [("verify", 1)],
        16,
        {},
    ),
    (
        "06",
        "dispendukcapil",
        "kependudukan",
        "question",
        "Syarat mengurus KTP-el yang hilang",
        "KTP saya hilang. Apa saja syaratnya dan apakah bisa diurus di kecamatan?",
        [("verify", 1), ("follow_up", 2)],
        5,
        {},
    ),
    (
        "07",
        "pendidikan",
        "pendidikan",
        "question",
        "Jadwal pendaftaran sekolah dasar negeri",
        "Kapan pendaftaran murid baru SD negeri tahun ini dibuka?",
        [("verify", 1), ("follow_up", 3), ("rate", 5)],
        30,
        {},
    ),
    (
        "08",
        "dlh",
        "lingkungan",
        "complaint",
        "Sampah menumpuk di tepi sungai",
        "Sampah rumah tangga menumpuk di tepi sungai dekat jembatan dan berbau.",
        [("verify", 1), ("follow_up", 2), ("auto_close", 0)],
        40,
        {},
    ),
    (
        "09",
        "dinkes",
        "kesehatan",
        "complaint",
        "Ambulans desa tidak bisa dihubungi",
        "Nomor ambulans desa yang tertera di papan pengumuman tidak aktif.",
        [("verify", 1), ("follow_up", 2), ("reopen", 3)],
        20,
        {"is_anonymous": True},
    ),
    (
        "10",
        None,
        "lainnya",
        "complaint",
        "Sengketa tanah dengan tetangga",
        "Tetangga saya memasang pagar melewati batas tanah saya.",
        [("refer", 1)],
        12,
        {},
    ),
    (
        "11",
        None,
        "lainnya",
        "aspiration",
        "Laporan ganda: lampu jalan",
        "Laporan yang sama dengan laporan lampu jalan sebelumnya.",
        [("archive", 1)],
        11,
        {},
    ),
    (
        "12",
        None,
        "lainnya",
        "complaint",
        "Info slot gacor maxwin hari ini",
        "Daftar sekarang di www.contoh-slot.xyz bonus deposit togel judi online.",
        [],
        3,
        {},
    ),
    (
        "13",
        "dinkes",
        "kesehatan",
        "complaint",
        "Dugaan pungutan di layanan kesehatan",
        "Saya diminta membayar biaya tambahan tanpa kuitansi.",
        [("verify", 1), ("follow_up", 2)],
        8,
        {"is_confidential": True},
    ),
    (
        "14",
        "dispendukcapil",
        "kependudukan",
        "question",
        "Akta kelahiran anak lahir di luar kota",
        "Anak saya lahir di Surabaya. Di mana akta kelahirannya diurus?",
        [("verify", 1), ("follow_up", 9), ("rate", 3)],
        35,
        {"is_anonymous": True},
    ),
]

ANSWERS = {
    "06": "Syaratnya surat kehilangan dari kepolisian dan fotokopi KK. Bisa diurus di kantor "
    "kecamatan setiap hari kerja pukul 08.00–14.00.",
    "07": "Pendaftaran SD negeri dibuka bulan Juni melalui laman PPDB kabupaten.",
    "08": "Petugas kebersihan sudah mengangkut sampah dan memasang papan larangan membuang sampah.",
    "09": "Nomor ambulans desa sudah diperbarui di papan pengumuman balai desa.",
    "13": "Inspektorat dan Dinas Kesehatan sedang memeriksa laporan ini.",
    "14": "Akta kelahiran diurus di Dispendukcapil sesuai domisili orang tua, yaitu Banyuwangi.",
}


def _backdate(case: Case, at: datetime.datetime) -> None:
    last = (
        Event.objects.filter(
            content_type=ContentType.objects.get_for_model(Case), object_id=str(case.pk)
        )
        .order_by("-pk")
        .first()
    )
    if last is not None:
        Event.objects.filter(pk=last.pk).update(at=at)


def load_complaints_demo(*, stdout=None) -> dict:
    """Create demo staff (coordinator + liaisons) and demo cases; returns a small report."""
    site_settings = SiteSettings.objects.filter(regency__code=settings.PENDOPO_REGENCY_CODE).first()
    if site_settings is None:
        return {"skipped": "no portal"}
    regency = site_settings.regency
    coordinator, liaisons, password = _demo_staff(regency)
    created = 0
    now = timezone.now()
    for key, agency_slug, category_slug, kind, subject, body, steps, days_ago, flags in CASES:
        received = now - datetime.timedelta(days=days_ago, hours=2)
        submission = services.submit_case(
            regency=regency,
            nonce=f"pendopo-demo-case-{key}",
            kind=kind,
            category=Category.objects.get(slug=category_slug),
            subject=subject,
            body=body,
            reporter_name=["Siti Aminah", "Budi", "Ni Luh Putu Ayu", "Ahmad Fauzi"][int(key) % 4],
            reporter_phone="0812345678" + key,
            reporter_email=f"warga{key}@example.org",
            spam_score=_score(subject, body),
            is_demo=True,
            received_at=received,
            time_zone=site_settings.time_zone,
            **flags,
        )
        if not submission.created:
            continue
        created += 1
        case = submission.case
        _backdate(case, received)
        at = received
        for step, after in steps:
            at = at + datetime.timedelta(days=after)
            agency = Agency.objects.filter(regency=regency, slug=agency_slug).first()
            liaison = liaisons.get(agency_slug, coordinator)
            if step == "verify":
                case = services.verify_case(case=case, by=coordinator, agency=agency, now=at)
            elif step == "hold":
                case = services.hold_case(case=case, by=coordinator, reason="Menunggu kejelasan")
            elif step == "refer":
                case = services.refer_case(
                    case=case,
                    by=coordinator,
                    referral="Sengketa tanah antarwarga ditangani Kantor Pertanahan dan "
                    "mediasi di kantor desa.",
                )
            elif step == "archive":
                case = services.archive_case(case=case, by=coordinator, reason="Laporan ganda")
            elif step == "follow_up":
                case = services.post_follow_up(case=case, by=liaison, body=ANSWERS[key], now=at)
            elif step == "rate":
                case = services.rate_answer(case=case, score=after, comment="Terima kasih.")
                at = at - datetime.timedelta(days=after) + datetime.timedelta(days=1)
            elif step == "reopen":
                case = services.reply_as_reporter(
                    case=case, body="Nomor baru juga belum bisa dihubungi.", now=at
                )
            elif step == "auto_close":
                jobs.auto_close_cases(now)
                at = now
            _backdate(case, min(at, now))
    _home_quick_link(site_settings.site)
    SavedReply.objects.get_or_create(
        title="Sedang ditinjau",
        defaults={
            "body": "Terima kasih atas laporan Anda. Petugas kami sedang meninjau di lapangan "
            f"dan akan menyampaikan hasilnya paling lambat {rules.FOLLOW_UP.amount} hari kerja."
        },
    )
    return {"created": created, "password": password}


def _home_quick_link(site) -> None:
    """A "Tanya dan Pengaduan" shortcut on the demo home page (once)."""
    home = site.root_page.specific
    if not hasattr(home, "quick_links"):
        return
    url = site.root_url.rstrip("/") + "/pengaduan/"
    if any(block.value.get("url") == url for block in home.quick_links):
        return
    home.quick_links.append(
        (
            "link",
            {
                "title": "Tanya dan Pengaduan",
                "description": "Ajukan pertanyaan atau pengaduan, pantau jawabannya",
                "page": None,
                "url": url,
            },
        )
    )
    home.save_revision().publish()


def _score(subject: str, body: str) -> int:
    from pendopo.complaints.abuse import spam_score

    return spam_score(subject, body)


def _demo_staff(regency):
    User = get_user_model()
    password = secrets.token_urlsafe(12)
    group, _created = Group.objects.get_or_create(name=COORDINATOR_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="complaints", codename="coordinate_cases"),
    )
    coordinator, _created = User.objects.get_or_create(
        username="koordinator", defaults={"email": "koordinator@example.org"}
    )
    coordinator.set_password(password)
    coordinator.save()
    coordinator.groups.add(group)
    liaisons = {}
    for slug in LIAISON_AGENCIES:
        agency = Agency.objects.filter(regency=regency, slug=slug).first()
        if agency is None:
            continue
        user, _created = User.objects.get_or_create(
            username=f"penghubung-{slug}", defaults={"email": f"penghubung-{slug}@example.org"}
        )
        user.set_password(password)
        user.save()
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        Liaison.objects.get_or_create(user=user, agency=agency)
        liaisons[slug] = user
    return coordinator, liaisons, password
