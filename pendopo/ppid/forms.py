"""Public and staff forms: parse input only; the rules are in ``services/`` and ``rules.py``."""

from __future__ import annotations

import uuid

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pendopo.ppid import rules
from pendopo.ppid.models import IdentityDocument
from pendopo.ppid.states import (
    DECISIONS,
    Category,
    DisputeOutcome,
    ExemptionGround,
    ObjectionGround,
    ObtainMethod,
    ReceiveMethod,
    RequesterKind,
    RequestStatus,
)

DOCUMENT_ACCEPT = "application/pdf,image/jpeg,image/png"


class ListFilterForm(forms.Form):
    kategori = forms.ChoiceField(
        label=_("Kategori"), required=False, choices=[("", _("Semua kategori")), *Category.choices]
    )
    opd = forms.ChoiceField(label=_("Badan publik"), required=False)
    q = forms.CharField(label=_("Kata kunci"), required=False, max_length=100)

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].choices = [
            ("", _("Semua")),
            ("utama", _("PPID Utama (tingkat kabupaten)")),
            *[(agency.slug, agency.name) for agency in agencies],
        ]


class RequestForm(forms.Form):
    """Permohonan informasi (Perki 1/2021 form; docs/rules.md#ppid-request-fields)."""

    agency = forms.ModelChoiceField(
        label=_("Ditujukan kepada"),
        queryset=None,
        required=False,
        empty_label=_("PPID Utama (pemerintah kabupaten)"),
    )
    requester_kind = forms.ChoiceField(
        label=_("Jenis pemohon"), choices=RequesterKind.choices, widget=forms.RadioSelect
    )
    requester_name = forms.CharField(
        label=_("Nama lengkap (perorangan atau badan hukum)"), max_length=150
    )
    identity_number = forms.CharField(
        label=_("NIK (16 angka) atau nomor SK pengesahan badan hukum"), max_length=60
    )
    is_proxy = forms.BooleanField(label=_("Saya mengajukan sebagai kuasa pemohon"), required=False)
    occupation = forms.CharField(label=_("Pekerjaan"), max_length=100, required=False)
    address = forms.CharField(
        label=_("Alamat"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )
    phone = forms.CharField(label=_("Telepon/WhatsApp"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    topic = forms.CharField(
        label=_("Pokok permohonan"),
        max_length=150,
        help_text=_("Judul singkat. Tampil di register permohonan publik (tanpa nama Anda)."),
    )
    details = forms.CharField(
        label=_("Rincian informasi yang dibutuhkan"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5, "data-ppid-suggest": "1"}),
    )
    purpose = forms.CharField(
        label=_("Tujuan penggunaan informasi"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    obtain_method = forms.ChoiceField(
        label=_("Cara memperoleh informasi"), choices=ObtainMethod.choices, widget=forms.RadioSelect
    )
    receive_method = forms.ChoiceField(
        label=_("Cara mendapatkan salinan informasi"),
        choices=ReceiveMethod.choices,
        widget=forms.RadioSelect,
    )
    identity_scan = forms.FileField(
        label=_("Pindaian KTP (PDF/JPG/PNG, paling besar 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )
    decree = forms.FileField(
        label=_("SK pengesahan badan hukum (wajib untuk badan hukum)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )
    power_of_attorney = forms.FileField(
        label=_("Surat kuasa khusus (wajib untuk kuasa)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(
        required=False,
        label=_("Jangan diisi"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def documents(self) -> list[tuple[str, object]]:
        pairs = [
            (IdentityDocument.Kind.IDENTITY, self.cleaned_data.get("identity_scan")),
            (IdentityDocument.Kind.DECREE, self.cleaned_data.get("decree")),
            (IdentityDocument.Kind.POWER_OF_ATTORNEY, self.cleaned_data.get("power_of_attorney")),
        ]
        return [(kind, upload) for kind, upload in pairs if upload]

    FIELD_FOR_ERROR = {"power_of_attorney": "power_of_attorney", "decree": "decree"}


class AccessForm(forms.Form):
    nomor = forms.CharField(label=_("Nomor pendaftaran"), max_length=30)
    kode = forms.CharField(label=_("Kode akses (pada tanda bukti)"), max_length=30)


class ObjectionForm(forms.Form):
    ground = forms.ChoiceField(
        label=_("Alasan keberatan (UU 14/2008 Pasal 35 ayat 1)"), widget=forms.RadioSelect
    )
    statement = forms.CharField(
        label=_("Uraian keberatan"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, grounds=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ObjectionGround.choices)
        self.fields["ground"].choices = [(g, labels[g]) for g in grounds]


# --- Staff forms ---------------------------------------------------------------------------


class ExtendForm(forms.Form):
    days = forms.IntegerField(
        label=format_lazy(_("Perpanjangan (hari kerja, 1–{days})"), days=rules.EXTENSION.amount),
        min_value=1,
        max_value=rules.EXTENSION.amount,
    )
    reason = forms.CharField(label=_("Alasan tertulis"), widget=forms.Textarea(attrs={"rows": 2}))


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Keputusan"), choices=[(d.value, d.label) for d in map(RequestStatus, DECISIONS)]
    )
    note = forms.CharField(
        label=_("Isi pemberitahuan tertulis"), widget=forms.Textarea(attrs={"rows": 3})
    )
    exemption_ground = forms.ChoiceField(
        label=_("Dasar pengecualian (ditolak/sebagian)"),
        choices=[("", "—"), *ExemptionGround.choices],
        required=False,
    )
    consequence_test = forms.CharField(
        label=_("Uji konsekuensi"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    redacted_parts = forms.CharField(
        label=_("Bagian yang dihitamkan dan alasannya"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    holding_body = forms.CharField(
        label=_("Badan publik yang menguasai (tidak dikuasai)"), required=False
    )


class DeliveryForm(forms.Form):
    note = forms.CharField(label=_("Cara penyampaian"), max_length=255)


class AnswerObjectionForm(forms.Form):
    overrule = forms.TypedChoiceField(
        label=_("Tanggapan"),
        coerce=lambda value: value == "1",
        choices=[
            ("1", _("Keberatan dikabulkan (keputusan PPID dibatalkan)")),
            ("0", _("Menguatkan keputusan PPID")),
        ],
    )
    reasons = forms.CharField(
        label=_("Alasan tertulis"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    atasan_name = forms.CharField(label=_("Nama atasan PPID"), max_length=150)
    atasan_position = forms.CharField(
        label=_("Jabatan"), max_length=150, initial="Sekretaris Daerah"
    )


class DisputeForm(forms.Form):
    registered_on = forms.DateField(
        label=_("Tanggal registrasi di Komisi Informasi"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    ki_number = forms.CharField(label=_("Nomor register"), max_length=100)


class DisputeOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Putusan"), choices=DisputeOutcome.choices)
    note = forms.CharField(
        label=_("Ringkasan putusan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    decided_on = forms.DateField(
        label=_("Tanggal putusan"), widget=forms.DateInput(attrs={"type": "date"})
    )
