"""Overrides in the database move registered open deadlines, and each move is recorded."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.urls import reverse

from pendopo.core import calendar
from pendopo.core.models import CalendarOverride, Event
from pendopo.core.services import (
    delete_calendar_override,
    recompute_open_deadlines,
    save_calendar_override,
)

WIB = ZoneInfo("Asia/Jakarta")


class FakeCaseModule:
    """Stands in for a case module (complaints, PPID): one open case due in 10 HK."""

    def __init__(self, carrier):
        self.carrier = carrier  # any saved model instance; events are recorded on it
        self.due_on = datetime.date(2026, 4, 7)

    def open_deadlines(self):
        yield calendar.OpenDeadline(
            case=self.carrier,
            received_at=datetime.datetime(2026, 3, 16, 9, 0, tzinfo=WIB),
            amount=10,
            unit="hari kerja",
            rule="UU 14/2008 Pasal 22(7)",
            time_zone="Asia/Jakarta",
            due_on=self.due_on,
            apply=self.store,
        )

    def store(self, due_on):
        self.due_on = due_on


@pytest.fixture
def open_case(db, monkeypatch):
    carrier = get_user_model().objects.create(username="kasus-uji")
    module = FakeCaseModule(carrier)
    # Only this fake module: case apps (complaints, PPID) register their own open deadlines.
    monkeypatch.setattr(calendar, "_registry", {})
    calendar.register_open_deadlines("uji", module.open_deadlines)
    yield module
    calendar.unregister_open_deadlines("uji")


def events_of(obj):
    return Event.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )


@pytest.mark.django_db
def test_adding_a_closure_moves_a_registered_open_deadline_and_records_it(open_case):
    override, report = save_calendar_override(
        date=datetime.date(2026, 4, 1), name="Banjir", reference="SK Bupati 1/2026"
    )

    assert open_case.due_on == datetime.date(2026, 4, 8)
    assert report.checked == 1 and len(report.moved) == 1
    event = events_of(open_case.carrier).get()
    assert event.kind == "deadline_recomputed"
    assert event.payload["from"] == "2026-04-07"
    assert event.payload["to"] == "2026-04-08"
    assert "2026-04-01 Banjir (libur)" in event.payload["reason"]


@pytest.mark.django_db
def test_removing_a_holiday_moves_it_back(open_case):
    override, _ = save_calendar_override(date=datetime.date(2026, 4, 1), name="Banjir")
    assert open_case.due_on == datetime.date(2026, 4, 8)

    delete_calendar_override(override=override)

    assert open_case.due_on == datetime.date(2026, 4, 7)
    assert [e.payload["to"] for e in events_of(open_case.carrier)] == ["2026-04-08", "2026-04-07"]


@pytest.mark.django_db
def test_an_override_that_opens_a_holiday_shortens_the_deadline(open_case):
    save_calendar_override(
        date=datetime.date(2026, 4, 3), name="Wafat Yesus Kristus dipindah", is_working_day=True
    )

    assert open_case.due_on == datetime.date(2026, 4, 6)


@pytest.mark.django_db
def test_an_unaffected_case_is_not_touched(open_case):
    report = recompute_open_deadlines(reason="uji")

    assert report.checked == 1 and report.moved == []
    assert not events_of(open_case.carrier).exists()


@pytest.mark.django_db
def test_an_override_needs_a_name():
    from pendopo.core.errors import DomainError

    with pytest.raises(DomainError, match="Nama pengecualian wajib diisi"):
        save_calendar_override(date=datetime.date(2026, 4, 1), name="  ")
    assert not CalendarOverride.objects.exists()


@pytest.mark.django_db
def test_a_closure_added_in_the_admin_moves_open_deadlines(client, open_case):
    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)
    url = reverse("wagtailsnippets_core_calendaroverride:add")

    response = client.post(url, {"date": "2026-04-01", "name": "Banjir bandang", "reference": ""})

    assert response.status_code == 302
    assert CalendarOverride.objects.get(date="2026-04-01").name == "Banjir bandang"
    assert open_case.due_on == datetime.date(2026, 4, 8)


@pytest.mark.django_db
def test_the_admin_refuses_an_unparseable_date_and_saves_nothing(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    url = reverse("wagtailsnippets_core_calendaroverride:add")

    response = client.post(url, {"date": "31-02-2026", "name": "X"})

    assert response.status_code == 200
    assert not CalendarOverride.objects.exists()


@pytest.mark.django_db
def test_the_deadline_command_prints_the_iso_date_then_the_skipped_days(capsys):
    call_command("deadline", received="2026-03-16T09:00", working_days=10)

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2026-04-07"
    assert any("2026-03-19 Kamis: Hari Suci Nyepi" in line for line in lines)
    assert any("2026-03-23 Senin: Cuti Bersama Hari Raya Idul Fitri" in line for line in lines)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"working_days": 10, "cuti_bersama": "working"}, "2026-03-31"),
        ({"working_days": 17}, "2026-04-16"),
        ({"calendar_days": 5}, "2026-03-25"),
        ({"calendar_days": 5, "cuti_bersama": "working"}, "2026-03-23"),
    ],
)
def test_the_deadline_command_options(capsys, options, expected):
    call_command("deadline", received="2026-03-16T09:00", **options)

    assert capsys.readouterr().out.splitlines()[0] == expected


@pytest.mark.django_db
def test_the_deadline_command_uses_the_overrides(capsys):
    CalendarOverride.objects.create(date=datetime.date(2026, 4, 1), name="Banjir")

    call_command("deadline", received="2026-03-16T09:00", working_days=10)

    out = capsys.readouterr().out
    assert out.splitlines()[0] == "2026-04-08"
    assert "2026-04-01 Rabu: Banjir (pengecualian admin)" in out


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"received": "kemarin", "working_days": 10}, "--received tidak sah"),
        ({"received": "2026-03-16T09:00", "working_days": -3}, "tidak boleh negatif"),
    ],
)
def test_the_deadline_command_refuses_bad_input(options, message):
    with pytest.raises(CommandError, match=message):
        call_command("deadline", **options)


@pytest.mark.django_db
def test_importing_overrides_with_an_unparseable_date_writes_nothing(tmp_path):
    path = tmp_path / "libur.csv"
    path.write_text(
        "tanggal,jenis,nama,dasar\n2026-04-01,libur,Banjir,SK 1\n2026-02-30,libur,Salah,\n",
        encoding="utf-8",
    )

    with pytest.raises(CommandError, match=r"libur.csv, baris 3: tanggal tidak sah: '2026-02-30'"):
        call_command("import_calendar_overrides", path)
    assert not CalendarOverride.objects.exists()


@pytest.mark.django_db
def test_importing_overrides_moves_open_deadlines(tmp_path, open_case, capsys):
    path = tmp_path / "libur.csv"
    path.write_text(
        "tanggal,jenis,nama,dasar\n"
        "2026-04-01,libur,Banjir,SK 1\n"
        "2026-04-02,libur,Banjir,SK 1\n"
        "2026-04-03,kerja,Dipindah,SKB\n",
        encoding="utf-8",
    )

    call_command("import_calendar_overrides", path)

    assert CalendarOverride.objects.count() == 3
    assert open_case.due_on == datetime.date(2026, 4, 8)  # two days closed, one day opened
    assert "3 pengecualian diimpor" in capsys.readouterr().out


@pytest.mark.django_db
def test_the_public_sees_day_n_of_m_and_the_date(monkeypatch):
    from django.template import Context, Template
    from django.utils import timezone

    deadline = calendar.WorkingDayCalendar().deadline(
        datetime.datetime(2026, 3, 16, 9, 0, tzinfo=WIB), working_days=10, rule="x"
    )
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 3, 26))

    html = Template("{% load pendopo_tags %}{{ d|deadline_progress }}").render(
        Context({"d": deadline})
    )

    assert html == "hari ke-3 dari 10, batas 7 April 2026"


def _import(tmp_path, text: str):
    path = tmp_path / "libur.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tanggal,jenis,nama\n\n\n2026-06-02,cuti,X\n", "baris 4: jenis harus libur atau kerja"),
        ("tanggal,jenis,nama\n20260608,libur,X\n", "baris 2: tanggal tidak sah: '20260608'"),
        ("tanggal,jenis,nama\n2026-06-08,libur," + "n" * 151 + "\n", "nama lebih dari 150"),
        ("tanggal,tanggal,jenis,nama\n2026-06-08,2026-06-09,libur,X\n", "kolom ganda: tanggal"),
        ("tanggal,jenis,nama\n2026-06-08,libur,X,Y\n", "baris 2: kolom lebih banyak"),
        ("tanggal,jenis,nama\n2026-06-08,libur,X\x00\n", "baris 2: berkas berisi karakter NUL"),
    ],
)
def test_bad_override_files_are_refused_with_the_physical_line(tmp_path, text, message):
    with pytest.raises(CommandError, match=message):
        call_command("import_calendar_overrides", _import(tmp_path, text))
    assert not CalendarOverride.objects.exists()


@pytest.mark.django_db
def test_a_quoted_line_break_stays_in_the_name_and_later_lines_keep_their_numbers(tmp_path):
    text = 'tanggal,jenis,nama\n2026-06-08,libur,"Hari Jadi\nBanyuwangi"\n2026-06-31,libur,X\n'

    with pytest.raises(CommandError, match="baris 4: tanggal tidak sah"):
        call_command("import_calendar_overrides", _import(tmp_path, text))
    call_command("import_calendar_overrides", _import(tmp_path, text.rsplit("2026-06-31", 1)[0]))

    assert CalendarOverride.objects.get().name == "Hari Jadi\nBanyuwangi"
