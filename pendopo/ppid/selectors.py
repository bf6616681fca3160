"""Reads used in more than one place: public list, request log, deadlines, yearly figures."""

from __future__ import annotations

import datetime
import zoneinfo
from collections import Counter

from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator

from pendopo.core.calendar import OpenDeadline, get_calendar
from pendopo.core.models import SiteSettings
from pendopo.ppid import rules
from pendopo.ppid.models import (
    AnnualReport,
    Dispute,
    InformationItem,
    InformationRequest,
    Objection,
)
from pendopo.ppid.permissions import scope_q
from pendopo.ppid.services.deadlines import request_deadline, stale_cutoff
from pendopo.ppid.states import (
    Category,
    Channel,
    ExemptionGround,
    ObjectionStatus,
    RequestStatus,
)


def regency_for_site(site):
    """The Regency a Site's SiteSettings name (None without settings)."""
    if site is None:
        return None
    settings = SiteSettings.objects.filter(site=site).select_related("regency").first()
    return settings.regency if settings else None


def immediate_notices(*, site=None, limit: int = 50) -> list[dict]:
    """Contract C4 (docs/contracts.md#c4-immediate-notices): published serta-merta items (UU 14/2008
    Pasal 10), newest first.

    Each dict: ``title``, ``url`` (absolute path on the portal), ``published_at`` (aware),
    ``summary`` (plain text), ``agency_slug`` (or None). ``site`` limits to that Site's
    regency; None gives every regency (the province aggregation).
    """
    items = InformationItem.objects.published().filter(category=Category.SERTA_MERTA)
    if site is not None:
        regency = regency_for_site(site)
        if regency is None:
            return []
        items = items.filter(regency=regency)
    items = items.select_related("agency").order_by("-published_at", "-pk")[:limit]
    return [
        {
            "title": item.title,
            "url": f"/ppid/informasi/{item.pk}/",
            "published_at": item.published_at,
            "summary": Truncator(item.summary).chars(300),
            "agency_slug": item.agency.slug if item.agency_id else None,
        }
        for item in items
    ]


def active_alerts(*, regency, now: datetime.datetime | None = None) -> list[InformationItem]:
    """Serta-merta items raised as the site-wide banner and not yet expired."""
    now = now or timezone.now()
    return list(
        InformationItem.objects.published()
        .filter(regency=regency, category=Category.SERTA_MERTA, show_alert=True)
        .filter(Q(alert_until__isnull=True) | Q(alert_until__gt=now))
        .order_by("-published_at")[:3]
    )


def public_items(*, regency, category: str = "", agency=None, query: str = ""):
    items = (
        InformationItem.objects.published()
        .for_regency(regency)
        .select_related("agency", "page", "document")
    )
    if category:
        items = items.filter(category=category)
    if agency == "utama":
        items = items.filter(agency__isnull=True)
    elif agency is not None:
        items = items.filter(agency=agency)
    for word in query.split()[:8]:
        items = items.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    return items


def suggest_items(*, regency, text: str, limit: int = 5) -> list[InformationItem]:
    """Public items whose title or summary share words (≥ 4 letters) with ``text``, best first:
    shown while a requester types the details of a request."""
    words = sorted({w.lower() for w in text.split() if len(w) >= 4 and w.isalpha()}, key=len)[-6:]
    if not words:
        return []
    query = Q()
    for word in words:
        query |= Q(title__icontains=word) | Q(summary__icontains=word)
    candidates = (
        InformationItem.objects.published()
        .for_regency(regency)
        .exclude(category=Category.DIKECUALIKAN)
        .filter(query)
        .select_related("agency", "page", "document")[:50]
    )

    def score(item):
        haystack = f"{item.title} {item.summary}".lower()
        return sum(word in haystack for word in words) + sum(
            word in item.title.lower() for word in words
        )

    return sorted(candidates, key=score, reverse=True)[:limit]


def is_stale(item: InformationItem, today: datetime.date) -> bool:
    return item.category == Category.BERKALA and item.last_updated_on < stale_cutoff(today)


