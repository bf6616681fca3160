"""OCDS 1.1.5: every package validates offline against the schema (shipped and shared)."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import timezone

from pendopo.procurement import ocds
from pendopo.procurement.models import PackageKind, PackageStatus, Stage
from pendopo.procurement.tests.helpers import WIB, banyuwangi, make_package

SHARED_SCHEMA = Path(__file__).resolve().parents[3].parent / "shared" / "ocds-1.1.5" / "schema"


def full_package():
    package = make_package(
        code="10018467000",
        rup_code="56759579",
        funding_source="APBD",
        evaluation_method="Harga Terendah",
        bidders=4,
        status=PackageStatus.COMPLETE,
        supplier_code="5997014",
        supplier_name="CV. INDRA NUGRAHA",
        bid_value=Decimal("1269963504.15"),
        contract_value=Decimal("1269963504.15"),
        awarded_on=datetime.date(2025, 4, 11),
    )
    Stage.objects.create(
        package=package,
        position=4,
        name="Upload Dokumen Penawaran",
        starts_at=datetime.datetime(2025, 3, 18, 10, tzinfo=WIB),
        ends_at=datetime.datetime(2025, 3, 27, 10, tzinfo=WIB),
    )
    return package


def package_of(packages, kind="release"):
    build = ocds.release_package if kind == "release" else ocds.record_package
    return build(
        packages,
        regency=banyuwangi(),
        base_url="https://banyuwangikab.go.id",
        uri="https://banyuwangikab.go.id/pengadaan/ocds/release-package.json",
        published=timezone.now(),
    )


@pytest.mark.django_db
def test_a_full_release_and_record_package_validate():
    package = full_package()
    cancelled = make_package(
        kind=PackageKind.NON_TENDER, method="Pengadaan Langsung", status=PackageStatus.CANCELLED
    )

    releases = package_of([package, cancelled])
    records = package_of([package, cancelled], kind="record")

    assert ocds.validate(releases) == []
    assert ocds.validate(records, kind="record") == []
    first = releases["releases"][0]
    assert first["ocid"] == "ocds-xxxxxx-3510-t-10018467000"
    assert first["tag"] == ["tender", "award", "contract"]
    assert first["planning"]["budget"]["amount"] == {"amount": 1000000000, "currency": "IDR"}
    assert first["tender"]["value"] == {"amount": 900000000, "currency": "IDR"}
    assert first["tender"]["numberOfTenderers"] == 4
    assert first["tender"]["tenderPeriod"]["endDate"] == "2025-03-27T03:00:00Z"
    assert first["awards"][0]["value"] == {"amount": 1269963504.15, "currency": "IDR"}
    assert first["awards"][0]["suppliers"][0]["name"] == "CV. INDRA NUGRAHA"
    roles = {p["name"]: p["roles"] for p in first["parties"]}
    assert roles["CV. INDRA NUGRAHA"] == ["supplier", "tenderer"]
    assert ["buyer", "procuringEntity"] in roles.values()
    second = releases["releases"][1]
    assert second["tender"]["procurementMethod"] == "direct"
    assert second["tender"]["status"] == "cancelled"


@pytest.mark.django_db
@pytest.mark.skipif(not SHARED_SCHEMA.is_dir(), reason="../shared is not beside this checkout")
def test_the_shipped_schema_is_the_shared_schema():
    for path in ocds.SCHEMA_DIR.glob("*.json"):
        assert path.read_bytes() == (SHARED_SCHEMA / path.name).read_bytes(), path.name


@pytest.mark.django_db
def test_validation_catches_broken_data():
    data = package_of([full_package()])
    data["releases"][0]["tender"]["value"]["amount"] = "satu miliar"
    del data["releases"][0]["ocid"]

    errors = ocds.validate(data)

    assert any("ocid" in e for e in errors)
    assert any("satu miliar" in e for e in errors)


@pytest.mark.django_db
def test_validation_never_touches_the_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access during validation")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    ocds._validator.cache_clear()
    assert ocds.validate(package_of([full_package()])) == []


@pytest.mark.django_db
@override_settings(PENDOPO_OCDS_OCID_PREFIX="ocds-abc123", PENDOPO_OCDS_PAGE_SIZE=2)
def test_endpoints_page_and_use_the_configured_prefix(client):
    for _ in range(3):
        make_package()

    first = client.get("/pengadaan/ocds/release-package.json").json()
    second = client.get("/pengadaan/ocds/release-package.json", {"page": 2}).json()
    records = client.get("/pengadaan/ocds/record-package.json").json()
    bulk = client.get("/pengadaan/ocds/unduh-semua.json")

    assert len(first["releases"]) == 2 and len(second["releases"]) == 1
    assert first["links"]["next"].endswith("?page=2")
    assert all(r["ocid"].startswith("ocds-abc123-3510-") for r in first["releases"])
    assert ocds.validate(first) == [] and ocds.validate(second) == []
    assert ocds.validate(records, kind="record") == []
    assert "attachment" in bulk["Content-Disposition"]
    assert len(json.loads(bulk.content)["releases"]) == 3
    assert client.get("/pengadaan/ocds/skema/release-schema.json").status_code == 200
    assert client.get("/pengadaan/ocds/skema/settings.py").status_code == 404


@pytest.mark.django_db
def test_the_real_bandung_data_publishes_without_validation_errors(client):
    from pendopo.procurement.demo import load_bandung

    load_bandung(port=80)

    response = client.get("/pengadaan/ocds/unduh-semua.json", HTTP_HOST="bandungkab.localhost")
    data = json.loads(response.content)

    assert len(data["releases"]) == 1960
    assert ocds.validate(data) == []
    records = client.get(
        "/pengadaan/ocds/record-package.json", HTTP_HOST="bandungkab.localhost"
    ).json()
    assert ocds.validate(records, kind="record") == []
    assert data["publisher"]["name"] == "Pemerintah Kabupaten Bandung"
