"""Demonstration service standards for three agencies, shaped like published ones.

Real standards are set by each agency's decree (SK); these texts follow the usual shape of the
standards on SIPPN but are examples, and every page says so in its first paragraph.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction

from pendopo.agencies.models import AgencyPage
from pendopo.core.sites import ensure_portal
from pendopo.services.models import ServiceStandardPage
from pendopo.services.services import ensure_service_index

DEMO_MARK = "<p><em>Contoh (demonstrasi), bukan standar pelayanan resmi.</em></p>"


def _ul(*items: str) -> str:
    return DEMO_MARK + "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _p(text: str) -> str:
    return f"{DEMO_MARK}<p>{text}</p>"


COMMON = {
    "legal_basis": _ul(
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        "Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan",
    ),
    "facilities": _ul(
        "Ruang tunggu ber-AC dengan kursi prioritas",
        "Jalur landai dan toilet untuk penyandang disabilitas",
        "Ruang laktasi dan area bermain anak",
    ),
    "staff_competence": _ul(
        "Berpendidikan minimal SMA/sederajat", "Menguasai aplikasi layanan", "Ramah dan sopan"
    ),
    "internal_supervision": _p(
        "Pengawasan oleh atasan langsung secara berjenjang dan oleh Inspektorat Kabupaten."
    ),
    "complaint_handling": _ul(
        "Formulir pengaduan di situs ini (tombol di atas)",
        "Kotak saran di ruang pelayanan",
        "SP4N-LAPOR! di lapor.go.id atau SMS 1708",
    ),
    "service_guarantee": _p(
        "Pelayanan diberikan sesuai standar ini; bila tidak, warga dapat "
        "mengadukan dan pengaduan ditindaklanjuti paling lama 5 hari kerja."
    ),
    "safety_guarantee": _p(
        "Data pribadi pemohon dijaga kerahasiaannya; ruang layanan dilengkapi "
        "alat pemadam api, jalur evakuasi dan kamera pengawas."
    ),
    "performance_evaluation": _p(
        "Survei kepuasan masyarakat tiap semester dan evaluasi kinerja pelaksana tiap tahun."
    ),
    "maklumat": _p(
        "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan "
        "yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi "
        "sesuai peraturan perundang-undangan yang berlaku."
    ),
}

STANDARDS = {
    "dispendukcapil": [
        {
            "title": "Penerbitan Akta Kelahiran",
            "slug": "akta-kelahiran",
            "summary": "Pencatatan kelahiran dan penerbitan kutipan akta kelahiran. (Contoh.)",
            "requirements": _ul(
                "Surat keterangan kelahiran dari rumah sakit, puskesmas atau bidan",
                "Kartu Keluarga (KK)",
                "Buku nikah/akta perkawinan orang tua, atau SPTJM",
            ),
            "procedure": _ul(
                "Pemohon mengisi formulir F-2.01 di loket atau secara daring",
                "Petugas memverifikasi berkas",
                "Petugas mencetak akta dan menyerahkannya kepada pemohon",
            ),
            "completion_time": _p("Paling lama 1 (satu) hari kerja sejak berkas lengkap."),
            "fee": _p("Tidak dipungut biaya (gratis)."),
            "product": _p("Kutipan Akta Kelahiran."),
            "staff_count": _p("4 (empat) orang petugas loket dan 2 (dua) orang operator."),
            "decree_number": "188/001/KEP/429.106/2025 (contoh)",
        },
        {
            "title": "Penerbitan KTP Elektronik",
            "slug": "ktp-elektronik",
            "summary": "Perekaman dan pencetakan KTP-el bagi penduduk berusia 17 tahun. (Contoh.)",
            "requirements": _ul("Kartu Keluarga (KK)", "Berusia 17 tahun atau sudah menikah"),
            "procedure": _ul(
                "Perekaman data biometrik", "Verifikasi data", "Pencetakan dan penyerahan KTP-el"
            ),
            "completion_time": _p(
                "Paling lama 1 (satu) jam setelah perekaman bila blangko tersedia."
            ),
            "fee": _p("Tidak dipungut biaya (gratis)."),
            "product": _p("Kartu Tanda Penduduk Elektronik (KTP-el)."),
            "staff_count": _p("6 (enam) orang petugas perekaman dan pencetakan."),
            "decree_number": "188/002/KEP/429.106/2025 (contoh)",
        },
    ],
    "dinkes": [
        {
            "title": "Penerbitan Surat Keterangan Sehat",
            "slug": "surat-keterangan-sehat",
            "summary": "Pemeriksaan kesehatan dan surat keterangan sehat di puskesmas. (Contoh.)",
            "requirements": _ul("KTP-el atau kartu identitas lain", "Pas foto 3×4 (2 lembar)"),
            "procedure": _ul(
                "Pendaftaran di loket puskesmas",
                "Pemeriksaan fisik oleh dokter",
                "Penerbitan surat keterangan sehat",
            ),
            "completion_time": _p("Paling lama 60 (enam puluh) menit."),
            "fee": _p("Sesuai Peraturan Daerah tentang retribusi jasa umum (contoh: Rp10.000)."),
            "product": _p("Surat Keterangan Sehat."),
            "staff_count": _p("1 (satu) dokter dan 2 (dua) petugas administrasi tiap puskesmas."),
            "decree_number": "188/010/KEP/429.104/2025 (contoh)",
        },
    ],
    "dpmptspbwi": [
        {
            "title": "Perizinan Berusaha melalui OSS (NIB)",
            "slug": "nomor-induk-berusaha",
            "summary": "Pendampingan penerbitan Nomor Induk Berusaha lewat sistem OSS. (Contoh.)",
            "requirements": _ul("KTP-el pemilik usaha", "NPWP", "Alamat e-mail dan nomor ponsel"),
            "procedure": _ul(
                "Pemohon membuat akun OSS", "Mengisi data usaha", "NIB terbit secara elektronik"
            ),
            "completion_time": _p("1 (satu) hari kerja untuk usaha berisiko rendah."),
            "fee": _p("Tidak dipungut biaya (gratis)."),
            "product": _p("Nomor Induk Berusaha (NIB)."),
            "staff_count": _p("3 (tiga) orang petugas pendamping di Mal Pelayanan Publik."),
            "decree_number": "188/020/KEP/429.115/2025 (contoh)",
        },
    ],
}


def load_services_demo(*, port: int | None = None) -> int:
    """Create the demo service standards once; returns how many were created."""
    created = 0
    with transaction.atomic():
        portal = ensure_portal(regency_code=settings.PENDOPO_REGENCY_CODE)
        ensure_service_index(parent=portal.home)
        for slug, items in STANDARDS.items():
            agency_page = AgencyPage.objects.filter(
                agency__slug=slug, agency__regency__code=settings.PENDOPO_REGENCY_CODE
            ).first()
            if agency_page is None:
                continue
            index = ensure_service_index(parent=agency_page)
            for item in items:
                if index.get_children().filter(slug=item["slug"]).exists():
                    continue
                page = ServiceStandardPage(
                    **COMMON,
                    **item,
                    agency=agency_page.agency,
                    decree_date=datetime.date(2025, 1, 2),
                )
                index.add_child(instance=page)
                page.save_revision().publish()
                created += 1
    return created
