"""Public PPID pages under /ppid/: thin adapters that parse input, call a service, render."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from pendopo.agencies.models import Agency
from pendopo.core.context_processors import portal
from pendopo.core.errors import DomainError
from pendopo.core.listing import paginate
from pendopo.core.selectors import regency_for_request, regency_time_zone
from pendopo.ppid import exports, rules, selectors
from pendopo.ppid.errors import RequestInvalid
from pendopo.ppid.forms import AccessForm, ListFilterForm, ObjectionForm, RequestForm
from pendopo.ppid.models import AnnualReport, InformationItem, InformationRequest
from pendopo.ppid.services.deadlines import stale_cutoff
from pendopo.ppid.services.numbering import check_access_code
from pendopo.ppid.services.objections import file_objection, objection_grounds, objection_window
from pendopo.ppid.services.requests import submit_request, validate_request_data
from pendopo.ppid.states import Category, RequestStatus

INDEX_DESCRIPTION = gettext_lazy(
    "Daftar informasi publik (PPID): informasi berkala, serta-merta, setiap saat dan yang "
    "dikecualikan, dari pemerintah kabupaten dan setiap perangkat daerah."
)
FORM_DESCRIPTION = format_lazy(
    gettext_lazy(
        "Ajukan permohonan informasi publik secara daring; jawaban "
        "paling lambat {days} hari kerja (UU 14/2008 Pasal 22)."
    ),
    days=rules.ANSWER.amount,
)
LOG_DESCRIPTION = gettext_lazy(
    "Register permohonan informasi publik: nomor, pokok, badan publik, "
    "status dan jangka waktu, tanpa identitas pemohon."
)


def _page(request, template, title, description, context, status=200) -> TemplateResponse:
    """Render a PPID page with the title and description its Open Graph tags use."""
    context = {**context, "meta_title": title, "meta_description": description}
    return TemplateResponse(request, template, context, status=status)


def _site_agency(request: HttpRequest):

    return portal(request)["site_agency"]


def _filtered_items(request: HttpRequest, regency):
    agencies = list(Agency.objects.filter(regency=regency).order_by("name"))
    data = request.GET.copy()
    site_agency = _site_agency(request)
    if site_agency is not None and "opd" not in data:
        data["opd"] = site_agency.slug
    form = ListFilterForm(data, agencies=agencies)
    category = agency = None
    query = ""
    if form.is_valid():
        category = form.cleaned_data["kategori"]
        query = form.cleaned_data["q"]
        slug = form.cleaned_data["opd"]
        agency = "utama" if slug == "utama" else next((a for a in agencies if a.slug == slug), None)
    items = selectors.public_items(
        regency=regency, category=category or "", agency=agency, query=query
    )
    return form, items


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """``/ppid/``: the public information list in four categories (UU 14/2008 Pasal 9–11,
    17), filterable by category, agency and keyword, with the berkala freshness figure."""
    regency = regency_for_request(request)
    form, items = _filtered_items(request, regency)
    today = timezone.localdate()
    page_obj = paginate(request, items, per_page=25)
    query = {k: v for k, v in form.data.items() if k in ("kategori", "opd", "q") and v}
    context = {
        "form": form,
        "page_obj": page_obj,
        "extra_query": urlencode(query),
        "freshness": selectors.freshness(regency=regency, today=today),
        "cutoff": stale_cutoff(today),
        "categories": Category.choices,
        "export_query": urlencode(query),
        "reports": selectors.published_reports(regency=regency)[:5],
        "is_ppid_home": True,
    }
    if form.errors:
        return _page(
            request,
            "ppid/index.html",
            _("Daftar Informasi Publik"),
            INDEX_DESCRIPTION,
            context,
            status=400,
        )
    return _page(
        request,
        "ppid/index.html",
        _("Daftar Informasi Publik"),
        INDEX_DESCRIPTION,
        context,
    )


@require_safe
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    regency = regency_for_request(request)
    item = get_object_or_404(
        InformationItem.objects.published().select_related("agency", "page", "document"),
        pk=pk,
        regency=regency,
    )
    today = timezone.localdate()
    return _page(
        request,
        "ppid/item_detail.html",
        item.title,
        item.summary[:200],
        {"item": item, "stale": selectors.is_stale(item, today)},
    )


def _export(request: HttpRequest, kind: str) -> HttpResponse:
    regency = regency_for_request(request)
    form, items = _filtered_items(request, regency)
    if form.errors:
        return HttpResponse(_("Filter tidak sah."), status=400, content_type="text/plain")
    rows = exports.dip_rows(items)
    name = f"daftar-informasi-publik-{timezone.localdate():%Y%m%d}"
    if kind == "csv":
        body = exports.to_csv(exports.DIP_COLUMNS, rows)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    body = exports.to_xlsx([("DIP", exports.DIP_COLUMNS, rows)])
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, "csv")


@require_safe
def export_xlsx(request: HttpRequest) -> HttpResponse:
    return _export(request, "xlsx")


@require_safe
def suggestions(request: HttpRequest) -> JsonResponse:
    """``/ppid/saran/?teks=``: public items matching the request details being typed."""
    regency = regency_for_request(request)
    text = request.GET.get("teks", "")[:500]
    items = selectors.suggest_items(regency=regency, text=text)
    return JsonResponse(
        {
            "items": [
                {
                    "title": item.title,
                    "category": item.get_category_display(),
                    "holder": item.holder_name,
                    "url": reverse("ppid:item", args=[item.pk]),
                }
                for item in items
            ]
        }
    )


@require_http_methods(["GET", "POST"])
def request_form(request: HttpRequest) -> HttpResponse:
    """``/ppid/permohonan/``: the online request (docs/rules.md#ppid-request-fields). On success:
    redirect to the receipt with the registration number and access code (UU 14/2008 Pasal
    22(4))."""
    regency = regency_for_request(request)
    agencies = Agency.objects.filter(regency=regency).order_by("name")
    suggested = []
    if request.method == "POST":
        form = RequestForm(request.POST, request.FILES, agencies=agencies)
        if form.is_valid() and form.cleaned_data.get("website"):
            return redirect("ppid:index")  # honeypot filled: a bot
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                created, code = submit_request(
                    regency=regency,
                    agency=data["agency"],
                    data=data,
                    documents=form.documents(),
                    submission_key=data.get("submission_key"),
                )
            except RequestInvalid as error:
                for field, message in error.errors.items():
                    form.add_error(field if field in form.fields else None, message)
            else:
                if code is None:
                    # A second tap of the same form: the first receipt was already shown.
                    return _page(
                        request,
                        "ppid/request_duplicate.html",
                        _("Permohonan sudah terkirim"),
                        _("Permohonan informasi publik"),
                        {"number": created.number},
                    )
                url = reverse("ppid:request_status", args=[created.number])
                return redirect(f"{url}?{urlencode({'kode': code, 'baru': 1})}")
        if not form.is_valid():
            # Also say at once what the service would refuse (a missing power of attorney).
            data = {**request.POST.dict(), "is_proxy": bool(request.POST.get("is_proxy"))}
            for field, message in validate_request_data(data, form.documents()).items():
                if field in ("power_of_attorney", "decree") and field not in form.errors:
                    form.add_error(field, message)
        suggested = selectors.suggest_items(regency=regency, text=request.POST.get("details", ""))
        status = 400
    else:
        initial = {}
        site_agency = _site_agency(request)
        slug = request.GET.get("opd") or (site_agency.slug if site_agency else "")
        if slug:
            initial["agency"] = agencies.filter(slug=slug).first()
        form = RequestForm(agencies=agencies, initial=initial)
        status = 200
    return _page(
        request,
        "ppid/request_form.html",
        _("Permohonan Informasi Publik"),
        FORM_DESCRIPTION,
        {"form": form, "suggested": suggested},
        status=status,
    )


def _access(request: HttpRequest, number: str) -> tuple[InformationRequest, str]:
    regency = regency_for_request(request)
    found = InformationRequest.objects.filter(number=number, regency=regency).first()
    code = request.POST.get("kode") or request.GET.get("kode") or ""
    if found is None or not check_access_code(found, code):
        raise Http404(_("Nomor pendaftaran atau kode akses salah."))
    return found, code


@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    """``/ppid/lacak/``: number + access code → the request's own page."""
    form = AccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        number, code = form.cleaned_data["nomor"].strip(), form.cleaned_data["kode"].strip()
        regency = regency_for_request(request)
        found = InformationRequest.objects.filter(number=number, regency=regency).first()
        if found is not None and check_access_code(found, code):
            url = reverse("ppid:request_status", args=[found.number])
            return redirect(f"{url}?{urlencode({'kode': code})}")
        form.add_error(None, _("Nomor pendaftaran atau kode akses salah."))
    status = 400 if request.method == "POST" else 200
    return _page(
        request,
        "ppid/track.html",
        _("Lacak permohonan informasi"),
        _("Lacak permohonan informasi dan ajukan keberatan."),
        {"form": form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def request_status(request: HttpRequest, number: str) -> HttpResponse:
    """The requester's receipt and status page; also where an objection is filed."""
    found, code = _access(request, number)
    now = timezone.now()
    today = timezone.localdate()
    windows = {
        ground: window
        for ground in objection_grounds(found, now=now)
        if (window := objection_window(found, ground, now=now)).due_on >= today
    }
    grounds = list(windows)
    open_objection = found.objections.awaiting_answer().exists()
    objection_form = None
    status = 200
    if grounds and not open_objection:
        objection_form = ObjectionForm(request.POST or None, grounds=grounds)
        if request.method == "POST" and objection_form.is_valid():
            try:
                objection = file_objection(
                    request=found,
                    ground=objection_form.cleaned_data["ground"],
                    statement=objection_form.cleaned_data["statement"],
                )
            except DomainError as error:
                objection_form.add_error(None, str(error))
            else:
                url = reverse("ppid:request_status", args=[found.number])
                return redirect(f"{url}?{urlencode({'kode': code, 'keberatan': objection.number})}")
        if request.method == "POST":
            status = 400
    elif request.method == "POST":
        status = 400
    context = {
        "req": found,
        "code": code,
        "is_new": request.GET.get("baru") == "1",
        "progress": selectors.request_progress(found, today=today),
        "objections": found.objections.select_related("dispute"),
        "objection_form": objection_form,
        "windows": windows,
        "open_objection": open_objection,
    }
    return _page(
        request,
        "ppid/request_status.html",
        found.number,
        _("Status permohonan informasi publik"),
        context,
        status=status,
    )


@require_safe
def request_log(request: HttpRequest) -> HttpResponse:
    """``/ppid/register/``: the public request log. Never the requester's identity."""
    regency = regency_for_request(request)
    status = request.GET.get("status", "")
    if status and status not in RequestStatus.values:
        status = ""
    page_obj = paginate(request, selectors.public_request_log(regency=regency, status=status), 25)
    today = timezone.localdate()
    rows = [(req, selectors.request_progress(req, today=today)) for req in page_obj]
    return _page(
        request,
        "ppid/request_log.html",
        _("Register permohonan informasi"),
        LOG_DESCRIPTION,
        {
            "page_obj": page_obj,
            "rows": rows,
            "statuses": RequestStatus.choices,
            "status": status,
            "extra_query": urlencode({"status": status}) if status else "",
        },
    )


@require_safe
def report_list(request: HttpRequest) -> HttpResponse:
    regency = regency_for_request(request)
    return _page(
        request,
        "ppid/report_list.html",
        _("Laporan layanan informasi publik"),
        _("Laporan tahunan layanan informasi publik (Perki 1/2021 Pasal 56)."),
        {"reports": selectors.published_reports(regency=regency)},
    )


def _report(request: HttpRequest, year: int):
    regency = regency_for_request(request)
    report = get_object_or_404(AnnualReport, regency=regency, year=year, published_at__isnull=False)
    figures = selectors.annual_figures(
        regency=regency, year=year, time_zone=regency_time_zone(regency)
    )
    return report, figures


@require_safe
def report_detail(request: HttpRequest, year: int) -> HttpResponse:
    """``/ppid/laporan/<year>/``: the published yearly report (Perki 1/2021 Pasal 56)."""
    report, figures = _report(request, year)
    columns = selectors.report_columns()
    table = [
        [selectors.report_cell(row, key) for key, _label in columns]
        for row in [*figures["rows"], figures["total"]]
    ]
    sections = [
        (report._meta.get_field(name).verbose_name, getattr(report, name))
        for name in report.SECTIONS
    ]
    return _page(
        request,
        "ppid/report_detail.html",
        str(report),
        _("Laporan tahunan layanan informasi publik (Perki 1/2021 Pasal 56)."),
        {"report": report, "columns": columns, "table": table, "sections": sections},
    )


@require_safe
def report_xlsx(request: HttpRequest, year: int) -> HttpResponse:
    report, figures = _report(request, year)
    columns = selectors.report_columns()
    rows = [
        [selectors.report_cell(row, key) for key, _label in columns]
        for row in [*figures["rows"], figures["total"]]
    ]
    sections = [
        [str(report._meta.get_field(name).verbose_name), getattr(report, name)]
        for name in report.SECTIONS
    ]
    body = exports.to_xlsx(
        [
            ("Rekap", [label for _key, label in columns], rows),
            ("Uraian", ["Bagian", "Isi"], sections),
        ]
    )
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="laporan-ppid-{year}.xlsx"'
    return response
