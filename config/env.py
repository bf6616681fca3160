"""The one way settings read the environment.

Every variable read here is listed, with its default, in ``.env.example``.
A ``.env`` file next to ``manage.py`` is read first when it exists (values already
in the environment win), so a developer can keep local values out of the shell.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on", "ya"}
_FALSE = {"0", "false", "no", "off", "tidak"}


def _read_dotenv(path: Path) -> None:
    if not path.is_file():
        return
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip().strip('"').strip("'"))


_read_dotenv(BASE_DIR / ".env")


def env_str(name: str, default: str | None = None) -> str:
    """Return the variable ``name``; raise ImproperlyConfigured if unset and no default."""
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"Environment variable {name} must be set.")
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    """Return ``name`` as a boolean (1/true/yes/on or 0/false/no/off)."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":  # an empty VAR= line keeps the default
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"Environment variable {name} must be a boolean, not {value!r}.")


def env_int(name: str, default: int) -> int:
    """Return ``name`` as an integer."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"Environment variable {name} must be an integer.") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """Return ``name`` split on commas, blanks dropped."""
    value = os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]
