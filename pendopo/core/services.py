"""Setting up a regency portal: its Site, identity, section pages and portal editors group."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from pendopo.core import calendar
from pendopo.core.errors import DomainError
from pendopo.core.models import (
    CalendarOverride,
    Event,
    HomePage,
    LeadersPage,
    SiteSettings,
    StandardPage,
)

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
PORTAL_EDITORS_GROUP = "Editor Portal (Diskominfo)"


@dataclass
class Portal:
    site: Site
    home: HomePage
    sections: dict[str, Page]


def ensure_child(
    parent: Page, model: type[Page], *, slug: str, title: str, show_in_menus: bool = True, **fields
) -> Page:
    """The child of ``parent`` with ``slug``; created live (with a revision) when absent."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing
    page = model(slug=slug, title=title, show_in_menus=show_in_menus, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def grant_page_and_collection_permissions(
    group: Group,
    *,
    page: Page,
    collection: Collection,
    page_permissions: list[str] = PAGE_PERMISSIONS,
) -> None:
    """Give ``group`` admin access, ``page_permissions`` (default edit/publish) on ``page``'s
    subtree and add/change/choose on ``collection``."""
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in page_permissions:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    for app_label, codename in COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


@transaction.atomic
def ensure_portal(*, regency_code: str, hostname: str = "localhost", port: int = 80) -> Portal:
    """Create (once) the regency's home page, Site, settings and section pages.

    The first regency takes the default Site; a further one (a province hosting several
    kabupaten/kota) gets its own Site on ``hostname:port`` and leaves the others untouched.

    Sections, at the public URLs of DESIGN.md: /profil/ (sejarah, visi-misi, pimpinan,
    geografi, wilayah), /perangkat-daerah/, /berita/, /pengumuman/, /agenda/.
    Raises DomainError when the regency has not been imported (run load_regions first).
    """
    from pendopo.agencies.models import AgencyIndexPage
    from pendopo.agenda.models import EventIndexPage
    from pendopo.news.models import AnnouncementIndexPage, NewsIndexPage
    from pendopo.regions.models import DistrictIndexPage, GeographyPage, Regency

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
    sections = {
        "profil": profile,
        "sejarah": ensure_child(profile, StandardPage, slug="sejarah", title="Sejarah"),
        "visi-misi": ensure_child(profile, StandardPage, slug="visi-misi", title="Visi dan Misi"),
        "pimpinan": ensure_child(profile, LeadersPage, slug="pimpinan", title="Pimpinan Daerah"),
        "geografi": ensure_child(
            profile, GeographyPage, slug="geografi", title="Geografi dan Kependudukan"
        ),
        "wilayah": ensure_child(
            profile, DistrictIndexPage, slug="wilayah", title="Kecamatan dan Desa/Kelurahan"
        ),
        "perangkat-daerah": ensure_child(
            home, AgencyIndexPage, slug="perangkat-daerah", title="Perangkat Daerah"
        ),
        "berita": ensure_child(home, NewsIndexPage, slug="berita", title="Berita"),
        "pengumuman": ensure_child(
            home, AnnouncementIndexPage, slug="pengumuman", title="Pengumuman"
        ),
        "agenda": ensure_child(home, EventIndexPage, slug="agenda", title="Agenda"),
    }
    group, _created = Group.objects.get_or_create(name=PORTAL_EDITORS_GROUP)
    grant_page_and_collection_permissions(
        group, page=home, collection=Collection.get_first_root_node()
    )
    return Portal(site=site, home=home, sections=sections)


# --- Event log -----------------------------------------------------------------------------


def record_event(*, obj, kind: str, actor=None, payload: dict | None = None) -> Event:
    """Append one event about ``obj`` (call inside the transaction of the change)."""
    return Event.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        kind=kind,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        payload=payload or {},
    )


# --- Working-day calendar ------------------------------------------------------------------


@dataclass
class RecomputeReport:
    """What a recomputation changed: ``(case, old due date, new due date)`` per moved case."""

    checked: int = 0
    moved: list[tuple[object, datetime.date, datetime.date]] = field(default_factory=list)


@transaction.atomic
def recompute_open_deadlines(*, reason: str, actor=None) -> RecomputeReport:
    """Recompute every registered open case's deadline with the current calendar.

    A case whose due date changes gets it stored (its module's ``apply``) and an event
    ``deadline_recomputed`` with the old and new date and the reason, in one transaction.
    """
    report = RecomputeReport()
    current = calendar.get_calendar()
    for source in list(calendar._registry.values()):
        for case in source():
            report.checked += 1
            new = calendar.recompute(case, current)
            if new.due_on == case.due_on:
                continue
            case.apply(new.due_on)
            record_event(
                obj=case.case,
                kind="deadline_recomputed",
                actor=actor,
                payload={
                    "from": case.due_on.isoformat(),
                    "to": new.due_on.isoformat(),
                    "reason": reason,
                    "rule": case.rule,
                },
            )
            report.moved.append((case.case, case.due_on, new.due_on))
    return report


def _write_override(
    *, date: datetime.date, name: str, is_working_day: bool, reference: str
) -> CalendarOverride:
    if not name.strip():
        raise DomainError(_("Nama pengecualian wajib diisi."))
    override, _created = CalendarOverride.objects.update_or_create(
        date=date,
        defaults={"name": name.strip(), "is_working_day": is_working_day, "reference": reference},
    )
    return override


@transaction.atomic
def save_calendar_override(
    *,
    date: datetime.date,
    name: str,
    is_working_day: bool = False,
    reference: str = "",
    actor=None,
) -> tuple[CalendarOverride, RecomputeReport]:
    """Add (or change) the override of ``date`` and move the open deadlines it affects."""
    override = _write_override(
        date=date, name=name, is_working_day=is_working_day, reference=reference
    )
    report = recompute_open_deadlines(reason=f"Kalender kerja diubah: {override}", actor=actor)
    return override, report


@transaction.atomic
def import_calendar_overrides(
    *, rows: list[dict], source: str, actor=None
) -> tuple[list[CalendarOverride], RecomputeReport]:
    """Add or change many overrides (``date, name, is_working_day, reference`` per row), then
    recompute the open deadlines once; all rows or none."""
    overrides = [_write_override(**row) for row in rows]
    report = recompute_open_deadlines(reason=f"Impor kalender kerja dari {source}", actor=actor)
    return overrides, report


@transaction.atomic
def delete_calendar_override(*, override: CalendarOverride, actor=None) -> RecomputeReport:
    """Remove an override; open deadlines move back to what the package alone gives."""
    reason = f"Kalender kerja dikembalikan: {override}"
    override.delete()
    return recompute_open_deadlines(reason=reason, actor=actor)
