"""Reads of procurement data: filtered listings, summaries, current stage, protest window."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from pendopo.agencies.models import Agency
from pendopo.core.calendar import get_calendar

from . import rules
from .flags import BY_CODE, INDICATORS
from .models import Package, PackageKind, RedFlag, Stage

SANGGAH_STAGE = "masa sanggah"


def packages_for(regency) -> QuerySet[Package]:
    return Package.objects.filter(regency=regency)


def listing(regency, filters: dict, *, now: datetime.datetime | None = None) -> QuerySet:
    """Packages of ``regency`` matching the cleaned ``filters`` (keys of ``forms.FilterForm``),
    with agency, work unit, the current stage (``current_stages``) and flags prefetched: a
    constant number of queries however many rows are shown."""
    now = now or timezone.now()
    qs = packages_for(regency).select_related("agency", "work_unit")
    if filters.get("q"):
        q = filters["q"]
        qs = qs.filter(Q(name__icontains=q) | Q(code=q) | Q(supplier_name__icontains=q))
    for field, key in (
        ("status", "status"),
        ("method", "metode"),
        ("procurement_type", "jenis"),
        ("budget_year", "tahun"),
        ("funding_source", "sumber_dana"),
        ("kind", "modul"),
    ):
        if filters.get(key):
            qs = qs.filter(**{field: filters[key]})
    if filters.get("opd"):
        qs = qs.filter(agency__slug=filters["opd"])
    if filters.get("satker"):
        qs = qs.filter(work_unit__code=filters["satker"])
    if filters.get("nilai_min") is not None:
        qs = qs.filter(pagu__gte=filters["nilai_min"])
    if filters.get("nilai_max") is not None:
        qs = qs.filter(pagu__lte=filters["nilai_max"])
    if filters.get("tahap"):
        qs = qs.filter(
            stages__name=filters["tahap"], stages__starts_at__lte=now, stages__ends_at__gte=now
        ).distinct()
    return qs.prefetch_related(
        Prefetch(
            "stages",
            queryset=Stage.objects.filter(starts_at__lte=now, ends_at__gte=now),
            to_attr="current_stages",
        ),
        Prefetch("red_flags", to_attr="flag_list"),
    ).order_by("-announced_at", "code")


def filter_options(regency) -> dict[str, list]:
    """Distinct values present in the data for the filter form's choices (a few queries)."""
    base = packages_for(regency)

    def distinct(field):
        return [v for v in base.order_by(field).values_list(field, flat=True).distinct() if v]

    return {
        "metode": distinct("method"),
        "jenis": distinct("procurement_type"),
        "tahun": sorted(distinct("budget_year"), reverse=True),
        "sumber_dana": distinct("funding_source"),
        "tahap": list(
            Stage.objects.filter(package__regency=regency)
            .order_by("name")
            .values_list("name", flat=True)
            .distinct()
        ),
        "opd": list(
            Agency.objects.filter(regency=regency, procurement_packages__isnull=False)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        ),
    }


@dataclass
class StageView:
    stage: Stage
    state: str  # "selesai", "berjalan", "akan datang"

    @property
    def is_running(self) -> bool:
        """The stage's window contains now."""
        return self.state == "berjalan"

    @property
    def is_done(self) -> bool:
        """The stage's window has ended."""
        return self.state == "selesai"


def schedule(package: Package, *, now: datetime.datetime | None = None) -> list[StageView]:
    now = now or timezone.now()
    out = []
    for stage in package.stages.all():
        if stage.ends_at < now:
            state = "selesai"
        elif stage.starts_at <= now:
            state = "berjalan"
        else:
            state = "akan datang"
        out.append(StageView(stage, state))
    return out


def current_stage_names(package: Package, *, now: datetime.datetime | None = None) -> list[str]:
    """SPSE stages whose window contains ``now`` (several may overlap), in schedule order."""
    return [v.stage.name for v in schedule(package, now=now) if v.is_running]


@dataclass
class ProtestWindow:
    starts_on: datetime.date
    ends_on: datetime.date
    estimated: bool  # True when computed from the award date, not from the SPSE schedule
    skipped: tuple = ()

    @property
    def answer_by(self) -> datetime.date:
        """Last day for the Pokja's answer: ``rules.SANGGAH_ANSWER`` hari kalender after the
        sanggah period ends."""
        return self.ends_on + datetime.timedelta(days=rules.SANGGAH_ANSWER.amount)


