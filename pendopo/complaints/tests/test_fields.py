import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from pendopo.complaints import fields

REPO = Path(__file__).resolve().parents[3]


def test_values_written_with_an_old_key_are_read_after_rotation(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.PENDOPO_FIELD_ENCRYPTION_KEY = old
    token = fields.encrypt("081234567890")

    settings.PENDOPO_FIELD_ENCRYPTION_KEY = f"{new},{old}"

    assert fields.decrypt(token) == "081234567890"
    assert Fernet(new.encode()).decrypt(fields.encrypt("x").encode()) == b"x"


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

    done = subprocess.run(  # noqa: S603
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
