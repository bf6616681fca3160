"""Open Contracting Data Standard 1.1.5: packages as releases, release and record packages.

One release per package (tender or non-tender), built from what SPSE published: buyer and
supplier parties with roles, planning budget (pagu), tender (HPS, method, schedule), award
(winner, value) and contract (contract value). Amounts are IDR. The ocid is
``<PENDOPO_OCDS_OCID_PREFIX>-<regency code>-<t|nt>-<SPSE code>``. :func:`validate` checks a
package against the schema files shipped in ``schema/`` without network access.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.conf import settings

from .models import Package, PackageKind, PackageStatus

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
SCHEMA_BASE = "https://standard.open-contracting.org/schema/1__1__5/"
LICENSE = "https://opendatacommons.org/licenses/pddl/1-0/"

TENDER_STATUS = {
    PackageStatus.ONGOING: "active",
    PackageStatus.COMPLETE: "complete",
    PackageStatus.CANCELLED: "cancelled",
}


def ocid(package: Package, regency_code: str) -> str:
    prefix = settings.PENDOPO_OCDS_OCID_PREFIX
    return f"{prefix}-{regency_code.replace('.', '')}-{package.slug}"


def _value(amount: Decimal | None) -> dict | None:
    if amount is None:
        return None
    number = int(amount) if amount == amount.to_integral_value() else float(amount)
    return {"amount": number, "currency": "IDR"}


def _iso(moment) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, datetime.datetime):
        return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    return datetime.datetime.combine(moment, datetime.time(), tzinfo=datetime.UTC).isoformat()


def _category(procurement_type: str) -> str:
    kind = procurement_type.casefold()
    if kind == "pengadaan barang":
        return "goods"
    if kind == "pekerjaan konstruksi":
        return "works"
    return "services"


def _method(method: str) -> str:
    text = method.casefold()
    if "langsung" in text:
        return "direct"
    if "cepat" in text or "terbatas" in text:
        return "limited"
    return "open"


def _clean(data):
    """Drop None and empty containers (OCDS forbids null in most places)."""
    if isinstance(data, dict):
        cleaned = {k: _clean(v) for k, v in data.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, {}, [], "")}
    if isinstance(data, list):
        return [_clean(v) for v in data if v is not None]
    return data


def release(package: Package, *, regency_code: str, base_url: str) -> dict:
    """One OCDS release (a dict) for ``package``; ``base_url`` is the portal root, no slash."""
    the_ocid = ocid(package, regency_code)
    buyer_name = (
        package.agency.name
        if package.agency_id
        else (package.work_unit.name if package.work_unit_id else "")
    )
    buyer_id = f"ID-SATKER-{package.work_unit.code}" if package.work_unit_id else "ID-SATKER-0"
    parties = [
        {
            "id": buyer_id,
            "name": buyer_name or package.regency.name,
            "roles": ["buyer", "procuringEntity"],
            "details": {"satker": package.work_unit.name if package.work_unit_id else None},
        }
    ]
    tags = ["tender"]
    awards, contracts = [], []
    supplier = None
    if package.supplier_name:
        supplier = {
            "id": f"ID-SPSE-PENYEDIA-{package.supplier_code or package.supplier_name}",
            "name": package.supplier_name,
        }
        parties.append({**supplier, "roles": ["supplier", "tenderer"]})
        award_id = f"{package.slug}-award"
        awards.append(
            {
                "id": award_id,
                "status": "active",
                "date": _iso(package.awarded_on or package.finished_at),
                "value": _value(package.winning_value),
                "suppliers": [supplier],
            }
        )
        tags.append("award")
        if package.contract_value is not None:
            contracts.append(
                {
                    "id": f"{package.slug}-contract",
                    "awardID": award_id,
                    "status": "active",
                    "value": _value(package.contract_value),
                }
            )
            tags.append("contract")
    stages = list(package.stages.all()) if package.kind == PackageKind.TENDER else []
    submission = next((s for s in stages if "penawaran" in s.name.casefold()), None)
    tender = {
        "id": package.code,
        "title": package.name,
        "status": TENDER_STATUS.get(package.status, "active"),
        "procuringEntity": {"id": buyer_id, "name": parties[0]["name"]},
        "value": _value(package.hps),
        "procurementMethod": _method(package.method),
        "procurementMethodDetails": package.method,
        "mainProcurementCategory": _category(package.procurement_type),
        "awardCriteriaDetails": package.evaluation_method or None,
        "numberOfTenderers": package.bidders,
        "tenderPeriod": (
            {"startDate": _iso(package.announced_at), "endDate": _iso(submission.ends_at)}
            if submission
            else ({"startDate": _iso(package.announced_at)} if package.announced_at else None)
        ),
        "milestones": [
            {
                "id": f"{package.slug}-tahap-{stage.position}",
                "title": stage.name,
                "type": "timeline",
                "dueDate": _iso(stage.ends_at),
                "status": "scheduled",
            }
            for stage in stages
        ],
    }
    data = {
        "ocid": the_ocid,
        "id": f"{the_ocid}-{package.updated_at:%Y%m%dT%H%M%S}",
        "date": _iso(package.updated_at),
        "tag": tags,
        "initiationType": "tender",
        "language": "id",
        "parties": parties,
        "buyer": {"id": buyer_id, "name": parties[0]["name"]},
        "planning": {
            "budget": {
                "id": package.rup_code or None,
                "description": package.funding_source or None,
                "amount": _value(package.pagu),
            }
        },
        "tender": tender,
        "awards": awards,
        "contracts": contracts,
    }
    cleaned = _clean(data)
    cleaned["tender"].setdefault("id", package.code)
    return cleaned


def _publisher(regency) -> dict:
    return {"name": f"Pemerintah {regency.name}"}


def release_package(
    packages, *, regency, base_url: str, uri: str, published: datetime.datetime
) -> dict:
    """An OCDS release package of ``packages`` (iterable, stages prefetched)."""
    return {
        "uri": uri,
        "version": "1.1",
        "publishedDate": _iso(published),
        "publisher": _publisher(regency),
        "license": LICENSE,
        "publicationPolicy": f"{base_url}/pengadaan/ocds/",
        "releases": [release(p, regency_code=regency.code, base_url=base_url) for p in packages],
    }


def record_package(
    packages, *, regency, base_url: str, uri: str, published: datetime.datetime
) -> dict:
    """An OCDS record package: one record per package with its release (embedded) and the
    compiled release (the same, since Pendopo keeps only the latest state)."""
    records = []
    for package in packages:
        data = release(package, regency_code=regency.code, base_url=base_url)
        compiled = {**data, "tag": ["compiled"]}
        records.append({"ocid": data["ocid"], "releases": [data], "compiledRelease": compiled})
    return {
        "uri": uri,
        "version": "1.1",
        "publishedDate": _iso(published),
        "publisher": _publisher(regency),
        "license": LICENSE,
        "publicationPolicy": f"{base_url}/pengadaan/ocds/",
        "records": records,
    }


@cache
def _validator(kind: str):
    from jsonschema import Draft4Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    resources = []
    for name in (
        "release-schema.json",
        "versioned-release-validation-schema.json",
        "release-package-schema.json",
        "record-package-schema.json",
    ):
        contents = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
        resources.append((SCHEMA_BASE + name, Resource.from_contents(contents, DRAFT4)))
    registry = Registry().with_resources(resources)
    schema = json.loads((SCHEMA_DIR / f"{kind}-package-schema.json").read_text(encoding="utf-8"))
    return Draft4Validator(schema, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER)


def validate(data: dict, *, kind: str = "release") -> list[str]:
    """Errors of an OCDS ``release`` or ``record`` package against the shipped OCDS 1.1.5
    schema (``schema/``), as ``"path: message"`` strings; [] means valid. No network."""
    validator = _validator(kind)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(data)
    ]
