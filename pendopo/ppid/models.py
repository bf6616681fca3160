"""PPID data: offices, the public information list (DIP), requests, objections, disputes,
yearly reports. Writes live in ``services/``; statuses and transitions in ``states.py``; legal
numbers in ``rules.py``."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendopo.core.crypto import EncryptedTextField
from pendopo.core.workflow import allowed_actions, is_allowed
from pendopo.ppid import rules
from pendopo.ppid.states import (
    DECISION_ACTIONS,
    DISPUTE_TRANSITIONS,
    OBJECTION_TRANSITIONS,
    OPEN_OBJECTION_STATUSES,
    OPEN_REQUEST_STATUSES,
    REQUEST_TRANSITIONS,
    Category,
    Channel,
    DisputeAction,
    DisputeOutcome,
    DisputeStatus,
    ExemptionGround,
    ObjectionAction,
    ObjectionGround,
    ObjectionStatus,
    ObtainMethod,
    ReceiveMethod,
    RequestAction,
    RequesterKind,
    RequestStatus,
)


def validate_link(value: str) -> None:
    """An http(s) URL or a local path starting with a single "/"."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class OfficeRole(models.TextChoices):
    UTAMA = "utama", _("PPID Utama")
    PELAKSANA = "pelaksana", _("PPID Pelaksana")
    ATASAN = "atasan", _("Atasan PPID")


