"""Public agency activity (keaktifan): an HTML table and the same figures as CSV."""

from __future__ import annotations

import csv

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from pendopo.agencies.activity import DEFAULT_SORT, SORT_KEYS, agency_activity, sort_activity
from pendopo.agencies.models import AgencyIndexPage
from pendopo.core.exports import neutralise
from pendopo.core.selectors import portal_site_for_request


def _index_page(request: HttpRequest) -> AgencyIndexPage:
    site = portal_site_for_request(request)
    page = (
        AgencyIndexPage.objects.live().child_of(site.root_page).first()
        if site is not None
        else None
    )
    if page is None:
        raise Http404
    return page


def _sorting(request: HttpRequest) -> tuple[str, bool]:
    key = request.GET.get("urut", DEFAULT_SORT)
    if key not in SORT_KEYS:
        key = DEFAULT_SORT
    default_descending = key != "nama"
    direction = request.GET.get("arah")
    descending = default_descending if direction not in {"naik", "turun"} else direction == "turun"
    return key, descending


@require_safe
def activity(request: HttpRequest) -> TemplateResponse:
    """``/perangkat-daerah/keaktifan/?urut=hari|nama|7|30|terjadwal&arah=naik|turun``."""
    index_page = _index_page(request)
    key, descending = _sorting(request)
    rows = sort_activity(agency_activity(index_page=index_page), key, descending)
    columns = [
        ("nama", _("Perangkat daerah")),
        ("hari", _("Hari sejak pembaruan terakhir")),
        ("7", _("Terbit 7 hari terakhir")),
        ("30", _("Terbit 30 hari terakhir")),
        ("terjadwal", _("Terjadwal")),
    ]
    context = {
        "rows": rows,
        "columns": columns,
        "sort_key": key,
        "descending": descending,
        "stale_after": settings.PENDOPO_ACTIVITY_STALE_WORKING_DAYS,
        "stale_count": sum(1 for row in rows if row.stale),
        "index_page": index_page,
        "og_title": _("Keaktifan perangkat daerah"),
        "today": timezone.localdate(),
    }
    return TemplateResponse(request, "agencies/activity.html", context)


CSV_HEADER = [
    "perangkat_daerah",
    "slug",
    "pembaruan_terakhir",
    "hari_sejak_pembaruan",
    "hari_kerja_sejak_pembaruan",
    "terbit_7_hari",
    "terbit_30_hari",
    "terjadwal",
    "tidak_aktif",
]


@require_safe
def activity_csv(request: HttpRequest) -> HttpResponse:
    """``/perangkat-daerah/keaktifan.csv``: the same figures, one agency per row (UTF-8)."""
    rows = agency_activity(index_page=_index_page(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="keaktifan-perangkat-daerah.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for row in rows:
        last = timezone.localtime(row.last_update).isoformat() if row.last_update else ""
        writer.writerow(
            [
                neutralise(row.agency.name),
                row.page.slug,
                last,
                "" if row.days_since_update is None else row.days_since_update,
                "" if row.working_days_since_update is None else row.working_days_since_update,
                row.published_7,
                row.published_30,
                row.scheduled,
                "ya" if row.stale else "tidak",
            ]
        )
    return response
