"""Demonstration PPID content, built by code through the services (marked ``is_demo``).

Items in all four categories for the regency and several agencies (one berkala item is stale,
one serta-merta item raises the banner), requests in every status, objections, disputes and a
published yearly report for the previous budget year. Idempotent: nothing is added twice.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from pendopo.core.calendar import get_calendar
from pendopo.core.demo import DEMO_EDITOR_USERNAME
from pendopo.ppid import services
from pendopo.ppid.models import (
    AnnualReport,
    InformationItem,
    InformationRequest,
    OfficeRole,
    PpidOffice,
)
from pendopo.ppid.states import RequestStatus

MARK = "Contoh (demonstrasi): "
AGENCY_SLUGS = ["dinkes", "diskominfo", "dispendukcapil", "pendidikan", "bappeda"]

ITEMS = [
    # (category, title, summary, holding unit, formats, retention, extra fields)
    (
        "berkala",
        "Laporan Realisasi Anggaran semester I",
        "Realisasi pendapatan dan belanja per program sampai 30 Juni.",
        "Subbagian Keuangan",
        "softcopy",
        "10 tahun",
        {},
    ),
    (
        "berkala",
        "Rencana Kerja (Renja) tahunan",
        "Program, kegiatan, indikator dan pagu indikatif tahun berjalan.",
        "Subbagian Perencanaan",
        "softcopy",
        "5 tahun",
        {},
    ),
    (
        "setiap_saat",
        "Standar Operasional Prosedur pelayanan",
        "Kumpulan SOP pelayanan kepada masyarakat.",
        "Sekretariat",
        "softcopy_hardcopy",
        "Selama berlaku",
        {},
    ),
    (
        "serta_merta",
        "Pemberitahuan keadaan darurat di wilayah kerja",
        "Informasi yang mengancam hajat hidup orang banyak: lokasi, tindakan yang harus diambil "
        "warga dan nomor kontak darurat.",
        "Pimpinan perangkat daerah",
        "softcopy",
        "1 tahun",
        {},
    ),
    (
        "dikecualikan",
        "Data pribadi pegawai dan pengguna layanan",
        "NIK, alamat, riwayat kesehatan dan data pribadi lain.",
        "Sekretariat",
        "hardcopy",
        "Sesuai JRA",
        {
            "exemption_ground": "h",
            "consequence_test": "Membuka data ini mengungkap rahasia pribadi (Pasal 17 huruf h); "
            "kerugiannya lebih besar daripada manfaat membukanya.",
        },
    ),
]


def _item_fields(category, title, summary, unit, formats, retention, extra, *, today):
    return {
        "category": category,
        "title": MARK + title,
        "summary": summary,
        "holding_unit": unit,
        "responsible_person": "PPID Pelaksana",
        "production": f"{today.year}, Banyuwangi",
        "formats": formats,
        "retention": retention,
        "last_updated_on": today - datetime.timedelta(days=30),
        "is_demo": True,
        **extra,
    }


@transaction.atomic
def load_ppid_demo(*, regency) -> dict[str, int]:
    """Create the demonstration content once; returns counts of what was created."""
    counts = {"informasi": 0, "permohonan": 0, "keberatan": 0, "sengketa": 0, "laporan": 0}
    services.ensure_ppid_offices(regency=regency)
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    editor = get_user_model().objects.filter(username=DEMO_EDITOR_USERNAME).first()
    agencies = list(regency.agencies.filter(slug__in=AGENCY_SLUGS))
    dinkes = next((a for a in agencies if a.slug == "dinkes"), None)
    if editor is not None and dinkes is not None:
        office = PpidOffice.objects.get(agency=dinkes, role=OfficeRole.PELAKSANA)
        editor.groups.add(office.group)
    today = timezone.localdate()

    if not InformationItem.objects.filter(regency=regency, is_demo=True).exists():
        for agency in [None, *agencies]:
            for spec in ITEMS:
                InformationItem.objects.create(
                    regency=regency, agency=agency, **_item_fields(*spec, today=today)
                )
                counts["informasi"] += 1
        InformationItem.objects.create(
            regency=regency,
            agency=None,
            **_item_fields(
                "berkala",
                "Profil pemerintah daerah (belum diperbarui)",
                "Struktur organisasi, tugas dan fungsi. Sengaja dibuat usang untuk menunjukkan "
                "penandaan informasi berkala yang lebih dari 6 bulan.",
                "Bagian Organisasi",
                "softcopy",
                "Permanen",
                {},
                today=today,
            )
            | {"last_updated_on": services.stale_cutoff(today) - datetime.timedelta(days=20)},
        )
        InformationItem.objects.create(
            regency=regency,
            agency=None,
            show_alert=True,
            alert_until=timezone.now() + datetime.timedelta(days=30),
            **_item_fields(
                "serta_merta",
                "Peringatan dini cuaca ekstrem dan jalur evakuasi",
                "Informasi serta-merta (UU 14/2008 Pasal 10): potensi hujan lebat dan angin "
                "kencang; jalur evakuasi dan posko pengungsian. Konten contoh, bukan peringatan "
                "resmi.",
                "BPBD",
                "softcopy",
                "1 tahun",
                {},
                today=today,
            ),
        )
        counts["informasi"] += 2
        services.flag_stale_berkala(timezone.now())

    if (
        admin is not None
        and not InformationRequest.objects.filter(regency=regency, is_demo=True).exists()
    ):
        counts.update(_demo_requests(regency=regency, agencies=agencies, admin=admin))
    return counts


def _demo_requests(*, regency, agencies, admin) -> dict[str, int]:
    calendar = get_calendar()
    now = timezone.now()
    counts = {"permohonan": 0, "keberatan": 0, "sengketa": 0, "laporan": 0}

    def submit(days_ago: int, topic: str, agency, year_offset: int = 0):
        received = now - datetime.timedelta(days=days_ago + 365 * year_offset)
        request, _code = services.submit_request(
            regency=regency,
            agency=agency,
            received_at=received,
            is_demo=True,
            data={
                "requester_kind": "perorangan",
                "requester_name": "Pemohon Contoh",
                "identity_number": "3510000000000000",
                "address": "Alamat contoh",
                "email": "pemohon@example.org",
                "topic": MARK + topic,
                "details": f"{topic} (permohonan contoh)",
                "purpose": "Contoh demonstrasi",
                "obtain_method": "salinan_softcopy",
                "receive_method": "email",
            },
        )
        counts["permohonan"] += 1
        return request

    def decided_at(request, working_days):
        day = calendar.add_working_days(
            calendar.next_working_day(request.received_at.date()), working_days
        )
        return datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)

    pick = agencies * 3 or [None]
    submit(1, "Jadwal posyandu bulan ini", pick[0])
    services.start_processing(request=submit(3, "Data stunting per desa", pick[1]), by=admin)
    services.extend_deadline(
        request=submit(12, "Dokumen AMDAL proyek jalan", pick[2]),
        by=admin,
        days=5,
        reason="Dokumen berada di arsip dan perlu dipindai.",
    )
    submit(40, "Daftar penerima bantuan sosial (terlambat)", pick[3])
    decisions = [
        (RequestStatus.GRANTED, {}),
        (
            RequestStatus.PARTLY_GRANTED,
            {
                "exemption_ground": "h",
                "consequence_test": "Nama pasien adalah rahasia pribadi.",
                "redacted_parts": "Nama dan NIK pasien dihitamkan.",
            },
        ),
        (
            RequestStatus.REFUSED,
            {"exemption_ground": "a", "consequence_test": "Masih dalam penyidikan."},
        ),
        (RequestStatus.NOT_HELD, {"holding_body": "Badan Pusat Statistik Kabupaten Banyuwangi"}),
        (RequestStatus.NOT_DOCUMENTED, {}),
    ]
    for index, (decision, extra) in enumerate(decisions):
        for year_offset in (0, 1):
            request = submit(
                30 + index, f"Permohonan {decision.label.lower()}", pick[index], year_offset
            )
            request = services.decide_request(
                request=request,
                by=admin,
                decision=decision,
                note="Pemberitahuan tertulis contoh.",
                at=decided_at(request, 4 + index),
                **extra,
            )
            if decision == RequestStatus.GRANTED and year_offset == 1:
                services.record_delivery(request=request, by=admin, note="Dikirim melalui e-mail")
            if decision == RequestStatus.REFUSED and year_offset == 0:
                objection = services.file_objection(
                    request=request, ground="a", statement="Keberatan contoh.", is_demo=True
                )
                counts["keberatan"] += 1
                objection = services.answer_objection(
                    objection=objection,
                    by=admin,
                    overrule=False,
                    reasons="Informasi masih dikecualikan (contoh).",
                    atasan_name="Sekretaris Daerah (contoh)",
                    atasan_position="Sekretaris Daerah",
                )
                services.record_dispute(
                    objection=objection,
                    by=admin,
                    registered_on=timezone.localdate(),
                    ki_number="001/REG-PSI/CONTOH",
                    is_demo=True,
                )
                counts["sengketa"] += 1
            if decision == RequestStatus.PARTLY_GRANTED and year_offset == 0:
                services.file_objection(
                    request=request, ground="d", statement="Keberatan contoh.", is_demo=True
                )
                counts["keberatan"] += 1

    year = timezone.localdate().year - 1
    report, created = AnnualReport.objects.get_or_create(regency=regency, year=year)
    if created:
        for name in AnnualReport.SECTIONS:
            setattr(report, name, "Teks contoh (demonstrasi) untuk bagian ini.")
        report.save()
        services.publish_annual_report(report=report, by=admin)
        counts["laporan"] += 1
    return counts
