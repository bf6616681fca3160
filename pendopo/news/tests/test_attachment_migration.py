"""Migration news 0006 moves the old single announcement attachment into the attachments list
(first item, same document), in the pages and in their revisions, and back again.

On PostgreSQL the migration runs inside the test's transaction (DDL is transactional there,
so the rollback restores everything). SQLite cannot change its schema inside a transaction
with foreign keys enforced, so there the test copies the test database to a file and runs
the same exercise in a subprocess against the copy.
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
from django.db.migrations.executor import MigrationExecutor
from wagtail.documents import get_document_model_string

BEFORE = [("news", "0005_indonesian_field_names")]
REPO = Path(__file__).resolve().parents[3]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


def exercise() -> dict:
    """Migrate news back to 0005, give two announcements a single attachment (one of them
    also a list item, and the single one in its latest revision), migrate forward, read,
    migrate back, read; return what was read (JSON-ready)."""
    if connection.vendor == "postgresql":
        # Row changes leave deferred FK checks pending, and PostgreSQL refuses ALTER TABLE
        # while any are: check each constraint at once instead.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("news")
    executor = _migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Page = old.get_model("news", "AnnouncementPage")
    Attachment = old.get_model("news", "AnnouncementAttachment")
    Document = old.get_model(*get_document_model_string().split("."))
    Revision = old.get_model("wagtailcore", "Revision")
    document = Document.objects.order_by("pk").first()
    only_single = Page.objects.get(slug="contoh-pengumuman-1")
    both = Page.objects.get(slug="contoh-pengumuman-2")
    Attachment.objects.filter(page_id__in=[only_single.pk, both.pk]).delete()
    Attachment.objects.create(
        page_id=both.pk, document_id=document.pk, title="Daftar peserta (uji)", sort_order=0
    )
    for page in (only_single, both):
        Page.objects.filter(pk=page.pk).update(attachment_id=document.pk)
    revision = Revision.objects.get(pk=Page.objects.get(pk=both.pk).latest_revision_id)
    listed_item = {
        "pk": None,
        "page": both.pk,
        "document": document.pk,
        "title": "Daftar peserta (uji)",
        "sort_order": 0,
    }
    revision.content = {
        **revision.content,
        "attachment": document.pk,
        "attachments": [listed_item],
    }
    revision.save(update_fields=["content"])

    _migrate(latest)
    from pendopo.news.models import AnnouncementAttachment

    def listed(page_id):
        return [
            (a.document_id, a.title, a.sort_order)
            for a in AnnouncementAttachment.objects.filter(page_id=page_id).order_by("sort_order")
        ]

    from wagtail.models import Revision as CurrentRevision

    forward = {
        "only_single": listed(only_single.pk),
        "both": listed(both.pk),
        "revision": CurrentRevision.objects.get(pk=revision.pk).content,
    }

    executor = _migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Page = old.get_model("news", "AnnouncementPage")
    Attachment = old.get_model("news", "AnnouncementAttachment")
    backward = {
        "single": {
            p.slug: p.attachment_id for p in Page.objects.filter(pk__in=[only_single.pk, both.pk])
        },
        "both_list": list(Attachment.objects.filter(page_id=both.pk).values_list("title")),
        "revision_attachment": old.get_model("wagtailcore", "Revision")
        .objects.get(pk=revision.pk)
        .content.get("attachment"),
    }
    _migrate(latest)
    return {"document": document.pk, "forward": forward, "backward": backward}


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
        "from pendopo.news.tests.test_attachment_migration import exercise; "
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
