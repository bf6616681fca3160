from django import forms
from django.utils.translation import gettext_lazy as _


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penarikan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Tampil di halaman bagi pengunjung, bersama tanggal penarikan."),
    )
