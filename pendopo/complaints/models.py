"""Questions, aspirations and complaints from citizens, tracked to an answer (SP4N-LAPOR!)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _

from pendopo.complaints.fields import EncryptedTextField
from pendopo.complaints.states import CLOCKED_STATUSES, Action, CaseStatus, is_allowed
from pendopo.core.crypto import mask_email, mask_phone


class CaseKind(models.TextChoices):
    """LAPOR! report classes (docs/rules.md#complaints-report-classes)."""

    QUESTION = "question", _("Pertanyaan / permintaan informasi")
    ASPIRATION = "aspiration", _("Aspirasi / saran")
    COMPLAINT = "complaint", _("Pengaduan")


class Category(models.Model):
    """A subject area citizens pick; ``agency_slug`` suggests the agency that usually answers."""

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("nama"), max_length=100)
    agency_slug = models.SlugField(
        _("slug perangkat daerah yang disarankan"),
        max_length=100,
        blank=True,
        help_text=_("Kosong: disarankan kantor kecamatan lokasi laporan."),
    )
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("kategori pengaduan")
        verbose_name_plural = _("kategori pengaduan")

    def __str__(self) -> str:
        return self.name

    def natural_key(self):
        return (self.slug,)


class CaseQuerySet(models.QuerySet):
    def public(self):
        """Answered cases the public may read: not confidential, not spam."""
        from pendopo.complaints.states import ANSWERED_STATUSES

        return self.filter(status__in=ANSWERED_STATUSES, is_confidential=False)

    def overdue(self, today: datetime.date):
        """Cases whose running legal clock passed its due date (``today`` in the site zone)."""
        return self.filter(status__in=CLOCKED_STATUSES, due_on__lt=today)

    def for_agency(self, agency):
        return self.filter(agency=agency)


def private_storage() -> FileSystemStorage:
    """Attachments live outside MEDIA_ROOT and are served to staff only."""
    return FileSystemStorage(location=settings.PENDOPO_COMPLAINTS_PRIVATE_ROOT, base_url=None)


