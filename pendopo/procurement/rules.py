"""The numbers of procurement law and of the red-flag method, one :class:`Rule` each.

Legal frame: Perpres 16/2018 on Pengadaan Barang/Jasa Pemerintah, amended by Perpres 12/2021 and
46/2025, and the standard tender documents (SDP) issued under it. Red-flag thresholds follow the
Open Contracting Partnership's Cardinal indicators and the ICW / opentender.net method; where
neither fixes a number, the threshold is Pendopo's own and says so. Entries in ``docs/rules.md``
(anchors ``procurement-…``); ``flags.py`` computes and describes the indicators with these amounts,
``selectors.py`` the protest window.
"""

from __future__ import annotations

from pendopo.core.rules import Rule, Unit

SDP_BASIS = "Dokumen tender standar (SDP) berdasarkan Perpres 16/2018 jo. 12/2021 jo. 46/2025"

SANGGAH = Rule(5, Unit.CALENDAR_DAYS, SDP_BASIS, "procurement-sanggah")
"""A bidder may file a sanggah up to this many calendar days after the winner is announced;
the period ends on a working day, within working hours."""

SANGGAH_ANSWER = Rule(3, Unit.CALENDAR_DAYS, SDP_BASIS, "procurement-sanggah-answer")
"""The Pokja answers a sanggah within this many calendar days after the sanggah period ends."""

DIRECT_LIMIT_GOODS_SERVICES = Rule(
    200_000_000,
    Unit.RUPIAH,
    "Perpres 16/2018 jo. 12/2021 (tetap dalam Perpres 46/2025)",
    "procurement-direct-limit-goods",
)
"""Pengadaan Langsung ceiling for goods and other services (barang / jasa lainnya)."""

DIRECT_LIMIT_CONSTRUCTION = Rule(
    400_000_000, Unit.RUPIAH, "Perpres 46/2025", "procurement-direct-limit-construction"
)
"""Pengadaan Langsung ceiling for construction works (pekerjaan konstruksi), new in 46/2025."""

DIRECT_LIMIT_CONSULTANCY = Rule(
    100_000_000,
    Unit.RUPIAH,
    "Perpres 16/2018 jo. 12/2021 (belum diverifikasi)",
    "procurement-direct-limit-consultancy",
)
"""Pengadaan Langsung ceiling for consultancy (jasa konsultansi); the article is unverified."""

NEAR_HPS_PERCENT = Rule(
    99,
    Unit.PERCENT,
    "Metode ICW/opentender.net (selisih kecil HPS dan nilai kontrak)",
    "procurement-near-hps",
)
"""Red flag: the winning price is at least this share of the HPS (tender/seleksi only)."""

HPS_NEAR_PAGU_PERCENT = Rule(
    99,
    Unit.PERCENT,
    "Metode ICW/opentender.net (HPS disusun mendekati pagu)",
    "procurement-hps-near-pagu",
)
"""Red flag: the HPS is at least this share of the budget ceiling (pagu)."""

REPEATED_WINNER = Rule(
    5,
    Unit.COUNT,
    "Metode ICW/opentender.net (konsentrasi pemenang); OCP Red Flags guide",
    "procurement-repeated-winner",
)
"""Red flag: one supplier wins at least this many packages of one agency in a budget year."""

SHORT_SUBMISSION = Rule(
    5,
    Unit.WORKING_DAYS,
    "OCP Cardinal R003 (Short submission period); ambang ditetapkan Pendopo",
    "procurement-short-submission",
)
"""Red flag: fewer than this many working days from announcement to the end of the offer
upload stage of the SPSE schedule."""

LATE_ANNOUNCEMENT = Rule(
    61,
    Unit.CALENDAR_DAYS,
    "Metode ICW (pola pengadaan akhir tahun)",
    "procurement-late-announcement",
)
"""Red flag: a tender announced within the last this-many calendar days of its budget year
(61: from 1 November, local time)."""
