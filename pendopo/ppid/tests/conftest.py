"""PPID fixtures: the Banyuwangi offices and their staff.

In a test marked ``unit`` the regency, four agencies (Dinkes, Bappeda, Diskominfo, Sekretariat
Daerah) and their PPID desks are built with factories and ``ensure_ppid_offices``; otherwise
they are read from the demo database (created by the session fixture)."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from pendopo.ppid.models import OfficeRole, PpidOffice
from pendopo.ppid.services import submit_request

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def wib(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=WIB)


def valid_data(**overrides) -> dict:
    data = {
        "requester_kind": "perorangan",
        "requester_name": "Siti Aminah",
        "identity_number": "3510014101900001",
        "address": "Jl. Ahmad Yani 1, Banyuwangi",
        "phone": "081234567890",
        "email": "",
        "occupation": "Wiraswasta",
        "topic": "Anggaran puskesmas 2025",
        "details": "Rincian realisasi anggaran puskesmas tahun 2025",
        "purpose": "Penelitian",
        "obtain_method": "salinan_softcopy",
        "receive_method": "email",
    }
    data.update(overrides)
    return data


def _build_regency():
    """The installation's regency with just the agencies and PPID desks these tests use."""
    from pendopo.agencies.models import AgencyKind
    from pendopo.agencies.tests.factories import AgencyFactory
    from pendopo.ppid.services import ensure_ppid_offices
    from pendopo.regions.tests.factories import ProvinceFactory, RegencyFactory

    regency = RegencyFactory(
        code=settings.PENDOPO_REGENCY_CODE,
        name="Kabupaten Banyuwangi",
        province=ProvinceFactory(code="35", name="Jawa Timur"),
    )
    if regency.agencies.exists():  # the demo database is loaded too: use its agencies
        return regency
    for slug, name, kind in [
        ("dinkes", "Dinas Kesehatan", AgencyKind.DINAS),
        ("bappeda", "Badan Perencanaan Pembangunan Daerah", AgencyKind.BADAN),
        ("diskominfo", "Dinas Komunikasi, Informatika dan Persandian", AgencyKind.DINAS),
        ("setda", "Sekretariat Daerah", AgencyKind.SEKRETARIAT),
    ]:
        AgencyFactory(regency=regency, slug=slug, name=name, kind=kind)
    ensure_ppid_offices(regency=regency)
    return regency


@pytest.fixture
def regency(request, db):
    from pendopo.regions.models import Regency

    if request.node.get_closest_marker("unit") is not None:
        return _build_regency()
    return Regency.objects.get(code="35.10")


@pytest.fixture
def dinkes(regency):
    return regency.agencies.get(slug="dinkes")


@pytest.fixture
def bappeda(regency):
    return regency.agencies.exclude(slug="dinkes").filter(kind="badan").first()


def _staff(username: str, office: PpidOffice):
    user = get_user_model().objects.create_user(username=username, password="x")  # noqa: S106
    user.groups.add(office.group)
    return user


@pytest.fixture
def dinkes_officer(dinkes):
    return _staff("ppid.dinkes", PpidOffice.objects.get(agency=dinkes, role=OfficeRole.PELAKSANA))


@pytest.fixture
def other_officer(bappeda):
    return _staff("ppid.lain", PpidOffice.objects.get(agency=bappeda, role=OfficeRole.PELAKSANA))


@pytest.fixture
def utama_officer(regency):
    return _staff("ppid.utama", PpidOffice.objects.get(regency=regency, role=OfficeRole.UTAMA))


@pytest.fixture
def atasan(regency):
    return _staff("sekda", PpidOffice.objects.get(regency=regency, role=OfficeRole.ATASAN))


@pytest.fixture
def make_request(regency, dinkes):
    def make(received_at=None, agency=dinkes, **overrides):
        request, _code = submit_request(
            regency=regency,
            agency=agency,
            data=valid_data(**overrides),
            received_at=received_at or wib(2026, 3, 16, 9, 0),
        )
        return request

    return make
