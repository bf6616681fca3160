"""Personal data of complainants at rest: the shared field encryption (``pendopo.core.crypto``).

This module keeps the field's import path stable for the migrations; the masks used by
``Case.masked_phone`` / ``Case.masked_email`` are the kernel's (``pendopo.core.crypto``).
"""

from __future__ import annotations

from pendopo.core import crypto
from pendopo.core.crypto import decrypt, encrypt, fernet, mask_email, mask_phone

__all__ = ["EncryptedTextField", "decrypt", "encrypt", "fernet", "mask_email", "mask_phone"]


class EncryptedTextField(crypto.EncryptedTextField):
    """``pendopo.core.crypto.EncryptedTextField`` under the path the migrations name."""
