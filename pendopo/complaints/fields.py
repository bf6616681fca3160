"""Personal data of complainants at rest: the shared field encryption (``pendopo.core.crypto``).

This module keeps the field's import path stable for the migrations, and holds the only
masking functions of the complaints app (``mask_phone``, ``mask_email``; used through
``Case.masked_phone`` / ``Case.masked_email``) until the kernel's mask replaces them.
"""

from __future__ import annotations

from pendopo.core import crypto
from pendopo.core.crypto import decrypt, encrypt, fernet

__all__ = ["EncryptedTextField", "decrypt", "encrypt", "fernet", "mask_email", "mask_phone"]


class EncryptedTextField(crypto.EncryptedTextField):
    """``pendopo.core.crypto.EncryptedTextField`` under the path the migrations name."""


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
