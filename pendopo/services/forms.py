"""The editor form of a service standard: refuses submission or publishing while incomplete."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from pendopo.services.rules import missing_parts


class ServiceStandardForm(WagtailAdminPageForm):
    """Drafts may be incomplete; anything else (submit, publish) needs all 14 components."""

    def clean(self):
        cleaned = super().clean()
        if self.is_deferred_validation:
            return cleaned
        missing = missing_parts(
            {name: cleaned.get(name, getattr(self.instance, name, None)) for name in self.fields}
        )
        if missing:
            raise ValidationError(
                _(
                    "Standar pelayanan belum dapat diterbitkan atau diajukan: komponen berikut "
                    "masih kosong (UU 25/2009 Pasal 21): %(parts)s. Simpan sebagai draf dahulu "
                    "bila belum lengkap."
                )
                % {"parts": ", ".join(missing)}
            )
        return cleaned
