"""The kernel's one mask for personal data in staff lists."""

from __future__ import annotations

import pytest

from pendopo.core.crypto import mask, mask_email, mask_phone


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        (("3510012345678901",), {"char": "*"}, "************8901"),
        (("3510012345678901", 2), {}, "••••••••••••••01"),
        (("081234567890",), {"keep_start": 4}, "0812••••7890"),
        (("abc",), {}, "abc"),
        (("",), {}, ""),
        (("secret", 0), {}, "••••••"),
    ],
)
def test_mask_hides_all_but_the_visible_ends(args, kwargs, expected):
    assert mask(*args, **kwargs) == expected


def test_phone_and_email_masks():
    assert mask_phone("081234568888") == "0812••••8888"
    assert mask_phone("0812345") == "0812••2345"
    assert mask_phone("12345") == "•••••"
    assert mask_email("rina@example.org") == "r•••@example.org"
    assert mask_email("tanpa-at") == "•••"
