"""Field-level encryption and masking of personal data (UU 27/2022; DESIGN.md "personal data").

The one encrypted field of every app is :class:`EncryptedTextField`; it fails loudly
(:class:`DecryptionError`) when a stored value cannot be read with the configured key, never
showing a placeholder. The one mask is :func:`mask` (with :func:`mask_phone` and
:func:`mask_email` built on it) for staff lists.

One key setting for every app: ``PENDOPO_FIELD_ENCRYPTION_KEY`` holds one or more Fernet keys,
comma-separated, newest first (``MultiFernet``: new values are written with the first, old ones
still read). The development default is derived from a marked string ("INSECURE…") and refused by
production settings. Make a key with
``python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"``.
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


class DecryptionError(ImproperlyConfigured):
    """A stored value cannot be read with ``PENDOPO_FIELD_ENCRYPTION_KEY`` (wrong or lost key)."""


def decrypt(token: str) -> str:
    """The plain text of ``token``; raises :class:`DecryptionError` with a wrong key."""
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise DecryptionError(
            "An encrypted value cannot be read with PENDOPO_FIELD_ENCRYPTION_KEY (wrong key?)."
        ) from exc


def encrypt_bytes(data: bytes) -> bytes:
    """Fernet token of ``data`` (for files such as identity scans)."""
    return fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    """The plain bytes; raises ``cryptography.fernet.InvalidToken`` with a wrong key."""
    return fernet().decrypt(bytes(token))


class EncryptedTextField(models.TextField):
    """A text column stored as a Fernet token; the empty string stays empty (nothing to hide).

    It cannot be filtered or searched on: the ciphertext differs every time. Reading a value
    written with another key raises :class:`DecryptionError` (loud, never a placeholder).
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


def mask(
    value: str, visible: int = 4, *, keep_start: int = 0, char: str = "•", min_hidden: int = 0
) -> str:
    """``value`` with all but its first ``keep_start`` and last ``visible`` characters replaced
    by ``char`` (at least ``min_hidden`` of them): for staff lists, never the whole value.

    ``mask("3510012345678901", char="*")`` → ``************8901``; ``""`` stays ``""``.
    """
    if not value:
        return ""
    hidden = max(len(value) - visible - keep_start, min_hidden, 0)
    tail = value[-visible:] if visible > 0 else ""
    return value[:keep_start] + char * hidden + tail


def mask_phone(value: str) -> str:
    """``081234567890`` → ``0812••••7890``; six digits or fewer are hidden entirely."""
    digits = value.strip()
    if len(digits) <= 6:
        return "•" * len(digits)
    return mask(digits, 4, keep_start=4, min_hidden=2)


def mask_email(value: str) -> str:
    """``budi.santoso@gmail.com`` → ``b•••@gmail.com``; a value without ``@`` → ``•••``."""
    local, _at, domain = value.strip().partition("@")
    if not domain:
        return "•••"
    return (local[:1] or "•") + "•••@" + domain
