"""The public listing's filter form: every value is checked, a bad one gives a clear message."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from pendopo.core.search import unreadable_query_error

from .models import PackageKind, PackageStatus

MAX_RUPIAH = Decimal("9999999999999999.99")


class FilterForm(forms.Form):
    """GET filters of ``/pengadaan/``. Choices come from the data (``filter_options``)."""

    q = forms.CharField(
        label=_("Cari nama paket, kode atau penyedia"), required=False, max_length=100
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    modul = forms.ChoiceField(label=_("Modul"), required=False)
    tahap = forms.ChoiceField(label=_("Tahap saat ini"), required=False)
    metode = forms.ChoiceField(label=_("Metode pemilihan"), required=False)
    jenis = forms.ChoiceField(label=_("Jenis pengadaan"), required=False)
    opd = forms.ChoiceField(label=_("Perangkat daerah"), required=False)
    satker = forms.CharField(label=_("Kode satker"), required=False, max_length=40)
    tahun = forms.TypedChoiceField(label=_("Tahun anggaran"), required=False, coerce=int)
    sumber_dana = forms.ChoiceField(label=_("Sumber dana"), required=False)
    nilai_min = forms.DecimalField(
        label=_("Pagu paling sedikit (Rp)"),
        required=False,
        min_value=0,
        max_value=MAX_RUPIAH,
        max_digits=18,
        decimal_places=2,
    )
    nilai_max = forms.DecimalField(
        label=_("Pagu paling banyak (Rp)"),
        required=False,
        min_value=0,
        max_value=MAX_RUPIAH,
        max_digits=18,
        decimal_places=2,
    )

    def __init__(self, data, *, options: dict):
        if data is not None and unreadable_query_error(data.get("q", "")):
            data = data.copy()  # the box shows the query again: never with the NUL in it
            data["q"] = data["q"].replace("\x00", "")
            self.unreadable = True
        super().__init__(data)
        every = [("", _("Semua"))]
        self.fields["status"].choices = every + list(PackageStatus.choices)
        self.fields["modul"].choices = every + list(PackageKind.choices)
        for name in ("tahap", "metode", "jenis", "sumber_dana"):
            self.fields[name].choices = every + [(v, v) for v in options[name]]
        self.fields["tahun"].choices = every + [(str(v), str(v)) for v in options["tahun"]]
        self.fields["opd"].choices = every + list(options["opd"])

    unreadable = False

    def clean_q(self):
        value = " ".join(self.cleaned_data["q"].split())
        if self.unreadable:
            raise forms.ValidationError(unreadable_query_error("\x00"))
        return value

    def clean(self):
        data = super().clean()
        low, high = data.get("nilai_min"), data.get("nilai_max")
        if low is not None and high is not None and low > high:
            raise forms.ValidationError(
                _("Pagu paling sedikit tidak boleh lebih besar daripada pagu paling banyak.")
            )
        return data
