"""Importing perangkat daerah and giving each its sub-site, editors group and collection."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Collection, Site

from pendopo.agencies.models import Agency, AgencyIndexPage, AgencyKind, AgencyPage
from pendopo.agencies.subsites import agency_children, agency_setups, regency_children
from pendopo.core.csvimport import ImportFailed, ImportReport, RowError, read_rows, upsert
from pendopo.core.sites import ensure_portal
from pendopo.regions.models import District, Regency

DATA_DIR = Path(__file__).resolve().parent / "data"
COLUMNS = ["nama", "singkatan", "jenis", "induk", "subdomain", "website", "alamat", "telepon"]
COLUMNS += ["fax", "email", "kode_wilayah", "sumber", "catatan"]


def editors_group_name(agency: Agency) -> str:
    """``Editor <agency>``; an agency of another regency than PENDOPO_REGENCY_CODE gets the
    regency's name appended, so two regencies' "Dinas Kesehatan" never share a group."""
    name = f"Editor {agency.name}"
    if agency.regency.code != settings.PENDOPO_REGENCY_CODE:
        name += f" ({agency.regency.name})"
    return name[:150]


def import_agencies(
    *,
    regency_code: str,
    path: Path | None = None,
    host_suffix: str | None = None,
    port: int | None = None,
) -> ImportReport:
    """Import the agency list of one regency and provision each agency.

    ``path`` defaults to ``data/perangkat_daerah_<regency_code>.csv`` (columns as in
    ``data/SOURCES.md``). Each agency gets: an AgencyPage under ``/perangkat-daerah/`` with
    news, announcement and agenda lists; an image/document collection; an editors group with
    add/change/publish rights on its subtree and collection; and, when it has a subdomain, a
    Site on ``<subdomain>.<host_suffix>``. All rows are validated first; on any error
    ImportFailed names file and line and nothing is written. Re-running changes nothing.
    """
    path = path or DATA_DIR / f"perangkat_daerah_{regency_code}.csv"
    host_suffix = settings.PENDOPO_AGENCY_HOST_SUFFIX if host_suffix is None else host_suffix
    port = settings.PENDOPO_SITE_PORT if port is None else port
    file = path.name
    regency = Regency.objects.filter(code=regency_code).first()
    if regency is None:
        raise ImportFailed([RowError(file, 0, f"kabupaten/kota {regency_code} belum diimpor")])

    rows: list[tuple[int, dict]] = list(read_rows(path, COLUMNS))
    errors: list[RowError] = []
    names = {row["nama"] for _, row in rows}
    districts = {d.code: d for d in District.objects.filter(regency=regency)}
    seen_names: set[str] = set()
    seen_slugs: dict[str, int] = {}
    parsed: list[dict] = []
    for line, row in rows:
        name, kind = row["nama"], row["jenis"]
        if not name:
            errors.append(RowError(file, line, "nama kosong"))
        elif name in seen_names:
            errors.append(RowError(file, line, f"nama ganda: {name!r}"))
        seen_names.add(name)
        if kind not in AgencyKind.values:
            errors.append(RowError(file, line, f"jenis tidak dikenal: {kind!r}"))
        if row["induk"] and row["induk"] not in names:
            errors.append(RowError(file, line, f"induk tidak ada di berkas: {row['induk']!r}"))
        district = None
        if row["kode_wilayah"]:
            district = districts.get(row["kode_wilayah"])
            if district is None:
                errors.append(RowError(file, line, f"kecamatan tidak ada: {row['kode_wilayah']!r}"))
        if row["email"]:
            try:
                validate_email(row["email"])
            except ValidationError:
                errors.append(RowError(file, line, f"e-mail tidak sah: {row['email']!r}"))
        subdomain = row["subdomain"].lower()
        if subdomain and slugify(subdomain) != subdomain:
            errors.append(RowError(file, line, f"subdomain tidak sah: {subdomain!r}"))
        slug = subdomain or slugify(name)
        if slug in seen_slugs:
            errors.append(
                RowError(file, line, f"slug {slug!r} sama dengan baris {seen_slugs[slug]}")
            )
        seen_slugs[slug] = line
        parsed.append(
            {
                "name": name,
                "short_name": row["singkatan"],
                "kind": kind,
                "parent_name": row["induk"],
                "slug": slug,
                "subdomain": subdomain,
                "hostname": f"{subdomain}.{host_suffix}" if subdomain and host_suffix else "",
                "website": row["website"],
                "address": row["alamat"],
                "phone": row["telepon"],
                "fax": row["fax"],
                "email": row["email"],
                "district": district,
                "source": row["sumber"],
                "note": row["catatan"],
            }
        )
    if errors:
        raise ImportFailed(errors)

    report = ImportReport()
    with transaction.atomic():
        portal = ensure_portal(regency_code=regency_code)
        index = portal.sections["perangkat-daerah"]
        for build in regency_children():  # services: the regency's layanan/ list
            build(portal.home)
        agencies: dict[str, Agency] = {}
        for data in parsed:
            values = {k: v for k, v in data.items() if k not in ("name", "parent_name")}
            agencies[data["name"]], outcome = upsert(
                Agency, {"regency": regency, "name": data["name"]}, values
            )
            report.add("perangkat daerah", outcome)
        for data in parsed:
            parent = agencies.get(data["parent_name"]) if data["parent_name"] else None
            agency = agencies[data["name"]]
            if agency.parent_id != (parent.pk if parent else None):
                agency.parent = parent
                agency.save(update_fields=["parent"])
        for agency in agencies.values():
            report.add("sub-situs", provision_agency(agency=agency, index=index, port=port))
    return report


def provision_agency(*, agency: Agency, index: AgencyIndexPage, port: int) -> str:
    """Give one agency its sub-site, collection, editors group and host Site (idempotent)."""
    outcome = "unchanged"
    page = AgencyPage.objects.filter(agency=agency).first()
    if page is None:
        page = AgencyPage(title=agency.name, slug=agency.slug, agency=agency)
        index.add_child(instance=page)
        page.save_revision().publish()
        outcome = "created"
    for build in agency_children():  # berita/, pengumuman/, agenda/, layanan/ (registered)
        build(page)

    if agency.collection_id is None:
        agency.collection = Collection.get_first_root_node().add_child(name=agency.name)
        agency.save(update_fields=["collection"])
    if agency.editors_group_id is None:
        group, _created = Group.objects.get_or_create(name=editors_group_name(agency))
        agency.editors_group = group
        agency.save(update_fields=["editors_group"])
    # Editors draft, submit and schedule; the agency's moderators publish (issue 4):
    # publishing registers the grants and the workflow.
    for setup in agency_setups():
        setup(agency, page)
    if agency.hostname:
        Site.objects.update_or_create(
            root_page=page,
            defaults={"hostname": agency.hostname, "port": port, "site_name": agency.name},
        )
    return outcome
