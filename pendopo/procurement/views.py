"""Public procurement pages of the current regency: listing, detail, summaries, flags, OCDS."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from pendopo.agencies.models import Agency
from pendopo.core.calendar import zone_named
from pendopo.core.listing import paginate
from pendopo.core.selectors import portal_settings

from . import ocds, selectors
from .flags import BY_CODE, INDICATORS
from .forms import FilterForm
from .models import Package, PackageKind
from .ocds import SCHEMA_DIR

LIST_PAGE_SIZE = 25


def _portal(request: HttpRequest):
    """(SiteSettings, Regency) of this request's portal, or 404 without one."""
    portal = portal_settings(request)
    if portal is None or portal.regency_id is None:
        raise Http404
    return portal, portal.regency


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def report_url(package: Package) -> str:
    """Contract C3 (docs/contracts.md#c3-procurement-report-link): the complaint form pre-filled for
    this package."""
    query = urlencode(
        {
            "kategori": "pengadaan",
            "subjek": f"Kejanggalan paket {package.code}: {package.name}"[:200],
            "rujukan": package.get_absolute_url(),
        }
    )
    return f"/pengaduan/?{query}"


@require_safe
def package_list(request: HttpRequest) -> HttpResponse:
    """``/pengadaan/``: packages with filters (GET) and search; invalid filters give a 400."""
    portal, regency = _portal(request)
    form = FilterForm(request.GET or None, options=selectors.filter_options(regency))
    status = 200
    filters: dict = {}
    if form.is_bound:
        if form.is_valid():
            filters = form.cleaned_data
        else:
            status = 400
    qs = selectors.listing(regency, filters) if status == 200 else Package.objects.none()
    page_obj = Paginator(qs, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "page_obj": page_obj,
        "extra_query": params.urlencode(),
        "regency": regency,
        "has_filters": bool(params),
    }
    return TemplateResponse(request, "procurement/package_list.html", context, status=status)


@require_safe
def package_detail(request: HttpRequest, slug: str) -> HttpResponse:
    portal, regency = _portal(request)
    kind = PackageKind.TENDER if slug.startswith("t-") else PackageKind.NON_TENDER
    package = get_object_or_404(
        Package.objects.select_related("agency", "work_unit", "regency").prefetch_related(
            "stages", "red_flags"
        ),
        regency=regency,
        kind=kind,
        code=slug.split("-", 1)[1],
    )
    zone = zone_named(portal.time_zone)
    now = timezone.now()
    context = {
        "package": package,
        "schedule": selectors.schedule(package, now=now),
        "current": selectors.current_stage_names(package, now=now),
        "protest": selectors.protest_window(package, zone=zone),
        "flags": [(BY_CODE.get(f.code), f) for f in package.red_flags.all()],
        "report_url": report_url(package),
        "zone": zone.key,
        "now": now,
    }
    return TemplateResponse(request, "procurement/package_detail.html", context)


@require_safe
def regency_summary(request: HttpRequest) -> HttpResponse:
    portal, regency = _portal(request)
    context = {
        "regency": regency,
        "summary": selectors.summary(selectors.packages_for(regency)),
        "agencies": selectors.flags_by_agency(regency)[0],
    }
    return TemplateResponse(request, "procurement/summary.html", context)


@require_safe
def agency_summary(request: HttpRequest, slug: str) -> HttpResponse:

    portal, regency = _portal(request)
    agency = get_object_or_404(Agency, regency=regency, slug=slug)
    qs = selectors.packages_for(regency).filter(agency=agency)
    context = {
        "regency": regency,
        "agency": agency,
        "summary": selectors.summary(qs),
        "work_units": agency.work_units.order_by("code"),
    }
    return TemplateResponse(request, "procurement/summary.html", context)


@require_safe
def red_flags(request: HttpRequest) -> HttpResponse:
    portal, regency = _portal(request)
    rows, indicators = selectors.flags_by_agency(regency)
    context = {"regency": regency, "rows": rows, "indicators": indicators}
    return TemplateResponse(request, "procurement/red_flags.html", context)


