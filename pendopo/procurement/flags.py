"""Integrity red flags: documented indicators computed from imported SPSE data.

A red flag is a reason to look closer, never proof of wrongdoing: most flagged packages
have an ordinary explanation (a market with one supplier, an HPS copied from a fair price
survey, a late budget revision). Each indicator names its definition, threshold and source:
an Open Contracting Partnership Cardinal code where one matches, otherwise the ICW /
opentender.net method or the rule of Perpres 16/2018 (as amended by Perpres 12/2021 and
46/2025) it checks. The numbers are the rules of ``rules.py``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pendopo.core.calendar import get_calendar, zone_named
from pendopo.core.models import SiteSettings

from . import rules
from .models import Package, PackageKind, RedFlag, Stage

# Every threshold is a rule of ``rules.py``, read when a flag is computed (never copied here).


def percent(rule: rules.Rule) -> Decimal:
    """A percent rule as a ratio: 99 → Decimal("0.99")."""
    return Decimal(rule.amount) / 100


def rupiah_limit(rule: rules.Rule) -> Decimal:
    """A rupiah rule as the Decimal the amounts are compared with."""
    return Decimal(rule.amount)


def late_announcement_start(budget_year: int) -> datetime.date:
    """First day of the last ``rules.LATE_ANNOUNCEMENT`` calendar days of ``budget_year``."""
    last = datetime.date(budget_year, 12, 31)
    return last - datetime.timedelta(days=rules.LATE_ANNOUNCEMENT.amount - 1)


DIRECT_METHODS = {"pengadaan langsung"}
SUBMISSION_STAGES = ("upload dokumen penawaran", "pemasukan dokumen penawaran")


def _rupiah(value: Decimal) -> str:
    return "Rp" + f"{value:,.0f}".replace(",", ".")


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
        format_lazy(
            _("Kurang dari {days} hari kerja (hanya bila jadwal tahap diimpor)."),
            days=rules.SHORT_SUBMISSION.amount,
        ),
        format_lazy("{}.", rules.SHORT_SUBMISSION.basis),
    ),
    Indicator(
        "harga_mendekati_hps",
        _("Harga pemenang sangat dekat dengan HPS"),
        _(
            "Nilai kontrak (atau nilai negosiasi/terkoreksi bila kontrak belum ada) "
            "dibandingkan dengan HPS, untuk tender/seleksi. Pengadaan Langsung tidak dihitung: "
            "harganya dinegosiasikan dengan satu penyedia sehingga hampir selalu dekat HPS."
        ),
        format_lazy(_("Nilai pemenang ≥ {percent}% HPS."), percent=rules.NEAR_HPS_PERCENT.amount),
        format_lazy("{}.", rules.NEAR_HPS_PERCENT.basis),
    ),
    Indicator(
        "hps_mendekati_pagu",
        _("HPS sangat dekat dengan pagu"),
        _(
            "HPS dibandingkan dengan pagu anggaran paket, untuk tender/seleksi (pada "
            "Pengadaan Langsung HPS lazim disusun sebesar pagu)."
        ),
        format_lazy(_("HPS ≥ {percent}% pagu."), percent=rules.HPS_NEAR_PAGU_PERCENT.amount),
        format_lazy("{}.", rules.HPS_NEAR_PAGU_PERCENT.basis),
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
        format_lazy(
            _(
                "Barang/jasa lainnya > {goods}; pekerjaan konstruksi > {construction}; "
                "jasa konsultansi > {consultancy}."
            ),
            goods=_rupiah(rupiah_limit(rules.DIRECT_LIMIT_GOODS_SERVICES)),
            construction=_rupiah(rupiah_limit(rules.DIRECT_LIMIT_CONSTRUCTION)),
            consultancy=_rupiah(rupiah_limit(rules.DIRECT_LIMIT_CONSULTANCY)),
        ),
        format_lazy(
            "{goods}; {construction}; {consultancy}.",
            goods=rules.DIRECT_LIMIT_GOODS_SERVICES.basis,
            construction=rules.DIRECT_LIMIT_CONSTRUCTION.basis,
            consultancy=rules.DIRECT_LIMIT_CONSULTANCY.basis,
        ),
    ),
    Indicator(
        "pemenang_berulang",
        _("Pemenang berulang di satu perangkat daerah"),
        _(
            "Penyedia yang sama memenangkan banyak paket dari satu perangkat daerah dalam "
            "satu tahun anggaran."
        ),
        format_lazy(
            _("≥ {count} paket dalam satu perangkat daerah dan tahun anggaran."),
            count=rules.REPEATED_WINNER.amount,
        ),
        format_lazy("{}.", rules.REPEATED_WINNER.basis),
    ),
    Indicator(
        "diumumkan_akhir_tahun",
        _("Tender diumumkan di akhir tahun anggaran"),
        _(
            "Tender yang diumumkan menjelang akhir tahun anggaran, sehingga waktu pelaksanaan "
            "pekerjaan sempit."
        ),
        format_lazy(
            _("Diumumkan pada atau setelah {day} tahun anggarannya (waktu setempat)."),
            day=lazy(lambda: date_format(late_announcement_start(2001), "j F"), str)(),
        ),
        format_lazy("{}.", rules.LATE_ANNOUNCEMENT.basis),
    ),
]
BY_CODE = {indicator.code: indicator for indicator in INDICATORS}


def direct_limit(procurement_type: str) -> Decimal:
    """The Pengadaan Langsung ceiling for an SPSE ``jenis_pengadaan``."""
    kind = procurement_type.casefold()
    if "konsultansi" in kind:
        return rupiah_limit(rules.DIRECT_LIMIT_CONSULTANCY)
    if "konstruksi" in kind:
        return rupiah_limit(rules.DIRECT_LIMIT_CONSTRUCTION)
    return rupiah_limit(rules.DIRECT_LIMIT_GOODS_SERVICES)


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
            if days < rules.SHORT_SUBMISSION.amount:
                out.append(("masa_penawaran_singkat", f"{days} hari kerja"))
    tender = package.kind == PackageKind.TENDER
    if winning is not None and hps:
        ratio = winning / hps
        if tender and ratio >= percent(rules.NEAR_HPS_PERCENT) and winning <= hps:
            out.append(("harga_mendekati_hps", f"{ratio * 100:.2f}% HPS".replace(".", ",")))
        if winning > hps:
            out.append(("kontrak_di_atas_hps", f"{_rupiah(winning - hps)} di atas HPS"))
    if tender and hps and pagu and hps / pagu >= percent(rules.HPS_NEAR_PAGU_PERCENT):
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
        if wins.get(key, 0) >= rules.REPEATED_WINNER.amount:
            out.append(("pemenang_berulang", f"{wins[key]} paket"))
    if package.kind == PackageKind.TENDER and package.announced_at is not None:
        local = package.announced_at.astimezone(zone).date()
        if local >= late_announcement_start(package.budget_year):
            out.append(("diumumkan_akhir_tahun", local.isoformat()))
    return out


def _supplier_key(package: Package) -> str:
    return package.supplier_code or " ".join(package.supplier_name.casefold().split())


@transaction.atomic
def recompute_red_flags(*, regency) -> int:
    """Replace every RedFlag of ``regency``'s packages with freshly computed ones; returns the
    number of flags. Runs after each import (the data, not people, sets the flags)."""

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
