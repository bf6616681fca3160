"""PPID services, one test per rule of docs/rules.md#ppid with its real values."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from pendopo.core.errors import PermissionDeniedError
from pendopo.core.models import Event
from pendopo.core.services import save_calendar_override
from pendopo.ppid import services
from pendopo.ppid.errors import (
    DeadlinePassed,
    ExtensionRefused,
    GroundNotOpen,
    IncompleteAnswer,
    InvalidTransition,
    ReportTooEarly,
)
from pendopo.ppid.models import AnnualReport, IdentityDocument, InformationItem, InformationRequest
from pendopo.ppid.states import ObjectionGround, ObjectionStatus, RequestStatus

from .conftest import valid_data, wib

# Unit tests: the conftest fixtures build the regency, agencies and PPID desks with factories.
pytestmark = [pytest.mark.django_db, pytest.mark.unit]


# Rule 1: KIP answer deadline (UU 14/2008 Pasal 22(7)–(8)) ----------------------------------


def test_rule1_answer_is_due_10_working_days_after_receipt(make_request):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))

    # 16 March 2026 is day 0; Nyepi, its cuti bersama and the Idul Fitri block are skipped.
    assert request.due_on == datetime.date(2026, 4, 7)


def test_rule1_one_extension_of_7_working_days_with_a_reason(make_request, dinkes_officer):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))

    request = services.extend_deadline(
        request=request, by=dinkes_officer, days=7, reason="Dokumen di arsip kecamatan"
    )

    assert request.status == RequestStatus.EXTENDED
    assert request.due_on == datetime.date(2026, 4, 16)
    event = Event.objects.filter(kind="ppid_request_diperpanjang", object_id=str(request.pk)).get()
    assert event.payload["due_from"] == "2026-04-07"
    assert event.payload["due_to"] == "2026-04-16"


def test_rule1_second_extension_is_refused(make_request, dinkes_officer):
    request = make_request()
    services.extend_deadline(request=request, by=dinkes_officer, days=3, reason="Arsip")

    with pytest.raises(ExtensionRefused, match="satu kali"):
        services.extend_deadline(request=request, by=dinkes_officer, days=1, reason="Lagi")

    request.refresh_from_db()
    assert request.extension_days == 3


@pytest.mark.parametrize("days", [8, 0, -1])
def test_rule1_extension_longer_than_7_days_is_refused(make_request, dinkes_officer, days):
    request = make_request()

    with pytest.raises(ExtensionRefused):
        services.extend_deadline(request=request, by=dinkes_officer, days=days, reason="Arsip")


def test_rule1_extension_without_written_reason_is_refused(make_request, dinkes_officer):
    request = make_request()

    with pytest.raises(ExtensionRefused, match="alasan"):
        services.extend_deadline(request=request, by=dinkes_officer, days=2, reason="  ")


def test_rule1_open_deadlines_follow_calendar_overrides(make_request):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))

    save_calendar_override(date=datetime.date(2026, 4, 6), name="Banjir")

    request.refresh_from_db()
    assert request.due_on == datetime.date(2026, 4, 8)


# Rule 2: registration number at receipt (Pasal 22(4)–(5)) ----------------------------------


def test_rule2_every_request_gets_a_unique_number_at_once(make_request):
    first = make_request()
    second = make_request()

    assert first.number == "PPID-3510-2026-00001"
    assert second.number == "PPID-3510-2026-00002"


def test_rule2_double_submission_makes_one_request(regency, dinkes):
    key = uuid.uuid4()
    first, code = services.submit_request(
        regency=regency, agency=dinkes, data=valid_data(), submission_key=key
    )

    again, code_again = services.submit_request(
        regency=regency, agency=dinkes, data=valid_data(), submission_key=key
    )

    assert again.pk == first.pk and code and code_again is None
    assert services.check_access_code(first, code)
    assert not services.check_access_code(first, "salah")


# Rule 3: required request fields -------------------------------------------------------------


@pytest.mark.parametrize(
    "field",
    [
        "requester_name",
        "identity_number",
        "address",
        "details",
        "purpose",
        "obtain_method",
        "receive_method",
    ],
)
def test_rule3_request_without_a_required_field_is_invalid(regency, dinkes, field):
    with pytest.raises(services.RequestInvalid) as error:
        services.submit_request(regency=regency, agency=dinkes, data=valid_data(**{field: ""}))

    assert field in error.value.errors
    assert not InformationRequest.objects.exists()


def test_rule3_phone_or_email_is_required(regency, dinkes):
    with pytest.raises(services.RequestInvalid) as error:
        services.submit_request(regency=regency, agency=dinkes, data=valid_data(phone="", email=""))

    assert "phone" in error.value.errors


def test_rule3_proxy_must_upload_power_of_attorney(regency, dinkes):
    with pytest.raises(services.RequestInvalid) as error:
        services.submit_request(regency=regency, agency=dinkes, data=valid_data(is_proxy=True))

    assert "power_of_attorney" in error.value.errors


def test_rule3_legal_entity_needs_its_decree(regency, dinkes):
    data = valid_data(requester_kind="badan_hukum", identity_number="AHU-0012345.AH.01.07")

    with pytest.raises(services.RequestInvalid) as error:
        services.submit_request(regency=regency, agency=dinkes, data=data)

    assert "decree" in error.value.errors


def test_rule15_identity_scans_and_nik_are_encrypted_at_rest(regency, dinkes):
    scan = SimpleUploadedFile("kuasa.pdf", b"%PDF-1.4 surat kuasa", content_type="application/pdf")
    request, _code = services.submit_request(
        regency=regency,
        agency=dinkes,
        data=valid_data(is_proxy=True),
        documents=[(IdentityDocument.Kind.POWER_OF_ATTORNEY, scan)],
    )

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT identity_number, phone FROM ppid_informationrequest WHERE id = %s",
            [request.pk],
        )
        raw_nik, raw_phone = cursor.fetchone()
    stored = IdentityDocument.objects.get(request=request)
    assert "3510014101900001" not in raw_nik and "0812" not in raw_phone
    assert b"surat kuasa" not in bytes(stored.encrypted)
    assert InformationRequest.objects.get(pk=request.pk).identity_number == "3510014101900001"


# Rule 4: final answer types ------------------------------------------------------------------


def test_rule4_refusal_needs_pasal_17_ground_and_consequence_test(make_request, dinkes_officer):
    request = make_request()

    with pytest.raises(IncompleteAnswer, match="Pasal 17"):
        services.decide_request(
            request=request, by=dinkes_officer, decision=RequestStatus.REFUSED, note="Ditolak"
        )
    with pytest.raises(IncompleteAnswer, match="uji konsekuensi"):
        services.decide_request(
            request=request,
            by=dinkes_officer,
            decision=RequestStatus.REFUSED,
            note="Ditolak",
            exemption_ground="h",
        )

    decided = services.decide_request(
        request=request,
        by=dinkes_officer,
        decision=RequestStatus.REFUSED,
        note="Memuat rekam medis",
        exemption_ground="h",
        consequence_test="Membuka rekam medis pasien melanggar rahasia pribadi.",
    )
    assert decided.status == RequestStatus.REFUSED and decided.exemption_ground == "h"


def test_rule4_partial_grant_needs_ground_and_redacted_parts(make_request, dinkes_officer):
    request = make_request()

    with pytest.raises(IncompleteAnswer, match="dihitamkan"):
        services.decide_request(
            request=request,
            by=dinkes_officer,
            decision=RequestStatus.PARTLY_GRANTED,
            note="Sebagian",
            exemption_ground="h",
            consequence_test="Data pasien",
        )


def test_rule4_not_held_needs_referral(make_request, dinkes_officer):
    request = make_request()

    with pytest.raises(IncompleteAnswer, match="badan publik"):
        services.decide_request(
            request=request, by=dinkes_officer, decision=RequestStatus.NOT_HELD, note="Tidak ada"
        )

    decided = services.decide_request(
        request=request,
        by=dinkes_officer,
        decision=RequestStatus.NOT_HELD,
        note="Informasi dikuasai BPS",
        holding_body="BPS Kabupaten Banyuwangi",
    )
    assert decided.holding_body == "BPS Kabupaten Banyuwangi"


def test_rule4_unknown_decision_and_decided_requests_are_refused(make_request, dinkes_officer):
    request = make_request()

    with pytest.raises(IncompleteAnswer):
        services.decide_request(request=request, by=dinkes_officer, decision="selesai", note="x")
    services.decide_request(
        request=request, by=dinkes_officer, decision=RequestStatus.GRANTED, note="Terlampir"
    )
    with pytest.raises(InvalidTransition):
        services.decide_request(
            request=request, by=dinkes_officer, decision=RequestStatus.GRANTED, note="Lagi"
        )
    with pytest.raises(InvalidTransition):
        services.extend_deadline(request=request, by=dinkes_officer, days=2, reason="Arsip")


def test_every_status_change_leaves_one_event(make_request, dinkes_officer):
    request = make_request()

    services.start_processing(request=request, by=dinkes_officer)
    services.decide_request(
        request=request, by=dinkes_officer, decision=RequestStatus.GRANTED, note="Terlampir"
    )
    services.record_delivery(request=request, by=dinkes_officer, note="Dikirim lewat e-mail")

    kinds = list(
        Event.objects.filter(
            object_id=str(request.pk), kind__startswith="ppid_request_"
        ).values_list("kind", flat=True)
    )
    assert kinds == [
        "ppid_request_received",
        "ppid_request_diproses",
        "ppid_request_dikabulkan",
        "ppid_request_selesai",
    ]


def test_other_agency_ppid_cannot_act_on_a_request(make_request, other_officer, utama_officer):
    request = make_request()

    with pytest.raises(PermissionDeniedError):
        services.start_processing(request=request, by=other_officer)
    with pytest.raises(PermissionDeniedError):
        services.start_processing(request=request, by=utama_officer)


def test_overdue_is_computed_not_stored(make_request):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))

    assert not InformationRequest.objects.overdue(datetime.date(2026, 4, 7)).exists()
    assert InformationRequest.objects.overdue(datetime.date(2026, 4, 8)).get() == request


# Rule 5: keberatan window (Pasal 35–36(1)) ---------------------------------------------------


def test_rule5_unanswered_overdue_request_enables_ground_c(make_request):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))

    assert services.objection_grounds(request, now=wib(2026, 4, 7, 15, 0)) == {}
    grounds = services.objection_grounds(request, now=wib(2026, 4, 8, 8, 0))

    assert set(grounds) == {ObjectionGround.C}


def test_rule5_objection_accepted_up_to_30_working_days_after_ground(make_request):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))

    # Ground (c) arises on 8 April 2026; 30 hari kerja later is 25 May 2026 (1 May,
    # 14 May and the 15 May cuti bersama are skipped).
    window = services.objection_window(request, ObjectionGround.C, now=wib(2026, 4, 8, 8, 0))
    assert window.due_on == datetime.date(2026, 5, 25)
    with pytest.raises(DeadlinePassed, match="30 hari kerja"):
        services.file_objection(
            request=request, ground="c", statement="Tidak dijawab", filed_at=wib(2026, 5, 26, 9)
        )

    objection = services.file_objection(
        request=request, ground="c", statement="Tidak dijawab", filed_at=wib(2026, 5, 25, 16)
    )
    assert objection.status == ObjectionStatus.RECEIVED


def test_rule5_ground_must_be_one_of_seven_and_open(make_request, dinkes_officer):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))
    request = services.decide_request(
        request=request,
        by=dinkes_officer,
        decision=RequestStatus.GRANTED,
        note="Terlampir",
        at=wib(2026, 4, 9, 10),
    )

    with pytest.raises(IncompleteAnswer, match="tujuh"):
        services.file_objection(
            request=request, ground="h", statement="x", filed_at=wib(2026, 4, 10)
        )
    with pytest.raises(GroundNotOpen, match="belum berlaku"):
        services.file_objection(
            request=request, ground="a", statement="x", filed_at=wib(2026, 4, 10)
        )
    # Answered after the 7 April due date: ground (g), late delivery, is open.
    assert ObjectionGround.G in services.objection_grounds(request, now=wib(2026, 4, 10))


# Rule 6: atasan PPID deadline (Pasal 36(2)) --------------------------------------------------


def test_rule6_atasan_answer_due_30_working_days_and_upholding_needs_reasons(
    make_request, atasan, dinkes_officer
):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))
    objection = services.file_objection(
        request=request, ground="c", statement="Tidak dijawab", filed_at=wib(2026, 4, 8, 10)
    )
    assert objection.due_on == datetime.date(2026, 5, 25)

    with pytest.raises(PermissionDeniedError):
        services.answer_objection(
            objection=objection,
            by=dinkes_officer,
            overrule=True,
            reasons="",
            atasan_name="x",
            atasan_position="",
        )
    with pytest.raises(IncompleteAnswer, match="alasan"):
        services.answer_objection(
            objection=objection,
            by=atasan,
            overrule=False,
            reasons=" ",
            atasan_name="Sekda",
            atasan_position="Sekretaris Daerah",
        )
    answered = services.answer_objection(
        objection=objection,
        by=atasan,
        overrule=False,
        reasons="Permohonan telah dijawab melalui pos.",
        atasan_name="Sekda",
        atasan_position="Sekretaris Daerah",
    )
    assert answered.status == ObjectionStatus.UPHELD


# Rule 7: sengketa window (Pasal 37(2)) -------------------------------------------------------


def _answered_objection(make_request, atasan, answered_at):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))
    objection = services.file_objection(
        request=request, ground="c", statement="Tidak dijawab", filed_at=wib(2026, 4, 20, 10)
    )
    return services.answer_objection(
        objection=objection,
        by=atasan,
        overrule=False,
        reasons="Sudah dijawab",
        atasan_name="Sekda",
        atasan_position="Sekretaris Daerah",
        at=answered_at,
    )


def test_rule7_dispute_within_14_working_days_after_atasan_answer(make_request, atasan):
    # Answered on 1 June 2026 (Hari Lahir Pancasila): day 0 is 2 June; 16 June (Tahun Baru
    # Islam) is skipped; the 14th working day is 23 June 2026.
    objection = _answered_objection(make_request, atasan, wib(2026, 6, 1, 10))
    assert services.dispute_window(objection).due_on == datetime.date(2026, 6, 23)

    with pytest.raises(DeadlinePassed, match="14 hari kerja"):
        services.record_dispute(
            objection=objection, by=atasan, registered_on=datetime.date(2026, 6, 24), ki_number="1"
        )
    dispute = services.record_dispute(
        objection=objection,
        by=atasan,
        registered_on=datetime.date(2026, 6, 23),
        ki_number="012/REG-PSI/VI/2026",
    )
    decided = services.record_dispute_outcome(
        dispute=dispute,
        by=atasan,
        outcome="mediasi",
        note="Sepakat",
        decided_on=datetime.date(2026, 7, 20),
    )
    assert decided.status == "diputus"


def test_rule7_unanswered_objection_opens_dispute_after_30_days(make_request, atasan):
    request = make_request(received_at=wib(2026, 3, 16, 9, 0))
    objection = services.file_objection(
        request=request, ground="c", statement="Tidak dijawab", filed_at=wib(2026, 4, 8, 10)
    )

    # Atasan's answer was due 25 May 2026; the window runs from 26 May. Idul Adha (27 May),
    # its cuti bersama (28 May), Hari Lahir Pancasila (1 June) and Tahun Baru Islam (16 June)
    # are skipped: the 14th working day is 19 June 2026.
    window = services.dispute_window(objection)

    assert window.day_zero == datetime.date(2026, 5, 26)
    assert window.due_on == datetime.date(2026, 6, 19)


# Rule 8: working-day calendar ----------------------------------------------------------------


def test_rule8_request_deadline_uses_the_working_day_calendar_with_cuti_bersama(
    make_request, settings
):
    settings.PENDOPO_CUTI_BERSAMA_NON_WORKING = False

    request = make_request(received_at=wib(2026, 3, 16, 9, 0))

    # The vector of docs/rules.md#calendar-test-vectors: with cuti bersama as working days the date
    # is 31 March 2026.
    assert request.due_on == datetime.date(2026, 3, 31)


def test_rule8_receipt_at_2330_utc_counts_from_the_next_wib_day(make_request):
    request = make_request(received_at=datetime.datetime(2026, 3, 15, 23, 30, tzinfo=datetime.UTC))

    # 06:30 WIB on Monday 16 March: the same deadline as a Monday-morning receipt.
    assert request.due_on == datetime.date(2026, 4, 7)


# Rule 10: berkala freshness (Pasal 9) --------------------------------------------------------


def _item(regency, **fields):
    values = {
        "regency": regency,
        "category": "berkala",
        "title": "Laporan keuangan",
        "summary": "Laporan realisasi anggaran",
        "holding_unit": "Bidang Keuangan",
        "responsible_person": "Sekretaris",
        "production": "2026, Banyuwangi",
        "formats": "softcopy",
        "retention": "10 tahun",
        "last_updated_on": datetime.date(2026, 5, 29),
    }
    values.update(fields)
    return InformationItem.objects.create(**values)


def test_rule10_berkala_older_than_6_months_is_flagged_by_the_job(regency):
    fresh = _item(regency, last_updated_on=datetime.date(2026, 5, 29))
    stale = _item(regency, last_updated_on=datetime.date(2026, 5, 28))

    services.flag_stale_berkala(wib(2026, 11, 29, 9))

    fresh.refresh_from_db()
    stale.refresh_from_db()
    assert fresh.stale_flagged_at is None
    assert stale.stale_flagged_at is not None
    assert Event.objects.filter(kind="ppid_item_stale", object_id=str(stale.pk)).count() == 1
    services.flag_stale_berkala(wib(2026, 11, 29, 10))
    assert Event.objects.filter(kind="ppid_item_stale", object_id=str(stale.pk)).count() == 1


def test_rule10_six_months_before_31_august_is_28_february():
    assert services.stale_cutoff(datetime.date(2026, 8, 31)) == datetime.date(2026, 2, 28)
    assert services.stale_cutoff(datetime.date(2026, 11, 29)) == datetime.date(2026, 5, 29)


def test_exempt_item_needs_pasal_17_ground_and_consequence_test(regency, utama_officer):
    item = InformationItem(
        regency=regency,
        category="dikecualikan",
        title="Rekam medis",
        summary="Rekam medis pasien",
        holding_unit="RSUD",
        responsible_person="Direktur",
        production="RSUD",
        formats="hardcopy",
        retention="25 tahun",
        last_updated_on=datetime.date(2026, 1, 5),
    )

    with pytest.raises(ValidationError, match="Pasal 17"):
        services.save_information_item(item=item, by=utama_officer)

    item.exemption_ground = "h"
    item.consequence_test = "Rahasia pribadi pasien (Pasal 17 huruf h)."
    services.save_information_item(item=item, by=utama_officer)
    assert item.pk


def test_pelaksana_cannot_edit_the_regency_list(regency, dinkes_officer):
    item = _item(regency)

    with pytest.raises(PermissionDeniedError):
        services.save_information_item(item=item, by=dinkes_officer)


# Rule 9: yearly report figures (UU 14/2008 Pasal 12; Perki 1/2021 Pasal 56) ----------------


def test_rule9_yearly_figures_per_agency_and_total(regency, dinkes, dinkes_officer, atasan):
    from pendopo.ppid import selectors

    def request(received, agency=dinkes, channel="online"):
        made, _code = services.submit_request(
            regency=regency, agency=agency, data=valid_data(), received_at=received, channel=channel
        )
        return made

    def decide(made, decision, day, **extra):
        return services.decide_request(
            request=made, by=dinkes_officer, decision=decision, note="Jawaban", at=day, **extra
        )

    monday = wib(2025, 3, 3, 9)
    decide(request(monday), RequestStatus.GRANTED, wib(2025, 3, 7, 9))  # 4 hari kerja
    refused = decide(
        request(monday),
        RequestStatus.REFUSED,
        wib(2025, 3, 17, 9),  # 10 hari kerja
        exemption_ground="h",
        consequence_test="Rahasia pribadi",
    )
    decide(
        request(monday),
        RequestStatus.PARTLY_GRANTED,
        wib(2025, 3, 6, 9),  # 3 hari kerja
        exemption_ground="h",
        consequence_test="Rahasia pribadi",
        redacted_parts="NIK",
    )
    decide(request(monday), RequestStatus.NOT_HELD, wib(2025, 3, 4, 9), holding_body="BPS")
    request(wib(2025, 6, 2, 9), agency=None, channel="email")  # PPID Utama, still open
    request(wib(2024, 12, 31, 9))  # previous budget year: not counted
    objection = services.file_objection(
        request=refused, ground="a", statement="Keberatan", filed_at=wib(2025, 3, 20, 9)
    )
    objection = services.answer_objection(
        objection=objection,
        by=atasan,
        overrule=False,
        reasons="Tetap dikecualikan",
        atasan_name="Sekda",
        atasan_position="Sekretaris Daerah",
        at=wib(2025, 4, 10, 9),
    )
    services.record_dispute(
        objection=objection, by=atasan, registered_on=datetime.date(2025, 4, 15), ki_number="7"
    )

    figures = selectors.annual_figures(regency=regency, year=2025, time_zone="Asia/Jakarta")

    total = figures["total"]
    assert total["received"] == 5
    assert dict(total["channels"]) == {"online": 4, "email": 1}
    assert (total["granted"], total["partly"], total["refused"], total["not_held"]) == (1, 1, 1, 1)
    assert dict(total["refused_by_ground"]) == {"h": 1}
    assert total["average_days"] == 4.5 and total["max_days"] == 10
    assert total["objections"] == 1 and dict(total["objections_by_status"]) == {"menguatkan": 1}
    assert total["disputes"] == 1
    by_name = {row["name"]: row for row in figures["rows"]}
    assert by_name[dinkes.name]["received"] == 4 and by_name["PPID Utama"]["received"] == 1


def test_rule9_report_is_due_31_march_and_published_only_after_the_year(regency, utama_officer):
    report = AnnualReport.objects.create(
        regency=regency, year=2025, **dict.fromkeys(AnnualReport.SECTIONS, "Isi")
    )

    assert report.due_on == datetime.date(2026, 3, 31)
    with pytest.raises(ReportTooEarly, match="setelah tahun anggaran"):
        services.publish_annual_report(report=report, by=utama_officer, at=wib(2025, 12, 31, 9))
    published = services.publish_annual_report(
        report=report, by=utama_officer, at=wib(2026, 3, 2, 9)
    )
    assert published.item.category == "setiap_saat"
    event = Event.objects.get(kind="ppid_report_published", object_id=str(report.pk))
    assert event.payload["late"] is False


def test_freshness_job_and_open_deadlines_are_registered():
    from pendopo.core import calendar, scheduler

    assert "ppid.berkala_freshness" in scheduler.periodic_jobs()
    assert {"ppid.requests", "ppid.objections"} <= set(calendar._registry)
