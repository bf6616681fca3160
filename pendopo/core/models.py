"""The kernel's models: the regency's identity (site settings), the working-day calendar's
overrides, the event log and the portal's document model.

The regency's own pages (home, standard, leaders) live in ``pendopo.portal.models``."""

from __future__ import annotations

import os

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument, Document


class TimeZone(models.TextChoices):
    """The three Indonesian time zones a regency can be in."""

    WIB = "Asia/Jakarta", _("WIB (UTC+7)")
    WITA = "Asia/Makassar", _("WITA (UTC+8)")
    WIT = "Asia/Jayapura", _("WIT (UTC+9)")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Identity of the government a Site belongs to (Kominfo 2003 homepage minimum, items a–h)."""

    regency = models.ForeignKey(
        "regions.Regency",
        verbose_name=_("kabupaten/kota"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    government_name = models.CharField(
        _("nama pemerintah daerah"), max_length=150, default="Pemerintah Daerah"
    )
    short_name = models.CharField(_("nama singkat"), max_length=60, blank=True)
    tagline = models.CharField(_("slogan"), max_length=150, blank=True)
    address = models.CharField(_("alamat kantor"), max_length=255, blank=True)
    phone = models.CharField(_("telepon"), max_length=60, blank=True)
    fax = models.CharField(_("faks"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail pengelola situs"), blank=True)
    time_zone = models.CharField(
        _("zona waktu"), max_length=40, choices=TimeZone.choices, default=TimeZone.WIB
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    x_handle = models.CharField(
        _("akun X/Twitter"), max_length=30, blank=True, help_text=_("Tanpa @, mis. banyuwangi_kab")
    )
    demo_notice = models.CharField(
        _("pemberitahuan konten demonstrasi"),
        max_length=255,
        blank=True,
        help_text=_("Jika diisi, tampil di setiap halaman. Kosongkan untuk situs resmi."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("regency"),
                FieldPanel("government_name"),
                FieldPanel("short_name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
            ],
            heading=_("Identitas"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")],
            heading=_("Kontak"),
        ),
        FieldPanel("time_zone"),
        FieldPanel("x_handle"),
        FieldPanel("demo_notice"),
    ]

    class Meta:
        verbose_name = _("pengaturan situs")
        verbose_name_plural = _("pengaturan situs")

    def __str__(self) -> str:
        return self.government_name


class CalendarOverride(models.Model):
    """A day the admins close (a late SKB, a local holiday, a disaster) or open (a moved holiday).

    Overrides win over the ``holidays`` package in ``pendopo.core.calendar``.
    """

    date = models.DateField(_("tanggal"), unique=True)
    is_working_day = models.BooleanField(
        _("hari kerja"),
        default=False,
        help_text=_(
            "Kosongkan untuk menutup hari ini (libur tambahan); centang untuk menjadikannya "
            "hari kerja (mis. libur nasional yang dipindahkan)."
        ),
    )
    name = models.CharField(_("nama"), max_length=150)
    reference = models.CharField(
        _("dasar"),
        max_length=255,
        blank=True,
        help_text=_("Mis. nomor SKB, Keppres atau SK Bupati."),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    panels = [
        FieldPanel("date"),
        FieldPanel("is_working_day"),
        FieldPanel("name"),
        FieldPanel("reference"),
    ]

    class Meta:
        ordering = ["-date"]
        verbose_name = _("pengecualian kalender kerja")
        verbose_name_plural = _("pengecualian kalender kerja")

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.name} ({self.effect.lower()})"

    @property
    def effect(self) -> str:
        """ "Hari kerja" when the override opens the day, "Libur" when it closes it."""
        return str(_("Hari kerja") if self.is_working_day else _("Libur"))


class Event(models.Model):
    """The append-only event log: every state change of a case, written in its transaction.

    ``payload`` is small JSON (from, to, reason …); never personal data.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(max_length=64)
    kind = models.CharField(_("jenis"), max_length=64)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelaku"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("waktu"), default=timezone.now)
    payload = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]
        verbose_name = _("peristiwa")
        verbose_name_plural = _("peristiwa")

    def __str__(self) -> str:
        return f"{self.kind} {self.content_type_id}:{self.object_id} {self.at:%Y-%m-%d %H:%M}"


class PortalDocument(AbstractDocument):
    """The portal's document (WAGTAILDOCS_DOCUMENT_MODEL): Wagtail's document plus the name the
    file had on the uploader's computer.

    Office software names files with up to 255 characters of any script ("Pengumuman hasil
    seleksi تجربة ꦧꦚꦸ (final).pdf"). On disk the file gets a short, safe name
    (``pendopo.core.uploads.shortened_name``: at most 80 characters and 160 UTF-8 bytes, because
    ext4 allows 255 bytes per name and Django may add a 7-character suffix); the full name is
    kept in ``original_filename`` and is what ``filename`` returns, so the download address
    and the ``Content-Disposition`` header (``filename*=UTF-8''…``, RFC 6266) carry it exactly.
    Permissions stay on ``wagtaildocs.Document`` (Wagtail's policy for custom models).
    """

    original_filename = models.CharField(
        _("nama berkas asli"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("Nama berkas saat diunggah; dipakai saat berkas diunduh."),
    )

    # Wagtail's own fields, redeclared only for their Indonesian labels.
    file_size = models.PositiveBigIntegerField(_("ukuran berkas"), null=True, editable=False)
    file_hash = models.CharField(_("sidik berkas"), max_length=40, blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    @property
    def filename(self) -> str:
        """The uploaded name if recorded, else the stored file's name (str, no directory)."""
        return self.original_filename or os.path.basename(self.file.name)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
