"""Setting up the service-standard lists of the portal and of every agency sub-site."""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.models import Page

from pendopo.core.services import ensure_child
from pendopo.services.models import ServiceStandardIndexPage


def ensure_service_index(*, parent: Page) -> ServiceStandardIndexPage:
    """The ``layanan/`` list below ``parent`` (the regency home or an AgencyPage), created once."""
    return ensure_child(
        parent,
        ServiceStandardIndexPage,
        slug="layanan",
        title=_("Standar Pelayanan"),
        intro=_(
            "Standar pelayanan menurut UU 25/2009 Pasal 21: persyaratan, prosedur, waktu, biaya, "
            "produk, pengaduan dan komponen pengelolaan setiap layanan."
        ),
    )
