from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The regency's own pages, portal set-up and demo loading: the top layer beside ``api``."""

    name = "pendopo.portal"
    label = "portal"
    verbose_name = _("Portal kabupaten/kota")

    def ready(self) -> None:
        from pendopo.core import sites
        from pendopo.portal.models import HomePage
        from pendopo.portal.services import ensure_portal

        sites.register_home_page_model(HomePage)
        sites.register_portal_builder(ensure_portal)
