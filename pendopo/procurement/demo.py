"""Contract C7: a second regency site in the same installation, with its real procurement data.

Kabupaten Bandung (32.04) publishes the SPSE files shipped in ``data/``; the demo serves it on
``bandungkab.localhost`` next to Banyuwangi, which shows that one installation can serve
several regencies (a province).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from pendopo.core.errors import DomainError

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
def ensure_regency_site(*, regency_code: str, hostname: str, port: int):
    """A non-default Site for another regency: its own HomePage, SiteSettings and sections
    (via ``ensure_portal``). Idempotent; never touches the default (first) regency's Site.
    Raises DomainError when the regency has not been imported (run load_regions)."""
    from pendopo.core.models import HomePage, SiteSettings
    from pendopo.core.services import ensure_portal
    from pendopo.regions.models import Regency

    regency = Regency.objects.filter(code=regency_code).first()
    if regency is None:
        raise DomainError(
            _("Kabupaten/kota %(code)s belum ada; jalankan load_regions dahulu.")
            % {"code": regency_code}
        )
    if not SiteSettings.objects.filter(regency=regency).exists():
        home = HomePage(title=regency.name, slug=regency.code.replace(".", "-"), intro="")
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, site_name=regency.name
        )
        short_name = regency.name.removeprefix("Kabupaten ").removeprefix("Kota ")
        SiteSettings.objects.create(
            site=site,
            regency=regency,
            government_name=f"Pemerintah {regency.name}",
            short_name=short_name,
        )
    return ensure_portal(regency_code=regency_code)


def load_bandung(*, port: int, hostname: str = BANDUNG_HOST, stdout=None) -> list[str]:
    """Create Kabupaten Bandung's site, agencies (from SiRUP's satker list) and import the
    real SPSE files into it. Returns the report lines."""
    from pendopo.agencies.services import import_agencies
    from pendopo.regions.models import Regency

    portal = ensure_regency_site(regency_code=BANDUNG, hostname=hostname, port=port)
    lines = [f"Situs {portal.site.hostname}:{portal.site.port} ({portal.site.site_name})"]
    report = import_agencies(regency_code=BANDUNG, host_suffix="", port=port)
    lines += report.lines()
    regency = Regency.objects.get(code=BANDUNG)
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
