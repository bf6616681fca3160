from django.core.management import call_command

from pendopo.core import scheduler


def test_a_failing_job_does_not_stop_the_others(monkeypatch):
    monkeypatch.setattr(scheduler, "_JOBS", {})
    seen = []
    scheduler.register_periodic_job("test.broken", lambda now: 1 / 0)
    scheduler.register_periodic_job("test.fine", lambda now: seen.append(now) or "ok")

    results = scheduler.run_periodic_jobs()

    assert [r.name for r in results] == ["test.broken", "test.fine"]
    assert "ZeroDivisionError" in results[0].error
    assert results[1].summary == "ok" and len(seen) == 1


def test_run_scheduled_publishes_and_exits_non_zero_on_a_failed_job(db, monkeypatch):
    monkeypatch.setattr(scheduler, "_JOBS", {})
    scheduler.register_periodic_job("test.broken", lambda now: 1 / 0)

    try:
        call_command("run_scheduled", verbosity=0)
    except SystemExit as exit_:
        assert exit_.code == 1
    else:
        raise AssertionError("run_scheduled should exit 1 when a job fails")
