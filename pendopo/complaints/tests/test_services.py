import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import connection

from pendopo.complaints import jobs, notifications, selectors, services
from pendopo.complaints.models import Case, DigestSent
from pendopo.complaints.states import CaseStatus
from pendopo.complaints.tests.conftest import wib
from pendopo.core.errors import InvalidInputError, PermissionDeniedError
from pendopo.core.models import CalendarOverride, Event
from pendopo.core.services import delete_calendar_override, save_calendar_override

# Unit tests: the conftest fixtures build their regency, agencies and category with factories.
pytestmark = pytest.mark.unit


def kinds(case):
    return list(
        Event.objects.filter(
            content_type=ContentType.objects.get_for_model(Case), object_id=str(case.pk)
        ).values_list("kind", flat=True)
    )


def test_receipt_starts_the_3_working_day_verification_clock_skipping_nyepi_and_lebaran(
    make_case,
):
    # Monday 16 March 2026: 18–24 March are Nyepi and Idul Fitri cuti bersama/holidays.
    case = make_case(received_at=wib(2026, 3, 16, 9))

    assert case.status == CaseStatus.RECEIVED
    assert case.due_on == datetime.date(2026, 3, 26)
    assert case.step_days == 3
    assert case.tracking_number.startswith("BWI-2026-")
    assert kinds(case) == ["complaints.submit"]


def test_the_same_form_posted_twice_makes_one_case_with_the_same_token(make_case, regency):
    first = services.submit_case(
        regency=regency,
        nonce="double-tap-nonce-0123456789",
        kind="question",
        category=make_case().category,
        subject="Jam buka",
        body="Kapan buka?",
        reporter_name="Budi",
    )
    second = services.submit_case(
        regency=regency,
        nonce="double-tap-nonce-0123456789",
        kind="question",
        category=first.case.category,
        subject="Jam buka",
        body="Kapan buka?",
        reporter_name="Budi",
    )

    assert second.case.pk == first.case.pk
    assert second.token == first.token
    assert second.created is False
    assert len(first.token) >= 22  # ≥ 128 bits in url-safe base64 (ours: 256 bits)
    assert first.case.token_hash == services.hash_token(first.token)
    assert first.token not in first.case.token_hash


def test_tracking_numbers_count_up_per_year(make_case):
    a = make_case()
    b = make_case()

    assert int(b.tracking_number[-6:]) == int(a.tracking_number[-6:]) + 1


def test_contact_details_are_encrypted_at_rest(make_case):
    case = make_case(reporter_phone="081299998888", reporter_email="rahasia@example.org")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reporter_phone, reporter_email FROM complaints_case WHERE id = %s", [case.pk]
        )
        phone, email = cursor.fetchone()

    assert "081299998888" not in phone
    assert "rahasia" not in email
    assert Case.objects.get(pk=case.pk).reporter_phone == "081299998888"
    assert case.masked_phone == "0812••••8888"
    assert case.masked_email == "r•••@example.org"


def test_verify_routes_and_starts_the_5_working_day_follow_up_clock(
    make_case, coordinator, agencies
):
    case = make_case()

    case = services.verify_case(
        case=case, by=coordinator, agency=agencies["dinkes"], now=wib(2026, 3, 17, 10)
    )

    assert case.status == CaseStatus.ASSIGNED
    assert case.agency == agencies["dinkes"]
    assert case.due_on == datetime.date(2026, 3, 31)
    assert case.follow_up_due_on == datetime.date(2026, 3, 31)
    assert kinds(case)[-1] == "complaints.verify"


def test_a_liaison_cannot_verify_and_cannot_answer_another_agencys_case(
    make_case, coordinator, agencies, dlh_liaison
):
    case = make_case()
    with pytest.raises(PermissionDeniedError):
        services.verify_case(case=case, by=dlh_liaison, agency=agencies["dlh"])
    case = services.verify_case(case=case, by=coordinator, agency=agencies["dinkes"])

    with pytest.raises(PermissionDeniedError):
        services.post_follow_up(case=case, by=dlh_liaison, body="Bukan kami.")


