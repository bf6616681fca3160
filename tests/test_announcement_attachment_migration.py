"""Migration news 0006 moves the old single announcement attachment into the attachments list
(first item, same document), in the pages and in their revisions, and back again.

On PostgreSQL the migration runs inside the test's transaction (DDL is transactional there,
so the rollback restores everything). SQLite cannot change its schema inside a transaction
with foreign keys enforced, so there the test copies the test database to a file and runs
the same exercise in a subprocess against the copy. (Here, not under pendopo/: a test that
builds a subprocess environment reads os.environ.)
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from pendopo.news.tests.migration_exercise import exercise

REPO = Path(__file__).resolve().parents[1]


def _run_on_a_sqlite_copy(tmp_path: Path) -> dict:
    copy = tmp_path / "kopi.sqlite3"
    target = sqlite3.connect(copy)
    connection.ensure_connection()
    connection.connection.backup(target)
    target.close()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{copy}"}
    env.pop("REDIS_URL", None)
    code = (
        "import django, json; django.setup(); "
        "from pendopo.news.tests.migration_exercise import exercise; "
        "print(json.dumps(exercise()))"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and code, no user input
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_the_single_attachment_becomes_the_first_list_item_and_comes_back(tmp_path):
    if connection.vendor == "sqlite":
        result = _run_on_a_sqlite_copy(tmp_path)
    else:
        result = json.loads(json.dumps(exercise()))
    document = result["document"]
    forward, backward = result["forward"], result["backward"]

    assert forward["only_single"] == [[document, "", 0]]
    assert forward["both"][0] == [document, "", 0]  # first, same document, no own title
    assert forward["both"][1][1:] == ["Daftar peserta (uji)", 1]
    assert "attachment" not in forward["revision"]
    assert [i["document"] for i in forward["revision"]["attachments"]][0] == document
    assert [(i["title"], i["sort_order"]) for i in forward["revision"]["attachments"]] == [
        ("", 0),
        ("Daftar peserta (uji)", 1),
    ]
    assert backward["single"] == {
        "contoh-pengumuman-1": document,
        "contoh-pengumuman-2": document,
    }
    assert backward["both_list"] == [["Daftar peserta (uji)"]]
    assert backward["revision_attachment"] == document
