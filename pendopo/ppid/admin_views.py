"""Staff screens in the Wagtail admin: each PPID sees and acts only on its own requests; the
atasan PPID on objections; the PPID Utama on the yearly report. Thin: forms → services."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from pendopo.agencies.models import Agency
from pendopo.core.crypto import decrypt_bytes, mask
from pendopo.core.errors import DomainError
from pendopo.core.models import Event
from pendopo.core.selectors import regency_time_zone
from pendopo.ppid import permissions, selectors
from pendopo.ppid.errors import RequestInvalid
from pendopo.ppid.forms import (
    AnswerObjectionForm,
    DecideForm,
    DeliveryForm,
    DisputeForm,
    DisputeOutcomeForm,
    ExtendForm,
    RequestForm,
)
from pendopo.ppid.models import (
    AnnualReport,
    Dispute,
    IdentityDocument,
    InformationRequest,
    Objection,
    OfficeRole,
)
from pendopo.ppid.services import disputes, objections, reports
from pendopo.ppid.services import requests as request_services
from pendopo.ppid.states import Channel, RequestAction, RequestStatus
from pendopo.regions.models import Regency

OVERDUE_FILTER = "terlambat"  # the list's pseudo-status: open and past the due date


def _staff_only(request):
    if not permissions.is_ppid_staff(request.user):
        raise PermissionDenied


def request_list(request):
    _staff_only(request)
    today = timezone.localdate()
    status = request.GET.get("status", "")
    requests = selectors.requests_for(request.user)
    if status == OVERDUE_FILTER:
        requests = requests.overdue(today)
    elif status in RequestStatus.values:
        requests = requests.filter(status=status)
    rows = [(req, selectors.request_progress(req, today=today)) for req in requests[:200]]
    atasan = any(o.role == OfficeRole.ATASAN for o in permissions.offices_of(request.user))
    awaiting = Objection.objects.none()
    if atasan or request.user.is_superuser:
        awaiting = Objection.objects.awaiting_answer().select_related("request")
    return TemplateResponse(
        request,
        "ppid/admin/request_list.html",
        {
            "rows": rows,
            "status": status,
            "statuses": RequestStatus.choices,
            "objections": awaiting,
            "overdue_filter": OVERDUE_FILTER,
            "stale": selectors.stale_items_for(request.user, today=today),
        },
    )


# The forms of the staff's request actions (the decision form covers the five decisions).
DECIDE = "decide"
ACTIONS = {
    RequestAction.EXTEND: ExtendForm,
    DECIDE: DecideForm,
    RequestAction.DELIVER: DeliveryForm,
}


class OfflineRequestForm(RequestForm):
    """A walk-in, e-mail or postal request typed in by the PPID (UU 14/2008 Pasal 22(3)–(6))."""

    channel = forms.ChoiceField(
        label=_("Saluran"), choices=[c for c in Channel.choices if c[0] != Channel.ONLINE]
    )


def request_create(request):
    """Record a non-online request: the receipt's number and access code are shown to staff
    to hand over (Pasal 22(4)–(5))."""
    agencies, utama = handled_agencies(request.user)
    if not agencies.exists() and not utama:
        raise PermissionDenied
    form = OfflineRequestForm(request.POST or None, request.FILES or None, agencies=agencies)
    if not utama:
        form.fields["agency"].required = True
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            agency = data["agency"]
            regency = agency.regency if agency else _utama_regency(request.user)
            try:
                created, code = request_services.submit_request(
                    regency=regency,
                    agency=agency,
                    data=data,
                    documents=form.documents(),
                    submission_key=data.get("submission_key"),
                    channel=data["channel"],
                    actor=request.user,
                )
            except RequestInvalid as error:
                for field, message in error.errors.items():
                    form.add_error(field if field in form.fields else None, message)
            else:
                if code:
                    messages.success(
                        request,
                        _("Permohonan %(number)s tercatat. Kode akses untuk pemohon: %(code)s")
                        % {"number": created.number, "code": code},
                    )
                return redirect("ppid_admin:request", pk=created.pk)
        status = 400
    return TemplateResponse(
        request, "ppid/admin/request_create.html", {"form": form}, status=status
    )


def handled_agencies(user):
    """Agencies whose requests and items ``user`` handles, and whether they are PPID Utama."""
    if user.is_superuser:
        return Agency.objects.all(), True
    offices = permissions.offices_of(user)
    ids = [o.agency_id for o in offices if o.role == OfficeRole.PELAKSANA]
    utama = any(o.role == OfficeRole.UTAMA for o in offices)
    return Agency.objects.filter(pk__in=ids), utama


def request_detail(request, pk: int):
    _staff_only(request)
    req = get_object_or_404(InformationRequest.objects.select_related("agency", "regency"), pk=pk)
    handles = permissions.can_handle_request(request.user, req)
    objection_ids = list(req.objections.values_list("pk", flat=True))
    answers = any(permissions.can_answer_objection(request.user, o) for o in req.objections.all())
    if not handles and not answers:
        raise PermissionDenied
    forms_by_action = {name: form_class(prefix=name) for name, form_class in ACTIONS.items()}
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == RequestAction.PROCESS:
                request_services.start_processing(request=req, by=request.user)
                return _done(request, req, _("Permohonan ditandai diproses."))
            if action in forms_by_action:
                form = ACTIONS[action](request.POST, prefix=action)
                forms_by_action[action] = form
                if form.is_valid():
                    data = form.cleaned_data
                    if action == RequestAction.EXTEND:
                        request_services.extend_deadline(
                            request=req, by=request.user, days=data["days"], reason=data["reason"]
                        )
                    elif action == DECIDE:
                        request_services.decide_request(request=req, by=request.user, **data)
                    else:
                        request_services.record_delivery(
                            request=req, by=request.user, note=data["note"]
                        )
                    return _done(request, req, _("Perubahan disimpan."))
                status = 400
            elif action.startswith(("answer-", "dispute-", "outcome-")):
                return _objection_action(request, req, action)
            else:
                status = 400
        except DomainError as error:
            messages.error(request, str(error))
            status = 400
    events = Event.objects.filter(
        Q(content_type__model="informationrequest", object_id=str(req.pk))
        | Q(content_type__model="objection", object_id__in=[str(i) for i in objection_ids])
    ).select_related("actor")
    today = timezone.localdate()
    entries = [
        {
            "objection": objection,
            "answer_form": AnswerObjectionForm(prefix=f"answer-{objection.pk}"),
            "dispute_form": DisputeForm(prefix=f"dispute-{objection.pk}"),
            "outcome_form": DisputeOutcomeForm(prefix=f"outcome-{objection.pk}"),
            "can_answer": permissions.can_answer_objection(request.user, objection)
            and objection.is_awaiting_answer,
            "dispute": Dispute.objects.filter(objection=objection).first(),
            "dispute_open": objection.dispute_may_be_recorded(today),
        }
        for objection in req.objections.all()
    ]
    return TemplateResponse(
        request,
        "ppid/admin/request_detail.html",
        {
            "req": req,
            "handles": handles,
            "forms": forms_by_action,
            "progress": selectors.request_progress(req, today=timezone.localdate()),
            "events": events,
            "objections": entries,
            "masked_identity": mask(req.identity_number, char="*"),
            "documents": req.identity_documents.all(),
        },
        status=status,
    )


def _done(request, req, message):
    messages.success(request, message)
    return redirect("ppid_admin:request", pk=req.pk)


def _objection_action(request, req, action):
    kind, _sep, pk = action.partition("-")
    objection = get_object_or_404(Objection, pk=pk, request=req)
    form_class = {
        "answer": AnswerObjectionForm,
        "dispute": DisputeForm,
        "outcome": DisputeOutcomeForm,
    }[kind]
    form = form_class(request.POST, prefix=action)
    if not form.is_valid():
        messages.error(request, _("Isian belum lengkap: %s") % form.errors.as_text())
        return redirect("ppid_admin:request", pk=req.pk)
    data = form.cleaned_data
    if kind == "answer":
        objections.answer_objection(objection=objection, by=request.user, **data)
    elif kind == "dispute":
        disputes.record_dispute(objection=objection, by=request.user, **data)
    else:
        dispute = get_object_or_404(Dispute, objection=objection)
        disputes.record_dispute_outcome(dispute=dispute, by=request.user, **data)
    return _done(request, req, _("Perubahan disimpan."))


def identity_document(request, pk: int):
    """Download a decrypted identity scan: only the PPID handling the request."""
    document = get_object_or_404(IdentityDocument.objects.select_related("request"), pk=pk)
    if not permissions.can_handle_request(request.user, document.request):
        raise Http404
    response = HttpResponse(decrypt_bytes(document.encrypted), content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.kind}-{document.pk}"'
    response["Cache-Control"] = "private, no-store"
    return response


class ReportForm(forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ["year", *AnnualReport.SECTIONS]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in AnnualReport.SECTIONS}


def _utama_regency(user):
    for office in permissions.offices_of(user):
        if office.role == OfficeRole.UTAMA:
            return office.regency
    if user.is_superuser:
        return Regency.objects.filter(code=settings.PENDOPO_REGENCY_CODE).first()
    return None


def report_edit(request, year: int | None = None):
    """Write the six sections of a year's report; "Terbitkan" publishes it."""
    regency = _utama_regency(request.user)
    if regency is None:
        raise PermissionDenied
    report = AnnualReport.objects.filter(regency=regency, year=year).first() if year else None
    form = ReportForm(request.POST or None, instance=report)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            report = form.save(commit=False)
            report.regency = regency
            if (
                AnnualReport.objects.filter(regency=regency, year=report.year)
                .exclude(pk=report.pk)
                .exists()
            ):
                form.add_error("year", _("Laporan tahun ini sudah ada."))
            else:
                report.save()
                if "publish" in request.POST:
                    try:
                        reports.publish_annual_report(report=report, by=request.user)
                        messages.success(request, _("Laporan diterbitkan."))
                    except DomainError as error:
                        messages.error(request, str(error))
                else:
                    messages.success(request, _("Laporan disimpan."))
                return redirect("ppid_admin:report", year=report.year)
        status = 400
    figures = None
    if report is not None:
        figures = selectors.annual_figures(
            regency=regency, year=report.year, time_zone=regency_time_zone(regency)
        )
    return TemplateResponse(
        request,
        "ppid/admin/report_edit.html",
        {
            "form": form,
            "report": report,
            "figures": figures,
            "reports": AnnualReport.objects.filter(regency=regency),
        },
        status=status,
    )
