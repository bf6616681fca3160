"""Admin views for complaint handlers (mounted under /admin/pengaduan/ by wagtail_hooks)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pendopo.agencies.models import Agency
from pendopo.complaints import exports, permissions, selectors, services
from pendopo.complaints.models import Case, SavedReply
from pendopo.complaints.states import Action, CaseStatus, allowed_actions
from pendopo.core.errors import DomainError
from pendopo.core.listing import paginate


def _staff(request):
    if not permissions.can_use_complaints_admin(request.user):
        raise PermissionDenied


def index(request):
    """Cases the user may see; ?status=, ?terlambat=1, ?q=; ?format=xlsx|csv exports."""
    _staff(request)
    cases = permissions.cases_visible_to(request.user).select_related("agency", "category")
    status = request.GET.get("status", "")
    if status in CaseStatus.values:
        cases = cases.filter(status=status)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        cases = cases.filter(Q(tracking_number__icontains=query) | Q(subject__icontains=query))
    overdue_only = request.GET.get("terlambat") == "1"
    rows = [(case, selectors.is_overdue(case)) for case in cases]
    if overdue_only:
        rows = [row for row in rows if row[1]]
    export = request.GET.get("format", "")
    if export in ("xlsx", "csv"):
        overdue = {case.pk for case, late in rows if late}
        table = exports.staff_case_rows(
            [case for case, _late in rows], today_for=lambda c: c.pk in overdue
        )
        if export == "csv":
            return exports.csv_response(table, "pengaduan.csv")
        return exports.xlsx_response(table, "pengaduan.xlsx", title="Pengaduan")
    context = {
        "header_title": _("Pengaduan"),
        "page_title": _("Pengaduan"),
        "header_icon": "mail",
        "page_obj": paginate(request, rows, per_page=50),
        "statuses": CaseStatus.choices,
        "status": status,
        "query": query,
        "overdue_only": overdue_only,
        "overdue_count": sum(1 for _case, late in rows if late),
        "is_coordinator": permissions.is_coordinator(request.user),
    }
    return TemplateResponse(request, "complaints/admin/index.html", context)


def _case_for(request, pk: int) -> Case:
    _staff(request)
    case = get_object_or_404(Case.objects.select_related("agency", "category", "regency"), pk=pk)
    if not permissions.can_view_case(request.user, case):
        raise Http404
    return case


def detail(request, pk: int, reveal: bool = False):
    case = _case_for(request, pk)
    user = request.user
    actions = set(allowed_actions(case.status))
    coordinator = permissions.can_verify(user, case)
    answerer = permissions.can_answer(user, case)
    saved = SavedReply.objects.filter(Q(agency__isnull=True) | Q(agency=case.agency_id))
    chosen = saved.filter(pk=request.GET.get("balasan") or 0).first()
    agencies = Agency.objects.filter(regency=case.regency).order_by("name")
    context = {
        "header_title": case.tracking_number,
        "page_title": case.tracking_number,
        "page_subtitle": case.subject,
        "header_icon": "mail",
        "case": case,
        "deadline": selectors.current_deadline(case),
        "overdue": selectors.is_overdue(case),
        "events": selectors.timeline(case),
        "messages_list": case.messages.select_related("agency"),
        "attachments": case.attachments.all(),
        "agencies": agencies,
        "suggested": selectors.suggested_agency(case) if coordinator else None,
        "can_verify": coordinator and Action.VERIFY in actions,
        "can_hold": coordinator and Action.HOLD in actions,
        "can_refer": coordinator and Action.REFER in actions,
        "can_archive": coordinator and Action.ARCHIVE in actions,
        "can_spam": coordinator and Action.MARK_SPAM in actions,
        "can_restore": coordinator and Action.RESTORE in actions,
        "can_lapor": coordinator,
        "can_transfer": answerer and Action.TRANSFER in actions,
        "can_follow_up": answerer and Action.FOLLOW_UP in actions,
        "saved_replies": saved,
        "chosen_reply": chosen,
        "revealed": reveal,
    }
    return TemplateResponse(request, "complaints/admin/detail.html", context)


@require_POST
def reveal(request, pk: int):
    """Show the reporter's contact details once; the access is logged (UU 27/2022)."""
    case = _case_for(request, pk)
    purpose = request.POST.get("keperluan", "").strip()[:200] or _("menghubungi pelapor")
    try:
        services.log_personal_data_access(case=case, by=request.user, purpose=purpose)
    except DomainError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(reverse("complaints_admin:detail", args=[pk]))
    return detail(request, pk, reveal=True)


@require_POST
def act(request, pk: int):
    case = _case_for(request, pk)
    action = request.POST.get("aksi", "")
    post = request.POST
    agency = Agency.objects.filter(pk=post.get("opd") or 0, regency=case.regency).first()
    calls = {
        "verify": lambda: services.verify_case(
            case=case, by=request.user, agency=agency, note=post.get("catatan", "")
        ),
        "hold": lambda: services.hold_case(
            case=case, by=request.user, reason=post.get("alasan", "")
        ),
        "refer": lambda: services.refer_case(
            case=case, by=request.user, referral=post.get("rujukan", "")
        ),
        "archive": lambda: services.archive_case(
            case=case, by=request.user, reason=post.get("alasan", "")
        ),
        "mark_spam": lambda: services.mark_spam(case=case, by=request.user),
        "restore": lambda: services.restore_case(case=case, by=request.user),
        "transfer": lambda: services.transfer_case(
            case=case, by=request.user, agency=agency, reason=post.get("alasan", "")
        ),
        "follow_up": lambda: services.post_follow_up(
            case=case, by=request.user, body=post.get("isi", "")
        ),
        "lapor": lambda: services.record_lapor_id(
            case=case, by=request.user, lapor_tracking_id=post.get("lapor_id", "")
        ),
    }
    if action not in calls:
        messages.error(request, _("Tindakan tidak dikenal."))
    else:
        try:
            calls[action]()
            messages.success(request, _("Tersimpan."))
        except DomainError as error:
            messages.error(request, str(error))
    target = reverse("complaints_admin:detail", args=[pk])
    if not permissions.can_view_case(request.user, Case.objects.get(pk=pk)):
        target = reverse("complaints_admin:index")  # handed to another agency
    return HttpResponseRedirect(target)


def attachment(request, pk: int, attachment_pk: int):
    case = _case_for(request, pk)
    item = get_object_or_404(case.attachments, pk=attachment_pk)
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)
    response["Content-Type"] = item.content_type
    response["X-Content-Type-Options"] = "nosniff"
    return response


urlpatterns = [
    path("", index, name="index"),
    path("<int:pk>/", detail, name="detail"),
    path("<int:pk>/tindakan/", act, name="act"),
    path("<int:pk>/kontak/", reveal, name="reveal"),
    path("<int:pk>/lampiran/<int:attachment_pk>/", attachment, name="attachment"),
]
