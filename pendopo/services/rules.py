"""The completeness rule of a service standard (UU 25/2009 Pasal 21, Pasal 15 huruf c)."""

from __future__ import annotations

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from pendopo.core.errors import DomainError
from pendopo.services.components import COMPONENTS


class IncompleteStandardError(DomainError):
    """A service standard with an empty required part may not be published."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(
            _(
                "Standar pelayanan belum dapat diterbitkan: komponen berikut masih kosong "
                "(UU 25/2009 Pasal 21): %(parts)s."
            )
            % {"parts": ", ".join(missing)}
        )


def is_blank(value) -> bool:
    """True for None, "" and rich text with no visible text (``<p></p>``, ``<p>&nbsp;</p>``)."""
    if value is None:
        return True
    text = strip_tags(str(value)).replace("&nbsp;", " ").replace("\xa0", " ")
    return not text.strip()


def missing_parts(values: dict) -> list[str]:
    """Labels of the required parts that are blank in ``values`` (field name → value).

    Required: the 14 Pasal 21 components, the maklumat, the decree number and date.
    """
    required = [(name, label) for name, label, _group in COMPONENTS]
    required += [
        ("maklumat", _("Maklumat pelayanan")),
        ("decree_number", _("nomor keputusan (SK)")),
        ("decree_date", _("tanggal keputusan")),
    ]
    return [str(label) for name, label in required if is_blank(values.get(name))]


def missing_parts_of(page) -> list[str]:
    """``missing_parts`` of a ServiceStandardPage instance."""
    names = [name for name, _label, _group in COMPONENTS]
    names += ["maklumat", "decree_number", "decree_date"]
    return missing_parts({name: getattr(page, name) for name in names})
