"""Requesters' personal data use the kernel's one encrypted field: a wrong key fails loudly."""

from __future__ import annotations

import pytest

from pendopo.core.crypto import DecryptionError, EncryptedTextField
from pendopo.ppid import crypto as migrations_alias
from pendopo.ppid.models import InformationRequest

pytestmark = pytest.mark.django_db


def test_the_migrations_alias_is_the_kernel_field():
    assert migrations_alias.EncryptedTextField is EncryptedTextField
    field = InformationRequest._meta.get_field("identity_number")
    assert type(field) is EncryptedTextField


def test_reading_personal_data_with_a_wrong_key_raises(make_request, settings):
    request = make_request()
    settings.PENDOPO_FIELD_ENCRYPTION_KEY = "INSECURE-another-key-for-this-test"

    # Before: a "[tidak dapat didekripsi]" placeholder was shown; now the error is loud.
    with pytest.raises(DecryptionError, match="wrong key"):
        InformationRequest.objects.get(pk=request.pk)
