"""Staff screens: each PPID sees and acts on its own requests and items only."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pendopo.ppid import services
from pendopo.ppid.models import AnnualReport, IdentityDocument, InformationItem

from .conftest import valid_data

pytestmark = pytest.mark.django_db


def test_pelaksana_lists_and_decides_its_own_requests(client, make_request, dinkes_officer):
    request = make_request()
    client.force_login(dinkes_officer)

    listing = client.get("/admin/ppid/permohonan/")
    response = client.post(
        f"/admin/ppid/permohonan/{request.pk}/",
        {"action": "decide", "decide-decision": "dikabulkan", "decide-note": "Terlampir"},
    )

    assert request.number in listing.content.decode()
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "dikabulkan"


def test_refusal_without_ground_is_a_400_with_message(client, make_request, dinkes_officer):
    request = make_request()
    client.force_login(dinkes_officer)

    response = client.post(
        f"/admin/ppid/permohonan/{request.pk}/",
        {"action": "decide", "decide-decision": "ditolak", "decide-note": "Tidak"},
    )

    assert response.status_code == 400
    assert "Pasal 17" in response.content.decode()


def test_other_ppid_cannot_open_or_download(client, regency, dinkes, other_officer):
    scan = SimpleUploadedFile("ktp.png", b"\x89PNG ktp", content_type="image/png")
    request, _code = services.submit_request(
        regency=regency,
        agency=dinkes,
        data=valid_data(),
        documents=[(IdentityDocument.Kind.IDENTITY, scan)],
    )
    document = IdentityDocument.objects.get(request=request)
    client.force_login(other_officer)

    assert request.number not in client.get("/admin/ppid/permohonan/").content.decode()
    # Wagtail answers a refused admin view with a redirect and a message, never the page.
    assert client.get(f"/admin/ppid/permohonan/{request.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/ppid/dokumen/{document.pk}/").status_code == 404


def test_handling_ppid_downloads_the_decrypted_scan(client, regency, dinkes, dinkes_officer):
    scan = SimpleUploadedFile("ktp.png", b"\x89PNG ktp", content_type="image/png")
    request, _code = services.submit_request(
        regency=regency,
        agency=dinkes,
        data=valid_data(),
        documents=[(IdentityDocument.Kind.IDENTITY, scan)],
    )
    client.force_login(dinkes_officer)

    response = client.get(f"/admin/ppid/dokumen/{request.identity_documents.get().pk}/")

    assert response.content == b"\x89PNG ktp"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_atasan_answers_objection_in_admin(client, make_request, atasan):
    request = make_request(received_at=datetime.datetime(2026, 3, 16, 2, tzinfo=datetime.UTC))
    objection = services.file_objection(
        request=request,
        ground="c",
        statement="Tidak dijawab",
        filed_at=datetime.datetime(2026, 4, 9, 3, tzinfo=datetime.UTC),
    )
    client.force_login(atasan)
    prefix = f"answer-{objection.pk}"

    response = client.post(
        f"/admin/ppid/permohonan/{request.pk}/",
        {
            "action": prefix,
            f"{prefix}-overrule": "1",
            f"{prefix}-reasons": "",
            f"{prefix}-atasan_name": "Sekda",
            f"{prefix}-atasan_position": "Sekretaris Daerah",
        },
    )

    assert response.status_code == 302
    objection.refresh_from_db()
    assert objection.status == "dikabulkan"


def test_item_admin_is_scoped_to_the_users_ppid(client, regency, dinkes, dinkes_officer):
    mine = InformationItem.objects.create(
        regency=regency,
        agency=dinkes,
        category="berkala",
        title="Milik Dinkes",
        summary="x",
        holding_unit="x",
        responsible_person="x",
        production="x",
        formats="softcopy",
        retention="x",
        last_updated_on=datetime.date(2026, 1, 1),
    )
    theirs = InformationItem.objects.create(
        regency=regency,
        agency=None,
        category="berkala",
        title="Milik PPID Utama",
        summary="x",
        holding_unit="x",
        responsible_person="x",
        production="x",
        formats="softcopy",
        retention="x",
        last_updated_on=datetime.date(2026, 1, 1),
    )
    client.force_login(dinkes_officer)

    listing = client.get("/admin/ppid/informasi/").content.decode()

    assert "Milik Dinkes" in listing and "Milik PPID Utama" not in listing
    assert client.get(f"/admin/ppid/informasi/edit/{mine.pk}/").status_code == 200
    assert client.get(f"/admin/ppid/informasi/edit/{theirs.pk}/").status_code in (302, 403)
    assert "PPID" in client.get("/admin/").content.decode()


def test_utama_publishes_yearly_report(client, utama_officer):
    client.force_login(utama_officer)
    data = {"year": "2025"} | dict.fromkeys(AnnualReport.SECTIONS, "Isi bagian")

    response = client.post("/admin/ppid/laporan/", data | {"publish": "1"})

    assert response.status_code == 302
    report = AnnualReport.objects.get(year=2025)
    assert report.published_at is not None and report.item.category == "setiap_saat"
    assert client.get("/ppid/laporan/2025/").status_code == 200


def test_ppid_records_a_walk_in_request_with_its_channel(client, dinkes, dinkes_officer):
    from pendopo.ppid.models import InformationRequest

    client.force_login(dinkes_officer)
    data = valid_data(agency=str(dinkes.pk), channel="langsung")

    refused = client.post("/admin/ppid/permohonan/baru/", valid_data(channel="langsung"))
    response = client.post("/admin/ppid/permohonan/baru/", data)

    assert refused.status_code == 400  # a Pelaksana records requests to its own agency only
    assert response.status_code == 302
    request = InformationRequest.objects.get()
    assert request.channel == "langsung" and request.agency == dinkes
