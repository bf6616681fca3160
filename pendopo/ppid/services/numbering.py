"""Registration numbers and receipt access codes (UU 14/2008 Pasal 22(4)–(5))."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models

from pendopo.ppid.models import InformationRequest


def hash_code(code: str) -> str:
    """What is stored of an access code: its SHA-256 hex digest."""
    return hashlib.sha256(code.encode()).hexdigest()


def new_access_code() -> str:
    """A fresh access code for a receipt (12 url-safe characters)."""
    return secrets.token_urlsafe(9)


def check_access_code(request: InformationRequest, code: str) -> bool:
    """True when ``code`` is the access code printed on the request's receipt."""
    return secrets.compare_digest(request.access_code_hash, hash_code(code or ""))


def next_number(model: type[models.Model], prefix: str) -> str:
    """The next free ``number`` of ``model`` after ``prefix`` (``PPID-3510-2026-00001``)."""
    last = (
        model._default_manager.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    sequence = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{sequence:05d}"
