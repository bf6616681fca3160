"""Field-level encryption of requesters' personal data (UU 27/2022 on personal data).

The key is ``PENDOPO_FIELD_ENCRYPTION_KEY`` (a Fernet key: 32 url-safe base64 bytes, make one
with ``python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"``).
When it is empty a key is derived from ``SECRET_KEY`` so development and tests work; production
sets its own and keeps it with the backups (without it the stored NIK and scans are unreadable).
Several keys may be given comma-separated: the first encrypts, all decrypt (key rotation).
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@lru_cache(maxsize=4)
def _fernet(keys: str, secret: str) -> MultiFernet:
    values = [key.strip() for key in keys.split(",") if key.strip()]
    if not values:
        digest = hashlib.sha256(("pendopo-field-encryption:" + secret).encode()).digest()
        values = [base64.urlsafe_b64encode(digest).decode()]
    return MultiFernet([Fernet(value.encode()) for value in values])


def fernet() -> MultiFernet:
    return _fernet(settings.PENDOPO_FIELD_ENCRYPTION_KEY, settings.SECRET_KEY)


def encrypt_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    """The plain bytes; raises ``cryptography.fernet.InvalidToken`` with a wrong key."""
    return fernet().decrypt(bytes(token))


def mask(value: str, visible: int = 4) -> str:
    """``3510012345678901`` → ``************8901``: for staff lists, never the whole value."""
    if not value:
        return ""
    return "*" * max(len(value) - visible, 0) + value[-visible:]


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token; read back as plain text. Not searchable or sortable."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt_bytes(str(value).encode()).decode()

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        try:
            return decrypt_bytes(value.encode()).decode()
        except InvalidToken:
            return "[tidak dapat didekripsi]"