def protest_window(package: Package, *, zone) -> ProtestWindow | None:
    """The sanggah window: the "Masa Sanggah" stage of the schedule when imported; otherwise
    an estimate of ``rules.SANGGAH`` (5 hari kalender) after the winner was set, its last day
    moved to the next working day (filed ≤ 5 HKal after the announcement, ending on a working
    day). None for non-tenders or when neither is known."""
    if package.kind != PackageKind.TENDER:
        return None
    for stage in package.stages.all():
        if stage.name.casefold() == SANGGAH_STAGE:
            return ProtestWindow(
                stage.starts_at.astimezone(zone).date(),
                stage.ends_at.astimezone(zone).date(),
                estimated=False,
            )
    if package.awarded_on is None:
        return None

    start = datetime.datetime.combine(package.awarded_on, datetime.time(12), tzinfo=zone)
    deadline = get_calendar().calendar_deadline(
        start,
        calendar_days=rules.SANGGAH.amount,
        rule=(
            f"Masa sanggah tender: {rules.SANGGAH.amount} hari kalender setelah pengumuman "
            f"pemenang ({rules.SANGGAH.basis})"
        ),
        time_zone=zone.key,
    )
    return ProtestWindow(
        package.awarded_on, deadline.due_on, estimated=True, skipped=deadline.skipped
    )


def summary(qs: QuerySet[Package]) -> dict:
    """Counts and values by method and status, share of each method, average bidders."""
    by_method = list(
        qs.values("method")
        .annotate(n=Count("id"), pagu=Sum("pagu"), hps=Sum("hps"))
        .order_by("-n", "method")
    )
    total = sum(row["n"] for row in by_method)
    for row in by_method:
        row["share"] = (row["n"] * 100.0 / total) if total else 0.0
    by_status = list(
        qs.values("status").annotate(n=Count("id"), pagu=Sum("pagu")).order_by("status")
    )
    from .models import PackageStatus

    labels = dict(PackageStatus.choices)
    for row in by_status:
        row["label"] = labels.get(row["status"], row["status"])
    tenders = qs.filter(kind=PackageKind.TENDER)
    tender_methods = list(tenders.values("method").annotate(n=Count("id")).order_by("-n"))
    tender_total = sum(row["n"] for row in tender_methods)
    for row in tender_methods:
        row["share"] = (row["n"] * 100.0 / tender_total) if tender_total else 0.0
    totals = qs.aggregate(
        n=Count("id"),
        pagu=Sum("pagu"),
        contract=Sum("contract_value"),
        avg_bidders=Avg("bidders"),
        with_bidders=Count("id", filter=Q(bidders__isnull=False)),
    )
    return {
        "by_method": by_method,
        "by_status": by_status,
        "tender_methods": tender_methods,
        "totals": totals,
    }


def flags_by_agency(regency) -> tuple[list[dict], list]:
    """Rows ``{agency, slug, counts: [n per indicator], total, packages}`` sorted by total,
    plus the indicators in column order. Packages without an agency are one row."""
    rows: dict = {}
    for item in (
        RedFlag.objects.filter(package__regency=regency)
        .values("package__agency__name", "package__agency__slug", "code")
        .annotate(n=Count("id"))
    ):
        key = item["package__agency__slug"] or ""
        row = rows.setdefault(
            key,
            {"agency": item["package__agency__name"], "slug": key, "by_code": {}},
        )
        row["by_code"][item["code"]] = item["n"]
    packages = dict(
        packages_for(regency)
        .values("agency__slug")
        .annotate(n=Count("id"))
        .values_list("agency__slug", "n")
    )
    out = []
    for key, row in rows.items():
        row["counts"] = [row["by_code"].get(ind.code, 0) for ind in INDICATORS]
        row["total"] = sum(row["counts"])
        row["packages"] = packages.get(key or None, 0)
        out.append(row)
    out.sort(key=lambda r: (-r["total"], r["agency"] or "~"))
    return out, INDICATORS


def indicator(code: str):
    return BY_CODE.get(code)
