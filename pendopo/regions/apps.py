from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "pendopo.regions"
    label = "regions"
    verbose_name = _("Wilayah")

    def ready(self) -> None:
        # Registration, not a lazy import to dodge a cycle: models exist only once apps load.
        from pendopo.core.services import ensure_child
        from pendopo.core.sites import Section, register_section
        from pendopo.regions.models import DistrictIndexPage, GeographyPage

        register_section(
            Section(
                "geografi",
                lambda parent: ensure_child(
                    parent, GeographyPage, slug="geografi", title="Geografi dan Kependudukan"
                ),
                parent_key="profil",
            )
        )
        register_section(
            Section(
                "wilayah",
                lambda parent: ensure_child(
                    parent, DistrictIndexPage, slug="wilayah", title="Kecamatan dan Desa/Kelurahan"
                ),
                parent_key="profil",
            )
        )
