"""The 14 components of a service standard, UU 25/2009 Pasal 21 (PermenPANRB 15/2014 split).

One list, in the order the law gives them, used by the model, the publishing check, the
template and the tests: ``(field name, Indonesian label, group)``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

DELIVERY = "penyampaian"  # 6 components of service delivery (service provision)
MANAGEMENT = "pengelolaan"  # 8 components of service management ("manufacturing")

COMPONENTS: list[tuple[str, object, str]] = [
    ("legal_basis", _("Dasar hukum"), MANAGEMENT),
    ("requirements", _("Persyaratan"), DELIVERY),
    ("procedure", _("Sistem, mekanisme dan prosedur"), DELIVERY),
    ("completion_time", _("Jangka waktu penyelesaian"), DELIVERY),
    ("fee", _("Biaya/tarif"), DELIVERY),
    ("product", _("Produk pelayanan"), DELIVERY),
    ("facilities", _("Sarana, prasarana dan/atau fasilitas"), MANAGEMENT),
    ("staff_competence", _("Kompetensi pelaksana"), MANAGEMENT),
    ("internal_supervision", _("Pengawasan internal"), MANAGEMENT),
    ("complaint_handling", _("Penanganan pengaduan, saran dan masukan"), DELIVERY),
    ("staff_count", _("Jumlah pelaksana"), MANAGEMENT),
    ("service_guarantee", _("Jaminan pelayanan"), MANAGEMENT),
    ("safety_guarantee", _("Jaminan keamanan dan keselamatan pelayanan"), MANAGEMENT),
    ("performance_evaluation", _("Evaluasi kinerja pelaksana"), MANAGEMENT),
]
COMPONENT_FIELDS = [name for name, _label, _group in COMPONENTS]
