"""Public pages under /pengaduan/: the form (contract C1
(docs/contracts.md#c1-complaint-form-prefill)), receipt, private tracking, the public Q&A and
statistics. Thin: parse, call a service, render."""

from __future__ import annotations

import time

import segno
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_safe

from pendopo.agencies.models import Agency
from pendopo.complaints import abuse, exports, selectors, services
from pendopo.complaints.forms import (
    CaseForm,
    RatingForm,
    ReplyForm,
    TrackForm,
    initial_from_get,
)
from pendopo.complaints.models import Case, Category, MessageAuthor
from pendopo.complaints.states import Action, CaseStatus
from pendopo.core.errors import DomainError
from pendopo.core.listing import paginate
from pendopo.core.search import unreadable_query_error
from pendopo.core.selectors import (
    DEFAULT_TIME_ZONE,
    portal_settings,
    portal_site_for_request,
    regency_for_request,
)

EVENT_LABELS = {
    "complaints.reporter_reply": _("Pelapor membalas"),
    "complaints.rated": _("Pelapor memberi penilaian"),
    "complaints.lapor_id": _("Dicatat di SP4N-LAPOR!"),
    "complaints.personal_data_purged": _("Data pribadi dihapus (masa simpan berakhir)"),
}
PUBLIC_HEADERS = {"Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow"}


def _regency(request: HttpRequest):
    """``(regency, time zone)`` of this request's portal; Http404 when it is not set up."""
    regency = regency_for_request(request)
    settings = portal_settings(request)
    return regency, settings.time_zone if settings else DEFAULT_TIME_ZONE


def _client_ip(request: HttpRequest) -> str:
    # nginx in front passes the client address as REMOTE_ADDR (proxy_protocol/realip module);
    # X-Forwarded-For is never trusted here: anyone can send it.
    return request.META.get("REMOTE_ADDR", "")


def _link(request: HttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("complaints:track_case", args=[token]))


def _private(response: HttpResponse) -> HttpResponse:
    for header, value in PUBLIC_HEADERS.items():
        response[header] = value
    return response


def _render_form(request, form, *, status=200, error: str = ""):
    return TemplateResponse(
        request,
        "complaints/form.html",
        {
            "form": form,
            "error": error,
            "max_attachments": 3,
            "districts": form.fields["kecamatan"].queryset,
            "villages_by_district": _villages_by_district(form),
        },
        status=status,
    )


def _villages_by_district(form) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for village in form.fields["desa"].queryset.order_by("district__name", "name"):
        groups.setdefault(village.district.name, []).append(village)
    return list(groups.items())


def _receipt(request, submission: services.Submission, *, status=200):
    link = _link(request, submission.token)
    qr = segno.make(link, error="m").svg_data_uri(scale=4, border=2)
    response = TemplateResponse(
        request,
        "complaints/receipt.html",
        {
            "case": submission.case,
            "link": link,
            "qr": qr,
            "deadline": selectors.current_deadline(submission.case),
        },
        status=status,
    )
    return _private(response)