def test_handing_over_keeps_the_follow_up_deadline(
    make_case, coordinator, agencies, dinkes_liaison
):
    case = services.verify_case(
        case=make_case(), by=coordinator, agency=agencies["dinkes"], now=wib(2026, 3, 17, 10)
    )

    case = services.transfer_case(
        case=case, by=dinkes_liaison, agency=agencies["dlh"], reason="Soal sampah"
    )

    assert case.agency == agencies["dlh"]
    assert case.status == CaseStatus.ASSIGNED
    assert case.due_on == datetime.date(2026, 3, 31)


def test_follow_up_starts_the_10_working_day_auto_close_clock_and_the_job_closes_it(
    make_case, coordinator, agencies, dinkes_liaison
):
    case = services.verify_case(
        case=make_case(), by=coordinator, agency=agencies["dinkes"], now=wib(2026, 3, 17, 10)
    )
    case = services.post_follow_up(
        case=case, by=dinkes_liaison, body="Sudah ditangani.", now=wib(2026, 3, 30, 10)
    )
    assert case.status == CaseStatus.ANSWERED
    assert case.due_on == datetime.date(2026, 4, 14)  # Good Friday 3 April skipped

    jobs.auto_close_cases(wib(2026, 4, 14, 23))
    assert Case.objects.get(pk=case.pk).status == CaseStatus.ANSWERED

    jobs.auto_close_cases(wib(2026, 4, 15, 0, 5))
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert kinds(case)[-1] == "complaints.auto_close"


def test_a_reporter_reply_reopens_with_a_new_5_working_day_clock(
    make_case, coordinator, agencies, dinkes_liaison
):
    case = services.verify_case(case=make_case(), by=coordinator, agency=agencies["dinkes"])
    case = services.post_follow_up(case=case, by=dinkes_liaison, body="Selesai.")

    case = services.reply_as_reporter(case=case, body="Belum selesai.", now=wib(2026, 4, 14, 10))

    assert case.status == CaseStatus.ASSIGNED
    assert case.due_on == datetime.date(2026, 4, 21)
    assert "complaints.reopen" in kinds(case)


def test_rating_an_answer_closes_it_and_the_score_must_be_1_to_5(
    make_case, coordinator, agencies, dinkes_liaison
):
    case = services.verify_case(case=make_case(), by=coordinator, agency=agencies["dinkes"])
    case = services.post_follow_up(case=case, by=dinkes_liaison, body="Selesai.")
    with pytest.raises(InvalidInputError):
        services.rate_answer(case=case, score=6)

    case = services.rate_answer(case=case, score=4, comment="Cepat")

    assert case.status == CaseStatus.CLOSED
    assert case.rating == 4


