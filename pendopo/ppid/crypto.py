"""Field-level encryption of requesters' personal data (UU 27/2022 on personal data).

The key is the shared ``PENDOPO_FIELD_ENCRYPTION_KEY`` (``pendopo.core.crypto`` explains it);
production keeps it with the backups (without it the stored NIK and scans are unreadable).
"""

from __future__ import annotations

from cryptography.fernet import InvalidToken
from django.db import models

from pendopo.core.crypto import decrypt_bytes, encrypt_bytes

__all__ = ["EncryptedTextField", "decrypt_bytes", "encrypt_bytes", "mask"]


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