@never_cache
@sensitive_post_parameters("nama", "telepon", "email")
@require_http_methods(["GET", "HEAD", "POST"])
def case_form(request: HttpRequest) -> HttpResponse:
    """``/pengaduan/``: GET shows the form (pre-filled per contract C1
    (docs/contracts.md#c1-complaint-form-prefill)), POST files the case and shows the receipt. Bad
    input: the form again with Indonesian messages and a 4xx."""
    regency, time_zone = _regency(request)
    services_list = selectors.service_choices(portal_site_for_request(request))
    if request.method != "POST":
        initial = initial_from_get(request.GET, regency=regency, services=services_list)
        initial["kunci"] = abuse.new_form_key()
        form = CaseForm(initial=initial, regency=regency, services=services_list)
        return _render_form(request, form)

    form = CaseForm(request.POST, request.FILES, regency=regency, services=services_list)
    try:
        nonce, age = abuse.read_form_key(request.POST.get("kunci", ""))
    except abuse.FormKeyError:
        form = _fresh_key(form)
        return _render_form(
            request,
            form,
            status=400,
            error=_("Formulir sudah kedaluwarsa atau tidak sah. Periksa isian lalu kirim lagi."),
        )
    existing = Case.objects.filter(submission_key=services._submission_key(nonce)).first()
    if existing is not None:  # a double tap or a retried POST: the same receipt
        return _receipt(request, services.Submission(existing, services.token_for(nonce), False))
    if age < abuse.MIN_FILL_SECONDS:
        return _render_form(
            request,
            form,
            status=400,
            error=_("Formulir terkirim terlalu cepat. Periksa kembali isian Anda lalu kirim lagi."),
        )
    proof = abuse.verify_altcha(request.POST.get("altcha", ""))
    if abuse.over_rate_limit(
        ip=_client_ip(request), session_key=_session_bucket(request), proof_of_work=proof
    ):
        return _render_form(
            request,
            form,
            status=429,
            error=_(
                "Terlalu banyak laporan dikirim dari jaringan atau peramban ini dalam satu jam. "
                "Silakan coba lagi nanti; isian Anda tetap tersimpan di halaman ini."
            ),
        )
    if not form.is_valid():
        return _render_form(
            request, form, status=400, error=_("Ada isian yang perlu diperbaiki, lihat di bawah.")
        )
    data = form.cleaned_data
    score = abuse.spam_score(data["judul"], data["isi"])
    if request.POST.get("situs_web"):
        score += abuse.SPAM_THRESHOLD  # the honeypot was filled: kept as spam, never lost
    try:
        submission = services.submit_case(
            regency=regency,
            nonce=nonce,
            kind=data["jenis"],
            category=data["kategori"],
            subject=data["judul"],
            body=data["isi"],
            reporter_name=data["nama"],
            reporter_phone=data["telepon"],
            reporter_email=data["email"],
            requested_agency=data["opd"],
            service=data["layanan"],
            district=data["kecamatan"],
            village=data["desa"],
            reference_path=data["rujukan"],
            is_anonymous=data["anonim"],
            is_confidential=data["rahasia"],
            attachments=data["lampiran"],
            spam_score=score,
            proof_of_work=proof,
            time_zone=time_zone,
            link_for=lambda token: _link(request, token),
        )
    except DomainError as error:
        return _render_form(request, form, status=400, error=str(error))
    return _receipt(request, submission)


def _fresh_key(form: CaseForm) -> CaseForm:
    data = form.data.copy()
    data["kunci"] = abuse.new_form_key()
    return CaseForm(data, form.files, regency=form.regency, services=list(form.services.values()))


def _session_bucket(request: HttpRequest) -> str:
    """A per-browser key for the session rate limit (creates the session on first POST)."""
    if not request.session.session_key:
        request.session["pengaduan"] = int(time.time())
        request.session.save()
    return request.session.session_key or ""