def test_a_spam_score_files_the_case_as_spam_without_e_mail(
    make_case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(spam_score=3)

    assert case.status == CaseStatus.SPAM
    assert case.due_on is None
    assert mail.outbox == []
    with pytest.raises(InvalidInputError):
        services.reply_as_reporter(case=case, body="Halo")


def test_receipt_e_mail_carries_the_private_link(make_case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(link_for=lambda token: f"https://portal.test/pengaduan/lacak/{token}/")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["siti@example.org"]
    assert case.tracking_number in mail.outbox[0].subject
    assert "https://portal.test/pengaduan/lacak/" in mail.outbox[0].body


def test_a_new_channel_receives_notifications_without_changing_services(
    make_case, settings, django_capture_on_commit_callbacks
):
    sent = []

    class WhatsApp:
        name = "whatsapp"

        def send(self, *, recipient, subject, body):
            sent.append((recipient.phone, subject))
            return True

    notifications.register_channel(WhatsApp())
    settings.PENDOPO_COMPLAINTS_CHANNELS = ["email", "whatsapp"]

    with django_capture_on_commit_callbacks(execute=True):
        case = make_case()

    assert sent == [("081234567890", f"Laporan {case.tracking_number} diterima")]


def test_calendar_override_moves_an_open_case_deadline(make_case):
    case = make_case(received_at=wib(2026, 6, 1, 9))
    assert case.due_on == datetime.date(2026, 6, 5)

    save_calendar_override(date=datetime.date(2026, 6, 3), name="Banjir")
    case.refresh_from_db()
    assert case.due_on == datetime.date(2026, 6, 8)

    delete_calendar_override(override=CalendarOverride.objects.get(date=datetime.date(2026, 6, 3)))
    case.refresh_from_db()
    assert case.due_on == datetime.date(2026, 6, 5)


def test_overdue_is_computed_from_the_due_date_in_the_site_zone(make_case):
    case = make_case(received_at=wib(2026, 3, 16, 9))

    assert not selectors.is_overdue(case, datetime.date(2026, 3, 26))
    assert selectors.is_overdue(case, datetime.date(2026, 3, 27))


def test_daily_digest_goes_once_a_day_to_the_agencys_liaisons(
    make_case, coordinator, agencies, dinkes_liaison
):
    case = services.verify_case(
        case=make_case(), by=coordinator, agency=agencies["dinkes"], now=wib(2026, 3, 17, 10)
    )
    mail.outbox.clear()

    jobs.send_overdue_digests(wib(2026, 4, 1, 6))  # before 07:00 WIB: nothing yet
    assert mail.outbox == []
    jobs.send_overdue_digests(wib(2026, 4, 1, 8))
    jobs.send_overdue_digests(wib(2026, 4, 1, 9))

    mine = [m for m in mail.outbox if m.to == [dinkes_liaison.email]]
    assert len(mine) == 1
    assert case.tracking_number in mine[0].body
    assert DigestSent.objects.filter(agency=agencies["dinkes"]).count() == 1


def test_personal_data_access_is_logged_and_refused_to_other_agencies(
    make_case, coordinator, agencies, dlh_liaison
):
    case = services.verify_case(case=make_case(), by=coordinator, agency=agencies["dinkes"])

    services.log_personal_data_access(case=case, by=coordinator, purpose="telepon balik")
    with pytest.raises(PermissionDeniedError):
        services.log_personal_data_access(case=case, by=dlh_liaison, purpose="ingin tahu")

    event = Event.objects.filter(kind="complaints.personal_data_viewed").last()
    assert event.actor == coordinator
    assert event.payload == {"purpose": "telepon balik"}


def test_purge_erases_personal_data_after_the_retention_period(
    make_case, coordinator, agencies, settings
):
    settings.PENDOPO_COMPLAINTS_RETENTION_DAYS = 30
    case = services.archive_case(case=make_case(), by=coordinator, reason="ganda")
    Case.objects.filter(pk=case.pk).update(closed_at=wib(2026, 1, 1, 0))
    recent = services.archive_case(case=make_case(), by=coordinator, reason="ganda")

    count = services.purge_personal_data(now=wib(2026, 2, 15, 0))

    case.refresh_from_db()
    recent.refresh_from_db()
    assert count == 1
    assert (case.reporter_name, case.reporter_phone, case.reporter_email) == ("", "", "")
    assert case.personal_data_purged_at is not None
    assert recent.reporter_phone == "081234567890"


def test_statistics_count_answers_within_the_5_working_day_deadline(
    make_case, coordinator, agencies, dinkes_liaison, regency
):
    on_time = services.verify_case(
        case=make_case(), by=coordinator, agency=agencies["dinkes"], now=wib(2026, 3, 17, 10)
    )
    services.post_follow_up(case=on_time, by=dinkes_liaison, body="Ya.", now=wib(2026, 3, 31, 15))
    late = services.verify_case(
        case=make_case(), by=coordinator, agency=agencies["dinkes"], now=wib(2026, 3, 17, 10)
    )
    services.post_follow_up(case=late, by=dinkes_liaison, body="Ya.", now=wib(2026, 4, 1, 8))

    figures = {
        f.agency.slug: f for f in selectors.agency_statistics(regency=regency, include_demo=False)
    }

    dinkes = figures["dinkes"]
    assert (dinkes.received, dinkes.answered, dinkes.answered_on_time) == (2, 2, 1)
    assert dinkes.on_time_percent == 50.0
    # 16 March → 31 March is 6 working days, → 1 April 7: median 6.5
    assert dinkes.median_days_to_first_answer == 6.5