@require_safe
def ocds_docs(request: HttpRequest) -> HttpResponse:
    portal, regency = _portal(request)
    total = selectors.packages_for(regency).count()
    size = settings.PENDOPO_OCDS_PAGE_SIZE
    context = {
        "regency": regency,
        "total": total,
        "pages": max(1, -(-total // size)),
        "page_size": size,
        "prefix": settings.PENDOPO_OCDS_OCID_PREFIX,
        "indicators": INDICATORS,
        "dataset": _dataset_jsonld(request, portal, regency),
    }
    return TemplateResponse(request, "procurement/ocds.html", context)


def _dataset_jsonld(request: HttpRequest, portal, regency) -> dict:
    """schema.org Dataset describing the OCDS publication, for search engines."""
    base = _base_url(request)
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": f"Data pengadaan {regency.name} (OCDS 1.1.5)",
        "description": (
            f"Paket tender dan non-tender {regency.name} dari SPSE/LPSE dalam Open Contracting "
            "Data Standard 1.1.5."
        ),
        "url": f"{base}/pengadaan/ocds/",
        "license": ocds.LICENSE,
        "creator": {"@type": "GovernmentOrganization", "name": portal.government_name},
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": "application/json",
                "contentUrl": f"{base}/pengadaan/ocds/{name}",
            }
            for name in ("release-package.json", "record-package.json", "unduh-semua.json")
        ],
    }


def _ocds_page(request: HttpRequest, regency):
    qs = (
        selectors.packages_for(regency)
        .select_related("agency", "work_unit", "regency")
        .prefetch_related("stages")
        .order_by("kind", "code")
    )
    return paginate(request, qs, per_page=settings.PENDOPO_OCDS_PAGE_SIZE)


def _json(data: dict, *, filename: str | None = None) -> HttpResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def ocds_release_package(request: HttpRequest) -> HttpResponse:
    """One page (``?page=N``, PENDOPO_OCDS_PAGE_SIZE releases) of the OCDS release package;
    ``links.next``/``links.prev`` point at the neighbouring pages."""
    portal, regency = _portal(request)
    page = _ocds_page(request, regency)
    data = ocds.release_package(
        page.object_list,
        regency=regency,
        base_url=_base_url(request),
        uri=request.build_absolute_uri(),
        published=timezone.now(),
    )
    links = {}
    if page.has_next():
        links["next"] = request.build_absolute_uri(f"?page={page.next_page_number()}")
    if page.has_previous():
        links["prev"] = request.build_absolute_uri(f"?page={page.previous_page_number()}")
    if links:
        data["links"] = links
    return _json(data)


@require_safe
def ocds_record_package(request: HttpRequest) -> HttpResponse:
    portal, regency = _portal(request)
    page = _ocds_page(request, regency)
    data = ocds.record_package(
        page.object_list,
        regency=regency,
        base_url=_base_url(request),
        uri=request.build_absolute_uri(),
        published=timezone.now(),
    )
    if page.has_next():
        data["links"] = {"next": request.build_absolute_uri(f"?page={page.next_page_number()}")}
    return _json(data)


@require_safe
def ocds_bulk(request: HttpRequest) -> HttpResponse:
    """Every package of the regency as one release package, downloaded as a file."""
    portal, regency = _portal(request)
    qs = (
        selectors.packages_for(regency)
        .select_related("agency", "work_unit", "regency")
        .prefetch_related("stages")
        .order_by("kind", "code")
    )
    data = ocds.release_package(
        qs.iterator(chunk_size=1000),
        regency=regency,
        base_url=_base_url(request),
        uri=request.build_absolute_uri(),
        published=timezone.now(),
    )
    code = regency.code.replace(".", "")
    return _json(data, filename=f"pengadaan-ocds-{code}.json")


@require_safe
def ocds_schema(request: HttpRequest, name: str) -> HttpResponse:
    """The OCDS 1.1.5 schema files Pendopo validates against, for users' own checks."""
    allowed = {p.name for p in SCHEMA_DIR.glob("*.json")}
    if name not in allowed:
        raise Http404
    data = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return _json(data)