@never_cache
@require_safe
def altcha_challenge(request: HttpRequest) -> JsonResponse:
    """A fresh ALTCHA proof-of-work challenge for the form's small script."""
    return JsonResponse(abuse.new_challenge())


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    """``/pengaduan/lacak/``: enter the access code (or paste the private link)."""
    _regency(request)
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["kode"].strip().rstrip("/").rsplit("/", 1)[-1]
        if Case.objects.filter(token_hash=services.hash_token(code)).exists():
            return HttpResponseRedirect(reverse("complaints:track_case", args=[code]))
        form.add_error("kode", _("Kode akses tidak dikenal. Periksa tanda terima Anda."))
    status = 400 if request.method == "POST" else 200
    return _private(
        TemplateResponse(request, "complaints/track.html", {"form": form}, status=status)
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def track_case(request: HttpRequest, token: str) -> HttpResponse:
    """``/pengaduan/lacak/<token>/``: the reporter's private page: timeline, "hari ke-N dari
    M", answers, reply (reopens an answered case) and rating."""
    regency, _tz = _regency(request)
    case = Case.objects.filter(token_hash=services.hash_token(token), regency=regency).first()
    if case is None or len(token) > 100:
        raise Http404
    reply_form, rating_form, status = ReplyForm(), RatingForm(), 200
    if request.method == "POST":
        try:
            if request.POST.get("aksi") == "nilai":
                rating_form = RatingForm(request.POST)
                if rating_form.is_valid():
                    services.rate_answer(
                        case=case,
                        score=rating_form.cleaned_data["nilai"],
                        comment=rating_form.cleaned_data["komentar"],
                    )
                    return HttpResponseRedirect(request.path + "?terkirim=nilai")
            else:
                reply_form = ReplyForm(request.POST)
                if reply_form.is_valid():
                    services.reply_as_reporter(case=case, body=reply_form.cleaned_data["balasan"])
                    return HttpResponseRedirect(request.path + "?terkirim=balasan")
        except DomainError as error:
            reply_form.add_error(None, str(error))
        status = 400
    context = {
        "case": case,
        "events": _timeline(case),
        "deadline": selectors.current_deadline(case),
        "answers": case.messages.select_related("agency"),
        "reply_form": reply_form,
        "rating_form": rating_form,
        "can_reply": case.status
        in (
            CaseStatus.RECEIVED,
            CaseStatus.ON_HOLD,
            CaseStatus.ASSIGNED,
            CaseStatus.ANSWERED,
            CaseStatus.CLOSED,
        ),
        "can_rate": case.status in (CaseStatus.ANSWERED, CaseStatus.CLOSED),
        "sent": request.GET.get("terkirim", ""),
    }
    return _private(TemplateResponse(request, "complaints/track_case.html", context, status=status))


def _timeline(case: Case) -> list[dict]:
    rows = []
    for event in selectors.timeline(case):
        action = event.kind.removeprefix("complaints.")
        if action in Action.values:
            label = Action(action).label
        else:
            label = EVENT_LABELS.get(event.kind, action)
        to = event.payload.get("to")
        rows.append(
            {
                "at": event.at,
                "label": label,
                "status": CaseStatus(to).label if to in CaseStatus.values else "",
            }
        )
    return rows


@require_safe
def qa_list(request: HttpRequest) -> HttpResponse:
    """``/pengaduan/tanya-jawab/``: answered, non-confidential cases; ?q=, ?opd=, ?kategori=."""
    regency, _tz = _regency(request)
    raw = request.GET.get("q", "")
    unreadable = unreadable_query_error(raw)  # refused with a message, never echoed
    query = "" if unreadable else " ".join(raw.split())[:100]
    agency_slug = request.GET.get("opd", "")[:100]
    category_slug = request.GET.get("kategori", "")[:50]
    cases = selectors.public_cases(
        regency=regency, query=query, agency_slug=agency_slug, category_slug=category_slug
    )
    context = {
        "page_obj": paginate(request, cases),
        "query": query,
        "agency_slug": agency_slug,
        "category_slug": category_slug,
        "agencies": Agency.objects.filter(
            regency=regency, complaint_cases__in=Case.objects.public()
        )
        .distinct()
        .order_by("name"),
        "categories": Category.objects.all(),
        "error": unreadable,
    }
    return TemplateResponse(
        request, "complaints/qa_list.html", context, status=400 if unreadable else 200
    )


@require_safe
def qa_detail(request: HttpRequest, tracking_number: str) -> HttpResponse:
    regency, _tz = _regency(request)
    case = get_object_or_404(
        Case.objects.public().select_related("agency", "category"),
        regency=regency,
        tracking_number=tracking_number,
    )
    answers = list(case.messages.filter(author_kind=MessageAuthor.AGENCY).select_related("agency"))
    faq = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": case.subject,
                "text": case.body[:1000],
                "dateCreated": case.received_at.isoformat(),
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": answers[0].body[:2000] if answers else "",
                    "dateCreated": answers[0].created_at.isoformat() if answers else None,
                },
            }
        ],
    }
    return TemplateResponse(
        request,
        "complaints/qa_detail.html",
        {"case": case, "answers": answers, "faq": faq},
    )


@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    """``/pengaduan/statistik/``: per agency received, on time %, median days, satisfaction."""
    regency, _tz = _regency(request)
    figures = selectors.agency_statistics(regency=regency)
    return TemplateResponse(request, "complaints/statistics.html", {"figures": figures})


@require_safe
def statistics_csv(request: HttpRequest) -> HttpResponse:
    regency, _tz = _regency(request)
    rows = exports.statistics_rows(selectors.agency_statistics(regency=regency))
    return exports.csv_response(rows, "statistik-pengaduan.csv")