class PpidOffice(models.Model):
    """A PPID desk and its staff group (Permendagri 3/2017): the Utama at Diskominfo, a
    Pelaksana in every agency, and the atasan PPID (default the Sekda) who decides objections."""

    regency = models.ForeignKey(
        "regions.Regency", verbose_name=_("kabupaten/kota"), on_delete=models.CASCADE
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("perangkat daerah"),
        on_delete=models.CASCADE,
        related_name="ppid_offices",
    )
    role = models.CharField(_("peran"), max_length=12, choices=OfficeRole.choices)
    group = models.OneToOneField(
        "auth.Group", verbose_name=_("grup petugas"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("kantor PPID")
        verbose_name_plural = _("kantor PPID")
        constraints = [
            models.UniqueConstraint(fields=["agency", "role"], name="ppid_office_one_role"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.agency}"


class Format(models.TextChoices):
    SOFT = "softcopy", _("Softcopy")
    HARD = "hardcopy", _("Hardcopy")
    BOTH = "softcopy_hardcopy", _("Softcopy dan hardcopy")


class InformationItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_regency(self, regency):
        return self.filter(regency=regency)


class InformationItem(models.Model):
    """One line of the Daftar Informasi Publik (Perki 1/2021; docs/rules.md#ppid-dip: seven
    columns).

    ``agency`` empty means the regency's own list (PPID Utama). An item may point to a
    published Wagtail page (news, legal documents), a Wagtail document, or an external URL.
    """

    regency = models.ForeignKey(
        "regions.Regency", verbose_name=_("kabupaten/kota"), on_delete=models.CASCADE
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="information_items",
        help_text=_("Kosongkan untuk informasi tingkat kabupaten (PPID Utama)."),
    )
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    title = models.CharField(_("judul informasi"), max_length=255)
    summary = models.TextField(_("ringkasan isi informasi"))
    holding_unit = models.CharField(_("pejabat/unit yang menguasai informasi"), max_length=255)
    responsible_person = models.CharField(
        _("penanggung jawab pembuatan/penerbitan"), max_length=255
    )
    production = models.CharField(_("waktu dan tempat pembuatan"), max_length=255)
    formats = models.CharField(
        _("bentuk informasi yang tersedia"), max_length=20, choices=Format.choices
    )
    retention = models.CharField(
        _("jangka waktu penyimpanan"), max_length=120, help_text=_("Sesuai jadwal retensi arsip.")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("dokumen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_url = models.CharField(
        _("tautan"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_("Alamat https://… atau alamat di situs ini yang diawali “/”."),
    )
    exemption_ground = models.CharField(
        _("dasar pengecualian (Pasal 17)"),
        max_length=1,
        choices=ExemptionGround.choices,
        blank=True,
    )
    consequence_test = models.TextField(_("uji konsekuensi"), blank=True)
    exempt_until = models.DateField(
        _("dikecualikan sampai"), null=True, blank=True, help_text=_("UU 14/2008 Pasal 20.")
    )
    last_updated_on = models.DateField(_("terakhir diperbarui"))
    is_published = models.BooleanField(_("terbit"), default=True)
    published_at = models.DateTimeField(_("waktu terbit"), default=timezone.now)
    show_alert = models.BooleanField(
        _("tampilkan sebagai peringatan di seluruh situs"),
        default=False,
        help_text=_("Hanya untuk informasi serta-merta."),
    )
    alert_until = models.DateTimeField(_("peringatan sampai"), null=True, blank=True)
    stale_flagged_at = models.DateTimeField(_("ditandai usang"), null=True, blank=True)
    is_demo = models.BooleanField(_("konten demonstrasi"), default=False)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("dibuat"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("diperbarui"))

    objects = InformationItemQuerySet.as_manager()

    class Meta:
        ordering = ["category", "agency__name", "title", "pk"]
        verbose_name = _("informasi publik")
        verbose_name_plural = _("daftar informasi publik")
        constraints = [
            models.CheckConstraint(
                condition=~Q(category=Category.DIKECUALIKAN) | ~Q(exemption_ground=""),
                name="ppid_item_exempt_has_ground",
            ),
            models.CheckConstraint(
                condition=Q(show_alert=False) | Q(category=Category.SERTA_MERTA),
                name="ppid_item_alert_only_serta_merta",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.category == Category.DIKECUALIKAN:
            if not self.exemption_ground:
                errors["exemption_ground"] = _(
                    "Informasi dikecualikan wajib memuat dasar Pasal 17."
                )
            if not self.consequence_test.strip():
                errors["consequence_test"] = _(
                    "Informasi dikecualikan wajib memuat uji konsekuensi."
                )
        if self.show_alert and self.category != Category.SERTA_MERTA:
            errors["show_alert"] = _("Hanya informasi serta-merta yang dapat menjadi peringatan.")
        if errors:
            raise ValidationError(errors)

    @property
    def link(self) -> str:
        """Where the item's content is: the page, the document or the external URL ("" none)."""
        if self.page_id and self.page.live:
            return self.page.url or ""
        if self.document_id:
            return self.document.url
        return self.external_url

    @property
    def holder_name(self) -> str:
        return self.agency.name if self.agency_id else str(_("PPID Utama"))

    @property
    def is_berkala(self) -> bool:
        """Periodic information, to be refreshed every ``rules.BERKALA_REFRESH`` (Pasal 9)."""
        return self.category == Category.BERKALA

    @property
    def is_exempt(self) -> bool:
        """Exempt information (Pasal 17): shown with its ground and consequence test."""
        return self.category == Category.DIKECUALIKAN


class InformationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_REQUEST_STATUSES)

    def overdue(self, today: datetime.date):
        """Open requests whose due date has passed (computed, never stored)."""
        return self.open().filter(due_on__lt=today)


class InformationRequest(models.Model):
    """A permohonan informasi (UU 14/2008 Pasal 22; PP 61/2010). Personal fields are
    encrypted at rest and never shown publicly; the public log shows number, topic, agency,
    status and "hari ke-N dari M" only."""

    regency = models.ForeignKey(
        "regions.Regency", verbose_name=_("kabupaten/kota"), on_delete=models.PROTECT
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("ditujukan kepada"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="information_requests",
    )
    number = models.CharField(_("nomor pendaftaran"), max_length=30, unique=True)
    access_code_hash = models.CharField(max_length=64, verbose_name=_("hash kode akses"))
    submission_key = models.UUIDField(
        unique=True, null=True, blank=True, verbose_name=_("kunci pengiriman")
    )
    channel = models.CharField(
        _("saluran"), max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )
    requester_kind = models.CharField(
        _("jenis pemohon"), max_length=12, choices=RequesterKind.choices
    )
    requester_name = EncryptedTextField(_("nama pemohon"))
    identity_number = EncryptedTextField(_("NIK atau nomor SK badan hukum"))
    is_proxy = models.BooleanField(_("diajukan oleh kuasa"), default=False)
    occupation = models.CharField(_("pekerjaan"), max_length=100, blank=True)
    address = EncryptedTextField(_("alamat"))
    phone = EncryptedTextField(_("telepon"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    topic = models.CharField(_("pokok permohonan"), max_length=150)
    details = models.TextField(_("rincian informasi yang dibutuhkan"))
    purpose = models.TextField(_("tujuan penggunaan informasi"))
    obtain_method = models.CharField(
        _("cara memperoleh informasi"), max_length=20, choices=ObtainMethod.choices
    )
    receive_method = models.CharField(
        _("cara mendapatkan salinan"), max_length=12, choices=ReceiveMethod.choices
    )
    status = models.CharField(
        _("status"), max_length=25, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    received_at = models.DateTimeField(_("diterima"))
    time_zone = models.CharField(_("zona waktu"), max_length=40)
    due_on = models.DateField(_("batas jawaban"))
    extension_days = models.PositiveSmallIntegerField(_("perpanjangan (hari kerja)"), default=0)
    extension_reason = models.TextField(_("alasan perpanjangan"), blank=True)
    extended_at = models.DateTimeField(null=True, blank=True, verbose_name=_("waktu perpanjangan"))
    decision = models.CharField(
        _("keputusan"), max_length=25, choices=RequestStatus.choices, blank=True
    )
    decided_at = models.DateTimeField(_("diputus"), null=True, blank=True)
    decision_note = models.TextField(_("isi pemberitahuan tertulis"), blank=True)
    exemption_ground = models.CharField(
        _("dasar pengecualian (Pasal 17)"),
        max_length=1,
        choices=ExemptionGround.choices,
        blank=True,
    )
    consequence_test = models.TextField(_("uji konsekuensi"), blank=True)
    redacted_parts = models.TextField(_("bagian yang dihitamkan"), blank=True)
    holding_body = models.CharField(_("badan publik yang menguasai"), max_length=255, blank=True)
    delivered_at = models.DateTimeField(_("disampaikan"), null=True, blank=True)
    delivery_note = models.CharField(_("cara penyampaian"), max_length=255, blank=True)
    is_demo = models.BooleanField(_("demonstrasi"), default=False)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("dibuat"))

    objects = InformationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        constraints = [
            models.CheckConstraint(
                condition=Q(extension_days__lte=rules.EXTENSION.amount),
                name="ppid_request_extension_max_7",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def total_working_days(self) -> int:
        """``rules.ANSWER`` (10) hari kerja plus the one extension (UU 14/2008 Pasal 22(7)–(8))."""
        return rules.ANSWER.amount + self.extension_days

    @property
    def is_open(self) -> bool:
        """Not answered yet: received, processing or extended."""
        return self.status in OPEN_REQUEST_STATUSES

    @property
    def allowed_actions(self) -> list[str]:
        """``RequestAction`` values ``REQUEST_TRANSITIONS`` allows from the current status."""
        return allowed_actions(REQUEST_TRANSITIONS, self.status)

    @property
    def can_process(self) -> bool:
        return is_allowed(REQUEST_TRANSITIONS, self.status, RequestAction.PROCESS)

    @property
    def can_extend(self) -> bool:
        """The table allows an extension and none was given yet (``rules.EXTENSIONS_ALLOWED``:
        once, Pasal 22(8))."""
        return is_allowed(REQUEST_TRANSITIONS, self.status, RequestAction.EXTEND) and (
            not self.extension_days
        )

    @property
    def can_decide(self) -> bool:
        return any(
            is_allowed(REQUEST_TRANSITIONS, self.status, action)
            for action in DECISION_ACTIONS.values()
        )

    @property
    def can_deliver(self) -> bool:
        return is_allowed(REQUEST_TRANSITIONS, self.status, RequestAction.DELIVER)

    def set_due_on(self, due: datetime.date) -> None:
        self.due_on = due
        self.save(update_fields=["due_on"])


class IdentityDocument(models.Model):
    """A scan (KTP, legal-entity decree, power of attorney) stored encrypted in the database.

    Never public: only the request's PPID staff can download it (``views.identity_document``).
    """

    class Kind(models.TextChoices):
        IDENTITY = "identitas", _("KTP / identitas")
        DECREE = "sk_badan_hukum", _("SK pengesahan badan hukum")
        POWER_OF_ATTORNEY = "surat_kuasa", _("Surat kuasa khusus")

    request = models.ForeignKey(
        InformationRequest,
        on_delete=models.CASCADE,
        related_name="identity_documents",
        verbose_name=_("permohonan"),
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("jenis"))
    filename = models.CharField(max_length=120, verbose_name=_("nama berkas"))
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField(verbose_name=_("ukuran (bita)"))
    encrypted = models.BinaryField(verbose_name=_("isi terenkripsi"))

    class Meta:
        verbose_name = _("dokumen identitas")
        verbose_name_plural = _("dokumen identitas")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.request}"


class ObjectionQuerySet(models.QuerySet):
    def awaiting_answer(self):
        """Objections the atasan PPID has not answered yet (Pasal 36(2))."""
        return self.filter(status__in=OPEN_OBJECTION_STATUSES)


class Objection(models.Model):
    """A keberatan to the atasan PPID (UU 14/2008 Pasal 35–36)."""

    request = models.ForeignKey(
        InformationRequest,
        on_delete=models.PROTECT,
        related_name="objections",
        verbose_name=_("permohonan"),
    )
    number = models.CharField(_("nomor keberatan"), max_length=30, unique=True)
    ground = models.CharField(_("alasan (Pasal 35)"), max_length=1, choices=ObjectionGround.choices)
    statement = models.TextField(_("uraian keberatan"))
    filed_at = models.DateTimeField(_("diajukan"))
    due_on = models.DateField(_("batas tanggapan atasan"))
    status = models.CharField(
        max_length=12,
        choices=ObjectionStatus.choices,
        default=ObjectionStatus.RECEIVED,
        verbose_name=_("status"),
    )
    answered_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    answer_reasons = models.TextField(_("alasan tanggapan"), blank=True)
    atasan_name = models.CharField(_("nama atasan PPID"), max_length=150, blank=True)
    atasan_position = models.CharField(_("jabatan atasan PPID"), max_length=150, blank=True)
    is_demo = models.BooleanField(default=False, verbose_name=_("data demonstrasi"))

    objects = ObjectionQuerySet.as_manager()

    class Meta:
        ordering = ["-filed_at"]
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status=ObjectionStatus.RECEIVED),
                name="ppid_one_open_objection_per_request",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def allowed_actions(self) -> list[str]:
        """``ObjectionAction`` values ``OBJECTION_TRANSITIONS`` allows from the status."""
        return allowed_actions(OBJECTION_TRANSITIONS, self.status)

    @property
    def is_awaiting_answer(self) -> bool:
        """The atasan PPID may still answer (overrule or uphold)."""
        return is_allowed(OBJECTION_TRANSITIONS, self.status, ObjectionAction.OVERRULE)

    def dispute_may_be_recorded(self, today: datetime.date) -> bool:
        """A sengketa may follow once the atasan answered or the answer period lapsed
        (Pasal 37(2))."""
        return not self.is_awaiting_answer or today > self.due_on

    def set_due_on(self, due: datetime.date) -> None:
        self.due_on = due
        self.save(update_fields=["due_on"])


class Dispute(models.Model):
    """A sengketa informasi before the Komisi Informasi (UU 14/2008 Pasal 37–38): recorded
    by the PPID with the KI's registration number and, later, its outcome."""

    objection = models.OneToOneField(
        Objection, on_delete=models.PROTECT, related_name="dispute", verbose_name=_("keberatan")
    )
    registered_on = models.DateField(_("tanggal registrasi di KI"))
    ki_number = models.CharField(_("nomor register KI"), max_length=100)
    status = models.CharField(
        max_length=10,
        choices=DisputeStatus.choices,
        default=DisputeStatus.REGISTERED,
        verbose_name=_("status"),
    )
    outcome = models.CharField(
        _("putusan"), max_length=20, choices=DisputeOutcome.choices, blank=True
    )
    outcome_note = models.TextField(_("ringkasan putusan"), blank=True)
    decided_on = models.DateField(_("tanggal putusan"), null=True, blank=True)
    is_demo = models.BooleanField(default=False, verbose_name=_("data demonstrasi"))

    class Meta:
        verbose_name = _("sengketa informasi")
        verbose_name_plural = _("sengketa informasi")

    def __str__(self) -> str:
        return self.ki_number

    @property
    def can_record_outcome(self) -> bool:
        """The Komisi Informasi's outcome is not recorded yet."""
        return is_allowed(DISPUTE_TRANSITIONS, self.status, DisputeAction.DECIDE)


class AnnualReport(models.Model):
    """The yearly laporan layanan informasi publik (Perki 1/2021 Pasal 56): six sections of
    text written by the PPID Utama; the figures are computed (``selectors.annual_figures``)."""

    regency = models.ForeignKey(
        "regions.Regency", verbose_name=_("kabupaten/kota"), on_delete=models.CASCADE
    )
    year = models.PositiveSmallIntegerField(_("tahun anggaran"))
    general_policy = models.TextField(_("1. Kebijakan umum layanan informasi"), blank=True)
    implementation = models.TextField(
        _("2. Pelaksanaan umum: sarana, petugas, anggaran"), blank=True
    )
    service_details = models.TextField(_("3. Rincian layanan informasi"), blank=True)
    dispute_details = models.TextField(_("4. Rincian penyelesaian sengketa"), blank=True)
    constraints_text = models.TextField(_("5. Kendala internal dan eksternal"), blank=True)
    recommendations = models.TextField(_("6. Rekomendasi dan rencana tindak lanjut"), blank=True)
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    item = models.OneToOneField(
        InformationItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("butir daftar informasi"),
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("laporan tahunan PPID")
        verbose_name_plural = _("laporan tahunan PPID")
        constraints = [
            models.UniqueConstraint(fields=["regency", "year"], name="ppid_one_report_per_year"),
        ]

    def __str__(self) -> str:
        return f"Laporan Layanan Informasi Publik {self.year}"

    @property
    def due_on(self) -> datetime.date:
        """The last day ``rules.ANNUAL_REPORT`` (3) months after the budget year ends: 31 March
        of the following year (Perki 1/2021 Pasal 56)."""
        first_day_after = datetime.date(self.year + 1, rules.ANNUAL_REPORT.amount + 1, 1)
        return first_day_after - datetime.timedelta(days=1)

    SECTIONS = (
        "general_policy",
        "implementation",
        "service_details",
        "dispute_details",
        "constraints_text",
        "recommendations",
    )
