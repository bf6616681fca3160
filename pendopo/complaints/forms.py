"""The public form (contract C1 (docs/contracts.md#c1-complaint-form-prefill)) and the reporter's
and staff's small forms."""

from __future__ import annotations

import re

import filetype
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pendopo.agencies.models import Agency
from pendopo.complaints.models import CaseKind, Category
from pendopo.regions.models import District, Village

MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
ALLOWED_TYPES = {"image/jpeg", "image/png", "image/webp", "application/pdf"}
NAME = re.compile(r"^[^\W\d_]+(?:[ '’.\-]{1,2}[^\W\d_]+)*\.?$")
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{6,18}[0-9]$")


def clean_reference_path(value: str) -> str:
    """C1 (docs/contracts.md#c1-complaint-form-prefill) ``rujukan``: a local path starting with one
    "/", no scheme or host, ≤ 200 chars; anything else is ignored (empty string)."""
    value = (value or "").strip()
    if (
        not value.startswith("/")
        or value.startswith("//")
        or len(value) > 200
        or "\\" in value
        or any(ch.isspace() or ord(ch) < 32 for ch in value)
        or ":" in value.split("?", 1)[0].split("/", 2)[1]
    ):
        return ""
    return value


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data or []) if f] if isinstance(data, list | tuple) else []
        if data and not isinstance(data, list | tuple):
            files = [data]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("Paling banyak %(n)d lampiran.") % {"n": MAX_ATTACHMENTS}, code="too_many"
            )
        for upload in files:
            if upload.size > MAX_ATTACHMENT_BYTES:
                raise ValidationError(
                    _("Berkas %(name)s lebih dari 5 MB; ukuran maksimal 5 MB per berkas.")
                    % {"name": upload.name[:60]},
                    code="too_large",
                )
            head = upload.read(2048)
            upload.seek(0)
            kind = filetype.guess(head)
            if kind is None or kind.mime not in ALLOWED_TYPES:
                raise ValidationError(
                    _("Berkas %(name)s bukan gambar (JPEG, PNG, WebP) atau PDF.")
                    % {"name": upload.name[:60]},
                    code="bad_type",
                )
            upload.content_type = kind.mime
        return files


