"""Setting up a regency portal: its Site, identity, section pages and portal editors group."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection, Page, Site

from pendopo.core import sites
from pendopo.core.errors import DomainError
from pendopo.core.models import SiteSettings
from pendopo.core.services import (
    PORTAL_EDITORS_GROUP,
    ensure_child,
    grant_page_and_collection_permissions,
)
from pendopo.core.sites import Portal
from pendopo.portal.models import HomePage, LeadersPage, StandardPage
from pendopo.regions.models import Regency

__all__ = ["Portal", "ensure_portal"]


@transaction.atomic
def ensure_portal(*, regency_code: str, hostname: str = "localhost", port: int = 80) -> Portal:
    """Create (once) the regency's home page, Site, settings and section pages.

    The first regency takes the default Site; a further one (a province hosting several
    kabupaten/kota) gets its own Site on ``hostname:port`` and leaves the others untouched.

    Sections, at the public URLs of DESIGN.md: /profil/ (sejarah, visi-misi, pimpinan, and the
    registered geografi, wilayah), then the sections the content apps register
    (``pendopo.core.sites.register_section``): /perangkat-daerah/, /berita/, /pengumuman/,
    /agenda/.
    Raises DomainError when the regency has not been imported (run load_regions first).
    """
    regency = Regency.objects.filter(code=regency_code).first()
    if regency is None:
        raise DomainError(
            _("Kabupaten/kota %(code)s belum ada; jalankan load_regions dahulu.")
            % {"code": regency_code}
        )
    root = Page.get_first_root_node()
    settings = SiteSettings.objects.filter(regency=regency).select_related("site").first()
    if settings is not None:
        site = settings.site
        home = site.root_page.specific
    else:
        home = HomePage(
            title=regency.name,
            slug=regency.code.replace(".", "-"),
            intro="",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None and SiteSettings.objects.filter(site=site).exists():
            # The default Site already serves another regency (a province installation):
            # this regency gets a Site of its own on its host name.
            site = Site.objects.create(hostname=hostname, port=port, root_page=home)
            welcome = None
        elif site is None:
            welcome = None
            site = Site.objects.create(
                hostname=hostname, port=port, root_page=home, is_default_site=True
            )
        else:
            welcome = site.root_page
            site.root_page = home
            site.hostname, site.port = hostname, port
            site.save()
        if welcome is not None and welcome.specific_class is Page and welcome.depth == 2:
            welcome.delete()  # Wagtail's "Welcome to your new Wagtail site!" placeholder
        site.site_name = regency.name
        site.save()
        short_name = regency.name.removeprefix("Kabupaten ").removeprefix("Kota ")
        SiteSettings.objects.update_or_create(
            site=site,
            defaults={
                "regency": regency,
                "government_name": f"Pemerintah {regency.name}",
                "short_name": short_name,
            },
        )

    profile = ensure_child(home, StandardPage, slug="profil", title="Profil Daerah")
    sections: dict[str, Page] = {
        "profil": profile,
        "sejarah": ensure_child(profile, StandardPage, slug="sejarah", title="Sejarah"),
        "visi-misi": ensure_child(profile, StandardPage, slug="visi-misi", title="Visi dan Misi"),
        "pimpinan": ensure_child(profile, LeadersPage, slug="pimpinan", title="Pimpinan Daerah"),
    }
    # The content apps' sections (regions: geografi, wilayah; agencies: perangkat-daerah;
    # news: berita, pengumuman; agenda: agenda), registered in their AppConfig.ready().
    for section in sites.sections():
        parent = sections[section.parent_key] if section.parent_key else home
        sections[section.key] = section.build(parent)
    group, _created = Group.objects.get_or_create(name=PORTAL_EDITORS_GROUP)
    grant_page_and_collection_permissions(
        group, page=home, collection=Collection.get_first_root_node()
    )
    return Portal(site=site, home=home, sections=sections)