def freshness(*, regency, today: datetime.date) -> dict:
    """Public freshness figure: berkala items updated within ``rules.BERKALA_REFRESH``
    (6 months, UU 14/2008 Pasal 9)."""
    berkala = (
        InformationItem.objects.published().for_regency(regency).filter(category=Category.BERKALA)
    )
    total = berkala.count()
    fresh = berkala.filter(last_updated_on__gte=stale_cutoff(today)).count()
    return {
        "total": total,
        "fresh": fresh,
        "stale": total - fresh,
        "percent": round(100 * fresh / total) if total else 100,
    }


def stale_items_for(user, *, today: datetime.date):
    return (
        InformationItem.objects.filter(scope_q(user))
        .filter(category=Category.BERKALA, last_updated_on__lt=stale_cutoff(today))
        .select_related("agency")
    )


# --- Requests ------------------------------------------------------------------------------


def request_progress(request: InformationRequest, *, today: datetime.date, calendar=None) -> dict:
    """``day`` N of ``span`` M, ``due_on`` and ``overdue`` (computed, never stored)."""
    deadline = request_deadline(request, calendar)
    if request.decided_at is not None:
        on = request.decided_at.astimezone(zoneinfo.ZoneInfo(request.time_zone)).date()
    else:
        on = today
    return {
        "day": deadline.day_number(on),
        "span": deadline.span,
        "due_on": request.due_on,
        "overdue": request.is_open and today > request.due_on,
        "late": request.decided_at is not None and on > request.due_on,
    }


def public_request_log(*, regency, status: str = ""):
    """The public log: never the requester, only number, topic, agency, status and dates."""
    requests = (
        InformationRequest.objects.filter(regency=regency)
        .select_related("agency")
        .only(
            "number",
            "topic",
            "agency__name",
            "agency__slug",
            "status",
            "decision",
            "received_at",
            "time_zone",
            "due_on",
            "extension_days",
            "decided_at",
            "regency_id",
        )
    )
    if status:
        requests = requests.filter(status=status)
    return requests


def open_request_deadlines():
    """Registered with the calendar: every open request's answer deadline."""
    for request in InformationRequest.objects.open():
        yield OpenDeadline(
            case=request,
            received_at=request.received_at,
            amount=request.total_working_days,
            unit=rules.ANSWER.unit,
            rule=rules.ANSWER_EXTENDED_BASIS,
            time_zone=request.time_zone,
            due_on=request.due_on,
            apply=request.set_due_on,
        )


def open_objection_deadlines():
    """Registered with the calendar: every unanswered objection's answer deadline."""
    for objection in Objection.objects.awaiting_answer().select_related("request"):
        yield OpenDeadline(
            case=objection,
            received_at=objection.filed_at,
            amount=rules.OBJECTION_ANSWER.amount,
            unit=rules.OBJECTION_ANSWER.unit,
            rule=rules.OBJECTION_ANSWER.basis,
            time_zone=objection.request.time_zone,
            due_on=objection.due_on,
            apply=objection.set_due_on,
        )


# --- Yearly report figures -----------------------------------------------------------------


def _year_bounds(year: int, time_zone: str) -> tuple[datetime.datetime, datetime.datetime]:
    zone = zoneinfo.ZoneInfo(time_zone)
    return (
        datetime.datetime(year, 1, 1, tzinfo=zone),
        datetime.datetime(year + 1, 1, 1, tzinfo=zone),
    )


def _empty_row(name: str) -> dict:
    return {
        "name": name,
        "received": 0,
        "channels": Counter(),
        "granted": 0,
        "partly": 0,
        "refused": 0,
        "refused_by_ground": Counter(),
        "not_held": 0,
        "not_documented": 0,
        "answered": 0,
        "days": [],
        "objections": 0,
        "objections_by_status": Counter(),
        "disputes": 0,
        "disputes_by_outcome": Counter(),
    }


