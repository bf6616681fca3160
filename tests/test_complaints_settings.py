"""Production settings refuse to run without a real key for personal data at rest."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("key", [None, "", "INSECURE-dev-only-key"])
def test_production_settings_refuse_a_missing_or_insecure_key(key):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PENDOPO_FIELD_ENCRYPTION_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="portal.example.go.id")
    if key is not None:
        env["PENDOPO_FIELD_ENCRYPTION_KEY"] = key

    done = subprocess.run(
        [sys.executable, "-c", "import config.settings.production"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode != 0
    assert "PENDOPO_FIELD_ENCRYPTION_KEY" in done.stderr
