"""Integrity red flags: documented indicators computed from imported SPSE data.

A red flag is a reason to look closer, never proof of wrongdoing: most flagged packages
have an ordinary explanation (a market with one supplier, an HPS copied from a fair price
survey, a late budget revision). Each indicator names its definition, threshold and source:
an Open Contracting Partnership Cardinal code where one matches, otherwise the ICW /
opentender.net method or the rule of Perpres 16/2018 (as amended by Perpres 12/2021 and
46/2025) it checks.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Package, PackageKind, RedFlag, Stage

# Thresholds (rupiah are Decimal). Each has a test with this exact value.
NEAR_HPS_RATIO = Decimal("0.99")  # winning price ≥ 99% of HPS
HPS_NEAR_PAGU_RATIO = Decimal("0.99")  # HPS ≥ 99% of pagu
DIRECT_LIMIT_GOODS_SERVICES = Decimal("200000000")  # Rp200 juta, Perpres 12/2021
DIRECT_LIMIT_CONSTRUCTION = Decimal("400000000")  # Rp400 juta, Perpres 46/2025
DIRECT_LIMIT_CONSULTANCY = Decimal("100000000")  # U: docs/rules.md#procurement-direct-limit
REPEATED_WINNER_MIN = 5  # ≥ 5 packages won from one agency in one budget year
SHORT_SUBMISSION_WORKING_DAYS = 5  # fewer than 5 working days to submit an offer
LATE_ANNOUNCEMENT = (11, 1)  # tender announced on or after 1 November of its budget year
DIRECT_METHODS = {"pengadaan langsung"}
SUBMISSION_STAGES = ("upload dokumen penawaran", "pemasukan dokumen penawaran")


@dataclass(frozen=True)
class Indicator:
    code: str
    title: str
    definition: str
    threshold: str
    source: str


INDICATORS: list[Indicator] = [
    Indicator(
        "peserta_tunggal",
        _("Peserta tunggal"),
        _("Tender yang hanya diikuti satu peserta yang memasukkan penawaran."),
        _("Jumlah peserta = 1 (hanya dihitung bila jumlah peserta tersedia dalam data)."),
        _("OCP Cardinal R018 (Single bid received)."),
    ),
    Indicator(
        "masa_penawaran_singkat",
        _("Masa pemasukan penawaran singkat"),
        _(
            "Waktu dari pengumuman sampai akhir tahap Upload Dokumen Penawaran menurut jadwal "
            "SPSE, dihitung dalam hari kerja kalender Pendopo."
        ),
        _("Kurang dari 5 hari kerja (hanya bila jadwal tahap diimpor)."),
        _("OCP Cardinal R003 (Short submission period); ambang ditetapkan Pendopo."),
    ),
    Indicator(
        "harga_mendekati_hps",
        _("Harga pemenang sangat dekat dengan HPS"),
        _(
            "Nilai kontrak (atau nilai negosiasi/terkoreksi bila kontrak belum ada) "
            "dibandingkan dengan HPS, untuk tender/seleksi. Pengadaan Langsung tidak dihitung: "
            "harganya dinegosiasikan dengan satu penyedia sehingga hampir selalu dekat HPS."
        ),
        _("Nilai pemenang ≥ 99% HPS."),
        _("Metode ICW/opentender.net (selisih kecil HPS dan nilai kontrak)."),
    ),
    Indicator(
        "hps_mendekati_pagu",
        _("HPS sangat dekat dengan pagu"),
        _(
            "HPS dibandingkan dengan pagu anggaran paket, untuk tender/seleksi (pada "
            "Pengadaan Langsung HPS lazim disusun sebesar pagu)."
        ),
        _("HPS ≥ 99% pagu."),
        _("Metode ICW/opentender.net (HPS disusun mendekati pagu)."),
    ),
    Indicator(
        "kontrak_di_atas_hps",
        _("Nilai kontrak di atas HPS"),
        _(
            "HPS adalah batas tertinggi penawaran yang sah; nilai pemenang di atas HPS "
            "perlu penjelasan."
        ),
        _("Nilai pemenang > HPS."),
        _("Perpres 16/2018 jo. 12/2021 (HPS sebagai batas tertinggi penawaran)."),
    ),
    Indicator(
        "pengadaan_langsung_di_atas_batas",
        _("Pengadaan Langsung di atas batas nilai"),
        _(
            "Paket Pengadaan Langsung yang nilainya (HPS, atau pagu bila HPS kosong) melebihi "
            "batas untuk jenisnya."
        ),
        _(
            "Barang/jasa lainnya > Rp200.000.000; pekerjaan konstruksi > Rp400.000.000; "
            "jasa konsultansi > Rp100.000.000."
        ),
        _("Perpres 16/2018 jo. 12/2021 (Rp200 juta), Perpres 46/2025 (konstruksi Rp400 juta)."),
    ),
    Indicator(
        "pemenang_berulang",
        _("Pemenang berulang di satu perangkat daerah"),
        _(
            "Penyedia yang sama memenangkan banyak paket dari satu perangkat daerah dalam "
            "satu tahun anggaran."
        ),
        _("≥ 5 paket dalam satu perangkat daerah dan tahun anggaran."),
        _("Metode ICW/opentender.net (konsentrasi pemenang); OCP Red Flags guide."),
    ),
    Indicator(
        "diumumkan_akhir_tahun",
        _("Tender diumumkan di akhir tahun anggaran"),
        _(
            "Tender yang diumumkan menjelang akhir tahun anggaran, sehingga waktu pelaksanaan "
            "pekerjaan sempit."
        ),
        _("Diumumkan pada atau setelah 1 November tahun anggarannya (waktu setempat)."),
        _("Metode ICW (pola pengadaan akhir tahun)."),
    ),
]
BY_CODE = {indicator.code: indicator for indicator in INDICATORS}


def _rupiah(value: Decimal) -> str:
    return "Rp" + f"{value:,.0f}".replace(",", ".")


def direct_limit(procurement_type: str) -> Decimal:
    """The Pengadaan Langsung ceiling for an SPSE ``jenis_pengadaan``."""
    kind = procurement_type.casefold()
    if "konsultansi" in kind:
        return DIRECT_LIMIT_CONSULTANCY
    if "konstruksi" in kind:
        return DIRECT_LIMIT_CONSTRUCTION
    return DIRECT_LIMIT_GOODS_SERVICES


def package_flags(
    package: Package,
    *,
    zone=None,
    stages: list[Stage] | None = None,
    wins: dict | None = None,
    calendar=None,
) -> list[tuple[str, str]]:
    """``[(code, detail)]`` of the indicators that fire for one package.

    ``wins`` maps ``(agency_id, budget_year, supplier)`` to a package count (for
    ``pemenang_berulang``); ``stages`` are the package's schedule (for the submission period).
    """
    from pendopo.core.calendar import zone_named

    zone = zone or zone_named(None)
    out: list[tuple[str, str]] = []
    winning = package.winning_value
    hps, pagu = package.hps, package.pagu
    if package.bidders == 1:
        out.append(("peserta_tunggal", str(_("1 peserta"))))
    if stages and package.announced_at and calendar is not None:
        end = next((s.ends_at for s in stages if s.name.casefold() in SUBMISSION_STAGES), None)
        if end is not None:
            start_on = package.announced_at.astimezone(zone).date()
            end_on = end.astimezone(zone).date()
            days = calendar.working_days_between(start_on, end_on)
            if days < SHORT_SUBMISSION_WORKING_DAYS:
                out.append(("masa_penawaran_singkat", f"{days} hari kerja"))
    tender = package.kind == PackageKind.TENDER
    if winning is not None and hps:
        ratio = winning / hps
        if tender and ratio >= NEAR_HPS_RATIO and winning <= hps:
            out.append(("harga_mendekati_hps", f"{ratio * 100:.2f}% HPS".replace(".", ",")))
        if winning > hps:
            out.append(("kontrak_di_atas_hps", f"{_rupiah(winning - hps)} di atas HPS"))
    if tender and hps and pagu and hps / pagu >= HPS_NEAR_PAGU_RATIO:
        out.append(("hps_mendekati_pagu", f"{hps / pagu * 100:.2f}% pagu".replace(".", ",")))
    if package.method.casefold() in DIRECT_METHODS:
        value = hps if hps is not None else pagu
        limit = direct_limit(package.procurement_type)
        if value > limit:
            out.append(
                (
                    "pengadaan_langsung_di_atas_batas",
                    f"{_rupiah(value)} > batas {_rupiah(limit)}",
                )
            )
    if wins and package.supplier_name and package.agency_id:
        key = (package.agency_id, package.budget_year, _supplier_key(package))
        if wins.get(key, 0) >= REPEATED_WINNER_MIN:
            out.append(("pemenang_berulang", f"{wins[key]} paket"))
    if package.kind == PackageKind.TENDER and package.announced_at is not None:
        local = package.announced_at.astimezone(zone).date()
        month, day = LATE_ANNOUNCEMENT
        if local >= datetime.date(package.budget_year, month, day):
            out.append(("diumumkan_akhir_tahun", local.isoformat()))
    return out


def _supplier_key(package: Package) -> str:
    return package.supplier_code or " ".join(package.supplier_name.casefold().split())


@transaction.atomic
def recompute_red_flags(*, regency) -> int:
    """Replace every RedFlag of ``regency``'s packages with freshly computed ones; returns the
    number of flags. Runs after each import (the data, not people, sets the flags)."""
    from pendopo.core.calendar import get_calendar, zone_named
    from pendopo.core.models import SiteSettings

    settings = SiteSettings.objects.filter(regency=regency).only("time_zone").first()
    zone = zone_named(settings.time_zone if settings else None)
    calendar = get_calendar()
    packages = list(
        Package.objects.filter(regency=regency).only(
            "id",
            "kind",
            "agency_id",
            "budget_year",
            "pagu",
            "hps",
            "method",
            "procurement_type",
            "bidders",
            "announced_at",
            "supplier_code",
            "supplier_name",
            "contract_value",
            "negotiated_value",
            "corrected_value",
        )
    )
    wins: dict = defaultdict(int)
    for package in packages:
        if package.supplier_name and package.agency_id:
            wins[(package.agency_id, package.budget_year, _supplier_key(package))] += 1
    stages: dict[int, list[Stage]] = defaultdict(list)
    for stage in Stage.objects.filter(package__regency=regency).order_by("package", "position"):
        stages[stage.package_id].append(stage)
    flags = [
        RedFlag(package_id=package.pk, code=code, detail=detail[:300])
        for package in packages
        for code, detail in package_flags(
            package, zone=zone, stages=stages.get(package.pk), wins=wins, calendar=calendar
        )
    ]
    RedFlag.objects.filter(package__regency=regency).delete()
    RedFlag.objects.bulk_create(flags, batch_size=2000)
    return len(flags)