class CaseForm(forms.Form):
    """Ask, suggest or complain. Personal data is optional except the name."""

    jenis = forms.ChoiceField(
        label=_("Jenis laporan"),
        choices=CaseKind.choices,
        initial=CaseKind.COMPLAINT,
        widget=forms.RadioSelect,
    )
    nama = forms.CharField(
        label=_("Nama lengkap"),
        max_length=120,
        help_text=_("Satu kata pun boleh. Tidak ditampilkan jika Anda memilih anonim."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    telepon = forms.CharField(
        label=_("Nomor telepon/WhatsApp (tidak wajib)"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail (tidak wajib)"),
        required=False,
        help_text=_("Tanda terima dan kabar tindak lanjut dikirim ke sini."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        empty_label=_("— pilih kategori —"),
    )
    opd = forms.ModelChoiceField(
        label=_("Perangkat daerah yang dituju (tidak wajib)"),
        queryset=None,
        to_field_name="slug",
        required=False,
        empty_label=_("— belum tahu, biar koordinator yang meneruskan —"),
    )
    layanan = forms.TypedChoiceField(
        label=_("Layanan (tidak wajib)"), required=False, coerce=int, empty_value=None
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan lokasi"), queryset=None, required=False, empty_label=_("— pilih —")
    )
    desa = forms.ModelChoiceField(
        label=_("Desa/kelurahan lokasi"), queryset=None, required=False, empty_label=_("— pilih —")
    )
    judul = forms.CharField(label=_("Judul"), max_length=200)
    isi = forms.CharField(
        label=_("Isi laporan"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Ceritakan apa, di mana dan kapan. Paling panjang 5.000 karakter."),
    )
    lampiran = AttachmentsField(
        label=_("Lampiran (tidak wajib)"),
        required=False,
        help_text=_(
            "Paling banyak 3 berkas gambar (JPEG, PNG, WebP) atau PDF, masing-masing paling "
            "besar 5 MB."
        ),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,.pdf"}),
    )
    anonim = forms.BooleanField(
        label=_("Anonim: sembunyikan nama saya dari publik"),
        required=False,
        help_text=_("Laporan tetap bisa tampil di tanya jawab publik, tetapi tanpa nama Anda."),
    )
    rahasia = forms.BooleanField(
        label=_("Rahasia: jangan tampilkan laporan ini kepada publik sama sekali"),
        required=False,
        help_text=_("Hanya petugas yang menangani yang dapat membacanya."),
    )
    rujukan = forms.CharField(required=False, widget=forms.HiddenInput, max_length=400)
    kunci = forms.CharField(widget=forms.HiddenInput)
    altcha = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)
    # Honeypot: hidden from people by CSS and aria-hidden; bots fill it.
    situs_web = forms.CharField(
        label=_("Jangan diisi"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, regency, services=(), **kwargs):

        super().__init__(*args, **kwargs)
        self.regency = regency
        self.fields["opd"].queryset = Agency.objects.filter(regency=regency).order_by("name")
        self.fields["kecamatan"].queryset = District.objects.filter(regency=regency)
        self.fields["desa"].queryset = Village.objects.filter(
            district__regency=regency
        ).select_related("district")
        self.services = {page.pk: page for page in services}
        self.fields["layanan"].choices = [("", _("— tidak terkait layanan tertentu —"))] + [
            (page.pk, page.title) for page in services
        ]

    def clean_nama(self):
        name = " ".join(self.cleaned_data["nama"].split())
        if not NAME.match(name):
            raise ValidationError(
                _("Nama hanya boleh berisi huruf, spasi, titik, tanda hubung dan apostrof.")
            )
        return name

    def clean_telepon(self):
        phone = self.cleaned_data["telepon"].strip()
        if phone and not PHONE.match(phone):
            raise ValidationError(_("Nomor telepon tidak sah, contoh: 081234567890."))
        return phone

    def clean_rujukan(self):
        return clean_reference_path(self.cleaned_data.get("rujukan", ""))

    def clean_layanan(self):
        value = self.cleaned_data.get("layanan")
        return self.services.get(value) if value else None

    def clean(self):
        data = super().clean()
        village, district = data.get("desa"), data.get("kecamatan")
        if village is not None:
            if district is not None and village.district_id != district.pk:
                self.add_error("desa", _("Desa/kelurahan ini tidak berada di kecamatan itu."))
            data["kecamatan"] = village.district
        return data


def initial_from_get(query, *, regency, services) -> dict:
    """Contract C1 (docs/contracts.md#c1-complaint-form-prefill): pre-fill from ``subjek``,
    ``kategori``, ``opd``, ``layanan``, ``rujukan``; invalid values are ignored."""

    initial: dict = {}
    subject = (query.get("subjek") or "").strip()
    if subject and "\x00" not in subject:
        initial["judul"] = subject[:200]
    slug = query.get("kategori", "")
    if slug and Category.objects.filter(slug=slug[:50]).exists():
        initial["kategori"] = slug[:50]
    agency_slug = query.get("opd", "")
    if agency_slug and Agency.objects.filter(regency=regency, slug=agency_slug[:100]).exists():
        initial["opd"] = agency_slug[:100]
    service = query.get("layanan", "")
    if service.isdigit() and int(service) in {page.pk for page in services}:
        initial["layanan"] = int(service)
    reference = clean_reference_path(query.get("rujukan", ""))
    if reference:
        initial["rujukan"] = reference
    return initial


class TrackForm(forms.Form):
    kode = forms.CharField(label=_("Kode akses dari tanda terima"), max_length=100)


class ReplyForm(forms.Form):
    balasan = forms.CharField(
        label=_("Balasan Anda"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class RatingForm(forms.Form):
    nilai = forms.TypedChoiceField(
        label=_("Seberapa puas Anda dengan jawaban ini?"),
        choices=[
            (5, _("5 — sangat puas")),
            (4, _("4 — puas")),
            (3, _("3 — cukup")),
            (2, _("2 — kurang puas")),
            (1, _("1 — tidak puas")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    komentar = forms.CharField(
        label=_("Komentar (tidak wajib)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
