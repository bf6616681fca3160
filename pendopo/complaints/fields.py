"""Field-level encryption of personal data at rest (UU 27/2022; DESIGN.md "personal data").

The key comes from ``PENDOPO_FIELD_ENCRYPTION_KEY``: one or more Fernet keys, comma-separated,
newest first (``MultiFernet``: new values are written with the first, old ones still read).
The development default is derived from a marked string and refused by production settings.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@lru_cache(maxsize=4)
def _fernet(raw_keys: str) -> MultiFernet:
    keys = []
    for raw in [part.strip() for part in raw_keys.split(",") if part.strip()]:
        if raw.startswith("INSECURE"):
            # Development and tests only; config.settings.production refuses such a key.
            raw = base64.urlsafe_b64encode(hashlib.sha256(raw.encode()).digest()).decode()
        try:
            keys.append(Fernet(raw))
        except (ValueError, TypeError) as exc:
            raise ImproperlyConfigured(
                "PENDOPO_FIELD_ENCRYPTION_KEY must hold Fernet keys (32 url-safe base64 bytes)."
            ) from exc
    if not keys:
        raise ImproperlyConfigured("PENDOPO_FIELD_ENCRYPTION_KEY is empty.")
    return MultiFernet(keys)


def fernet() -> MultiFernet:
    return _fernet(settings.PENDOPO_FIELD_ENCRYPTION_KEY)


def encrypt(value: str) -> str:
    return fernet().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "An encrypted value cannot be read with PENDOPO_FIELD_ENCRYPTION_KEY (wrong key?)."
        ) from exc


class EncryptedTextField(models.TextField):
    """A text column stored as a Fernet token; the empty string stays empty (nothing to hide).

    It cannot be filtered or searched on: the ciphertext differs every time.
    """

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(str(value))


def mask_phone(value: str) -> str:
    """ "081234567890" -> "0812••••7890" (staff lists)."""
    digits = value.strip()
    if len(digits) <= 6:
        return "•" * len(digits)
    return digits[:4] + "•" * (len(digits) - 8 if len(digits) > 8 else 2) + digits[-4:]


def mask_email(value: str) -> str:
    """ "budi.santoso@gmail.com" -> "b•••@gmail.com" (staff lists)."""
    local, _at, domain = value.strip().partition("@")
    if not domain:
        return "•••"
    return (local[:1] or "•") + "•••@" + domain