class Case(models.Model):
    """One question, aspiration or complaint from a citizen.

    ``due_on`` is the due date of the current step's clock (``step_days`` hari kerja from
    ``step_started_at`` under ``step_rule``, amounts from ``complaints/rules.py``); empty
    when no clock runs. Contact details and the identity number are encrypted at rest;
    ``reporter_name`` is shown only when the case is not anonymous.
    """

    regency = models.ForeignKey(
        "regions.Regency", verbose_name=_("kabupaten/kota"), on_delete=models.PROTECT
    )
    tracking_number = models.CharField(_("nomor lacak"), max_length=32, unique=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=CaseKind.choices)
    category = models.ForeignKey(
        Category, verbose_name=_("kategori"), on_delete=models.PROTECT, related_name="cases"
    )
    subject = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"))
    requested_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("perangkat daerah yang dituju pelapor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("perangkat daerah penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaint_cases",
    )
    service = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("layanan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    district = models.ForeignKey(
        "regions.District",
        verbose_name=_("kecamatan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    village = models.ForeignKey(
        "regions.Village",
        verbose_name=_("desa/kelurahan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reference_path = models.CharField(_("halaman rujukan"), max_length=200, blank=True)

    reporter_name = models.CharField(_("nama pelapor"), max_length=120, blank=True)
    reporter_phone = EncryptedTextField(_("telepon pelapor"), blank=True)
    reporter_email = EncryptedTextField(_("e-mail pelapor"), blank=True)
    reporter_id_number = EncryptedTextField(_("nomor identitas pelapor"), blank=True)
    is_anonymous = models.BooleanField(_("anonim"), default=False)
    is_confidential = models.BooleanField(_("rahasia"), default=False)
    is_demo = models.BooleanField(_("data demonstrasi"), default=False)
    personal_data_purged_at = models.DateTimeField(_("data pribadi dihapus"), null=True, blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.RECEIVED
    )
    received_at = models.DateTimeField(_("diterima"))
    time_zone = models.CharField(_("zona waktu"), max_length=40, default="Asia/Jakarta")
    step_started_at = models.DateTimeField(_("awal tahap"), null=True, blank=True)
    step_days = models.PositiveSmallIntegerField(_("lama tahap (hari kerja)"), null=True)
    step_rule = models.CharField(_("dasar tenggat"), max_length=120, blank=True)
    due_on = models.DateField(_("batas tahap"), null=True, blank=True)
    follow_up_due_on = models.DateField(_("batas tindak lanjut pertama"), null=True, blank=True)
    first_answered_at = models.DateTimeField(_("tindak lanjut pertama"), null=True, blank=True)
    closed_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    lapor_tracking_id = models.CharField(_("Tracking ID SP4N-LAPOR!"), max_length=40, blank=True)
    referral = models.TextField(_("rujukan ke instansi berwenang"), blank=True)

    rating = models.PositiveSmallIntegerField(_("penilaian (1–5)"), null=True, blank=True)
    rating_comment = models.TextField(_("komentar penilaian"), blank=True)

    submission_key = models.CharField(
        max_length=64, unique=True, editable=False, verbose_name=_("kunci pengiriman")
    )
    token_hash = models.CharField(
        max_length=64, unique=True, editable=False, verbose_name=_("hash token")
    )
    spam_score = models.PositiveSmallIntegerField(_("skor spam"), default=0)
    proof_of_work = models.BooleanField(_("lolos ALTCHA"), default=False)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("laporan warga")
        verbose_name_plural = _("laporan warga")
        # Checked by ``permissions.py``; granted to groups in the admin (never keyed on a name).
        permissions = [
            ("coordinate_cases", _("Mengoordinasikan semua laporan warga (verifikasi, rujuk)")),
        ]
        indexes = [models.Index(fields=["status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="complaints_case_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.subject}"

    @property
    def public_name(self) -> str:
        """What the public may see of the reporter."""
        if self.is_anonymous or not self.reporter_name:
            return str(_("Anonim"))
        return self.reporter_name

    @property
    def is_spam(self) -> bool:
        """Filed or marked as spam: never e-mailed, never public."""
        return self.status == CaseStatus.SPAM

    @property
    def can_be_reopened(self) -> bool:
        """A reporter's reply would reopen the case (the table allows ``reopen`` from here)."""
        return is_allowed(self.status, Action.REOPEN)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.reporter_phone) if self.reporter_phone else ""

    @property
    def masked_email(self) -> str:
        return mask_email(self.reporter_email) if self.reporter_email else ""


class MessageAuthor(models.TextChoices):
    REPORTER = "reporter", _("Pelapor")
    AGENCY = "agency", _("Perangkat daerah")
    COORDINATOR = "coordinator", _("Koordinator")


class Message(models.Model):
    """A reply on a case: the agency's follow-up (tindak lanjut) or the reporter's answer."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="messages", verbose_name=_("kasus")
    )
    author_kind = models.CharField(_("dari"), max_length=20, choices=MessageAuthor.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("penulis"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("perangkat daerah"),
    )
    body = models.TextField(_("isi"))
    created_at = models.DateTimeField(_("waktu"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("balasan")
        verbose_name_plural = _("balasan")

    def __str__(self) -> str:
        return f"{self.get_author_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_from_agency(self) -> bool:
        """Written by the agency (a follow-up), not by the reporter or the coordinator."""
        return self.author_kind == MessageAuthor.AGENCY


class Attachment(models.Model):
    """An image or PDF a reporter sent (type sniffed from its bytes, never trusted)."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("kasus")
    )
    file = models.FileField(
        storage=private_storage, upload_to="pengaduan/%Y/%m/", verbose_name=_("berkas")
    )
    original_name = models.CharField(max_length=150, verbose_name=_("nama asli"))
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField(verbose_name=_("ukuran (bita)"))

    class Meta:
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")

    def __str__(self) -> str:
        return self.original_name


class Liaison(models.Model):
    """A staff user who answers complaints for one agency (admin penghubung OPD)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="complaint_liaisons",
        verbose_name=_("pengguna"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.CASCADE,
        related_name="complaint_liaisons",
        verbose_name=_("perangkat daerah"),
    )

    class Meta:
        verbose_name = _("penghubung pengaduan")
        verbose_name_plural = _("penghubung pengaduan")
        constraints = [
            models.UniqueConstraint(fields=["user", "agency"], name="complaints_liaison_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.agency}"


class SavedReply(models.Model):
    """A reusable answer text; ``agency`` empty means every agency may use it."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("judul"), max_length=100)
    body = models.TextField(_("isi"))

    class Meta:
        ordering = ["title"]
        verbose_name = _("balasan tersimpan")
        verbose_name_plural = _("balasan tersimpan")

    def __str__(self) -> str:
        return self.title


class DigestSent(models.Model):
    """The daily overdue digest went to ``agency`` on local date ``on`` (keeps it once a day)."""

    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("perangkat daerah"),
    )
    on = models.DateField(verbose_name=_("tanggal"))

    class Meta:
        verbose_name = _("ringkasan harian terkirim")
        verbose_name_plural = _("ringkasan harian terkirim")
        constraints = [
            models.UniqueConstraint(fields=["agency", "on"], name="complaints_digest_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.on}"
