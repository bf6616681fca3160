"""Contract C7 (docs/contracts.md#c7-second-regency): a second regency site in the same
installation, with its real procurement data.

Kabupaten Bandung (32.04) publishes the SPSE files shipped in ``data/``; the demo serves it on
``bandungkab.localhost`` next to Banyuwangi, which shows that one installation can serve
several regencies (a province).
"""

from __future__ import annotations

from django.db import transaction

from pendopo.agencies.services import import_agencies
from pendopo.core.sites import ensure_portal
from pendopo.ppid.services import ensure_ppid_offices
from pendopo.regions.models import Regency

from . import services

BANDUNG = "32.04"
BANDUNG_HOST = "bandungkab.localhost"
FILES = {
    "satker": "pengadaan_contoh_kab_bandung_satker.csv",
    "tender": "pengadaan_contoh_kab_bandung_2025_tender_pengumuman.csv",
    "pemenang": "pengadaan_contoh_kab_bandung_2025_tender_pemenang.csv",
    "nontender": "pengadaan_contoh_kab_bandung_2025_nontender_selesai.csv",
}


@transaction.atomic
def load_bandung(*, port: int, hostname: str = BANDUNG_HOST, stdout=None) -> list[str]:
    """Create Kabupaten Bandung's site, agencies (from SiRUP's satker list) and import the
    real SPSE files into it. Returns the report lines."""

    portal = ensure_portal(regency_code=BANDUNG, hostname=hostname, port=port)
    lines = [f"Situs {portal.site.hostname}:{portal.site.port} ({portal.site.site_name})"]
    report = import_agencies(regency_code=BANDUNG, host_suffix="", port=port)
    lines += report.lines()
    regency = Regency.objects.get(code=BANDUNG)
    # The PPID offices every regency must have (UU 14/2008): Bandung's own, beside Banyuwangi's.
    offices = ensure_ppid_offices(regency=regency)
    lines.append(f"PPID: {offices}")
    steps = [
        ("satker", services.import_work_units),
        ("tender", services.import_tenders),
        ("pemenang", services.import_tender_results),
        ("nontender", services.import_non_tenders),
    ]
    for key, function in steps:
        result = function(regency=regency, path=services.DATA_DIR / FILES[key])
        lines += result.lines()
    return lines