def annual_figures(*, regency, year: int, time_zone: str) -> dict:
    """Figures of the yearly report (UU 14/2008 Pasal 12; Perki 1/2021 Pasal 56), for the
    requests received in budget year ``year`` (local dates), per agency and in total:
    received (by channel), granted, partly granted, refused by Pasal 17 ground, not held,
    not documented, average and maximum hari kerja from receipt to the written answer,
    objections by outcome and disputes by outcome. Returns ``{"rows": [...], "total": row}``.
    """
    start, end = _year_bounds(year, time_zone)
    calendar = get_calendar()
    requests = InformationRequest.objects.filter(
        regency=regency, received_at__gte=start, received_at__lt=end
    ).select_related("agency")
    rows: dict[str, dict] = {}
    total = _empty_row("Jumlah")
    for request in requests:
        name = request.agency.name if request.agency_id else "PPID Utama"
        row = rows.setdefault(name, _empty_row(name))
        for target in (row, total):
            target["received"] += 1
            target["channels"][request.channel] += 1
            decision = request.decision
            if decision == RequestStatus.GRANTED:
                target["granted"] += 1
            elif decision == RequestStatus.PARTLY_GRANTED:
                target["partly"] += 1
            elif decision == RequestStatus.REFUSED:
                target["refused"] += 1
                target["refused_by_ground"][request.exemption_ground] += 1
            elif decision == RequestStatus.NOT_HELD:
                target["not_held"] += 1
            elif decision == RequestStatus.NOT_DOCUMENTED:
                target["not_documented"] += 1
        if request.decided_at is not None:
            deadline = calendar.deadline(
                request.received_at, working_days=0, rule="", time_zone=request.time_zone
            )
            decided_on = request.decided_at.astimezone(zoneinfo.ZoneInfo(request.time_zone)).date()
            days = deadline.day_number(decided_on)
            for target in (row, total):
                target["answered"] += 1
                target["days"].append(days)
    objections = Objection.objects.filter(
        request__regency=regency, filed_at__gte=start, filed_at__lt=end
    ).select_related("request__agency")
    for objection in objections:
        agency = objection.request.agency
        name = agency.name if agency else "PPID Utama"
        row = rows.setdefault(name, _empty_row(name))
        for target in (row, total):
            target["objections"] += 1
            target["objections_by_status"][objection.status] += 1
    disputes = Dispute.objects.filter(
        objection__request__regency=regency,
        registered_on__gte=start.date(),
        registered_on__lt=end.date(),
    ).select_related("objection__request__agency")
    for dispute in disputes:
        agency = dispute.objection.request.agency
        name = agency.name if agency else "PPID Utama"
        row = rows.setdefault(name, _empty_row(name))
        for target in (row, total):
            target["disputes"] += 1
            target["disputes_by_outcome"][dispute.outcome or "proses"] += 1
    for row in [*rows.values(), total]:
        days = row.pop("days")
        row["average_days"] = round(sum(days) / len(days), 1) if days else None
        row["max_days"] = max(days) if days else None
    return {"rows": sorted(rows.values(), key=lambda r: r["name"]), "total": total}


def report_columns() -> list[tuple[str, str]]:
    """Column key → Indonesian heading of the yearly figures table (and its XLSX)."""
    columns = [("name", "Badan publik"), ("received", "Permohonan diterima")]
    columns += [(f"channel:{value}", f"Saluran: {label}") for value, label in Channel.choices]
    columns += [
        ("granted", "Dikabulkan seluruhnya"),
        ("partly", "Dikabulkan sebagian"),
        ("refused", "Ditolak"),
    ]
    columns += [(f"ground:{g.value}", f"Ditolak Pasal 17 huruf {g.value}") for g in ExemptionGround]
    columns += [
        ("not_held", "Tidak dikuasai"),
        ("not_documented", "Belum didokumentasikan"),
        ("average_days", "Rata-rata hari kerja menjawab"),
        ("max_days", "Paling lama (hari kerja)"),
        ("objections", "Keberatan"),
        (f"objection:{ObjectionStatus.OVERRULED}", "Keberatan dikabulkan"),
        (f"objection:{ObjectionStatus.UPHELD}", "Keberatan ditolak (PPID dikuatkan)"),
        (f"objection:{ObjectionStatus.RECEIVED}", "Keberatan dalam proses"),
        ("disputes", "Sengketa di Komisi Informasi"),
    ]
    return columns


def report_cell(row: dict, key: str):
    if key.startswith("channel:"):
        return row["channels"].get(key.split(":", 1)[1], 0)
    if key.startswith("ground:"):
        return row["refused_by_ground"].get(key.split(":", 1)[1], 0)
    if key.startswith("objection:"):
        return row["objections_by_status"].get(key.split(":", 1)[1], 0)
    value = row[key]
    return "" if value is None else value


def published_reports(*, regency):
    return AnnualReport.objects.filter(regency=regency, published_at__isnull=False)


def requests_for(user):
    return InformationRequest.objects.filter(scope_q(user)).select_related("agency")
