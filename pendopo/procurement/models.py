"""Procurement packages imported from SPSE/LPSE and SiRUP (Perpres 16/2018 jo. 12/2021, 46/2025).

Pendopo does not run tenders: it mirrors what SPSE publishes, per regency, so that citizens can
read it, download it as OCDS 1.1.5 and see integrity red flags. Amounts are rupiah,
``Decimal(18, 2)``; moments are stored in UTC and shown in the site's zone.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

AMOUNT = {"max_digits": 18, "decimal_places": 2}


class PackageKind(models.TextChoices):
    """Which SPSE module a package comes from."""

    TENDER = "tender", _("Tender/Seleksi")
    NON_TENDER = "nontender", _("Non-tender")


class PackageStatus(models.TextChoices):
    """SPSE package status, normalised (``Berlangsung``, ``Selesai``, ``Gagal/Batal``)."""

    ONGOING = "berlangsung", _("Sedang berlangsung")
    COMPLETE = "selesai", _("Selesai")
    CANCELLED = "gagal", _("Gagal/Batal")


class WorkUnit(models.Model):
    """A satuan kerja (satker) as SiRUP/SPSE name it, mapped to a perangkat daerah.

    ``code`` is the Permendagri 90 unit code (``kd_satker_str``, e.g.
    ``1.02.0.00.0.00.02.0000``); sub-units (puskesmas, UPTD, kelurahan) map to the agency
    of their parent unit (same code ending in ``.0000``).
    """

    regency = models.ForeignKey(
        "regions.Regency",
        on_delete=models.PROTECT,
        related_name="work_units",
        verbose_name=_("kabupaten/kota"),
    )
    code = models.CharField(_("kode satker"), max_length=40)
    sirup_id = models.CharField(_("ID satker SiRUP"), max_length=20, blank=True)
    name = models.CharField(_("nama satker"), max_length=200)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="work_units",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("satuan kerja")
        verbose_name_plural = _("satuan kerja")
        constraints = [
            models.UniqueConstraint(fields=["regency", "code"], name="workunit_unique_code")
        ]

    def __str__(self) -> str:
        return self.name


class Plan(models.Model):
    """A SiRUP general procurement plan item (Rencana Umum Pengadaan)."""

    regency = models.ForeignKey(
        "regions.Regency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kabupaten/kota"),
    )
    rup_code = models.CharField(_("kode RUP"), max_length=20)
    name = models.CharField(_("nama paket"), max_length=500)
    work_unit = models.ForeignKey(
        WorkUnit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans",
        verbose_name=_("satuan kerja"),
    )
    budget_year = models.PositiveSmallIntegerField(_("tahun anggaran"))
    pagu = models.DecimalField(_("total pagu"), **AMOUNT)
    method = models.CharField(_("metode pemilihan"), max_length=60, blank=True)
    funding_source = models.CharField(_("sumber dana"), max_length=40, blank=True)

    class Meta:
        ordering = ["rup_code"]
        verbose_name = _("rencana pengadaan (RUP)")
        verbose_name_plural = _("rencana pengadaan (RUP)")
        constraints = [
            models.UniqueConstraint(fields=["regency", "rup_code"], name="plan_unique_rup")
        ]

    def __str__(self) -> str:
        return f"{self.rup_code} {self.name}"


class Package(models.Model):
    """One tender/seleksi or non-tender package as SPSE publishes it, with its result."""

    regency = models.ForeignKey(
        "regions.Regency",
        on_delete=models.PROTECT,
        related_name="procurement_packages",
        verbose_name=_("kabupaten/kota"),
    )
    kind = models.CharField(_("modul"), max_length=10, choices=PackageKind.choices)
    code = models.CharField(_("kode paket"), max_length=20)
    rup_code = models.CharField(_("kode RUP"), max_length=20, blank=True)
    name = models.CharField(_("nama paket"), max_length=500)
    work_unit = models.ForeignKey(
        WorkUnit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="packages",
        verbose_name=_("satuan kerja"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="procurement_packages",
        verbose_name=_("perangkat daerah"),
    )
    budget_year = models.PositiveSmallIntegerField(_("tahun anggaran"))
    pagu = models.DecimalField(_("pagu"), **AMOUNT)
    hps = models.DecimalField(_("HPS"), null=True, blank=True, **AMOUNT)
    funding_source = models.CharField(_("sumber dana"), max_length=40, blank=True)
    qualification = models.CharField(_("kualifikasi usaha"), max_length=40, blank=True)
    procurement_type = models.CharField(_("jenis pengadaan"), max_length=80)
    method = models.CharField(_("metode pemilihan"), max_length=60)
    evaluation_method = models.CharField(_("metode evaluasi"), max_length=80, blank=True)
    contract_type = models.CharField(_("jenis kontrak"), max_length=60, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=PackageStatus.choices)
    status_text = models.CharField(_("status di SPSE"), max_length=40, blank=True)
    version = models.PositiveSmallIntegerField(_("versi"), default=1)
    closed_note = models.TextField(_("keterangan ditutup/diulang"), blank=True)
    created_at = models.DateTimeField(_("dibuat di SPSE"), null=True, blank=True)
    announced_at = models.DateTimeField(_("diumumkan"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    location = models.CharField(_("lokasi pekerjaan"), max_length=500, blank=True)
    lpse_url = models.URLField(_("alamat LPSE"), blank=True)
    bidders = models.PositiveIntegerField(_("jumlah peserta"), null=True, blank=True)
    supplier_code = models.CharField(_("kode penyedia"), max_length=20, blank=True)
    supplier_name = models.CharField(_("penyedia"), max_length=255, blank=True)
    bid_value = models.DecimalField(_("nilai penawaran"), null=True, blank=True, **AMOUNT)
    corrected_value = models.DecimalField(_("nilai terkoreksi"), null=True, blank=True, **AMOUNT)
    negotiated_value = models.DecimalField(_("nilai negosiasi"), null=True, blank=True, **AMOUNT)
    contract_value = models.DecimalField(_("nilai kontrak"), null=True, blank=True, **AMOUNT)
    awarded_on = models.DateField(_("tanggal penetapan pemenang"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("diperbarui"))

    class Meta:
        ordering = ["-announced_at", "code"]
        verbose_name = _("paket pengadaan")
        verbose_name_plural = _("paket pengadaan")
        constraints = [
            models.UniqueConstraint(fields=["regency", "kind", "code"], name="package_unique_code")
        ]
        indexes = [
            models.Index(fields=["regency", "budget_year"], name="package_regency_year"),
            models.Index(fields=["regency", "status"], name="package_regency_status"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return f"/pengadaan/{self.slug}/"

    @property
    def slug(self) -> str:
        """The URL key: ``t-<kode>`` for a tender, ``nt-<kode>`` for a non-tender."""
        return ("t-" if self.kind == PackageKind.TENDER else "nt-") + self.code

    @property
    def is_tender(self) -> bool:
        """A tender/seleksi (with a sanggah period), not a non-tender package."""
        return self.kind == PackageKind.TENDER

    @property
    def winning_value(self):
        """The price the winner got the package for: contract, else negotiated, else corrected."""
        for value in (self.contract_value, self.negotiated_value, self.corrected_value):
            if value is not None:
                return value
        return None

    @property
    def lpse_package_url(self) -> str:
        """The package's public page on the LPSE (SPSE 4 paths), or "" without an LPSE URL."""
        if not self.lpse_url:
            return ""
        base = self.lpse_url.rstrip("/")
        if self.kind == PackageKind.TENDER:
            return f"{base}/lelang/{self.code}/pengumumanlelang"
        return f"{base}/nontender/{self.code}/pengumumanpl"


class Stage(models.Model):
    """One line of an SPSE schedule (jadwal): stage name and its start and end (UTC)."""

    package = models.ForeignKey(
        Package, on_delete=models.CASCADE, related_name="stages", verbose_name=_("paket")
    )
    position = models.PositiveSmallIntegerField(_("urutan"))
    name = models.CharField(_("tahap"), max_length=120)
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("sampai"))

    class Meta:
        ordering = ["package", "position"]
        verbose_name = _("tahap")
        verbose_name_plural = _("jadwal tahap")
        constraints = [
            models.UniqueConstraint(fields=["package", "position"], name="stage_unique_position")
        ]

    def __str__(self) -> str:
        return self.name


class RedFlag(models.Model):
    """A risk indicator that fired for a package; recomputed from the data after each import.

    A flag is a prompt to look closer, never proof of wrongdoing (see ``flags.INDICATORS``).
    """

    package = models.ForeignKey(
        Package, on_delete=models.CASCADE, related_name="red_flags", verbose_name=_("paket")
    )
    code = models.CharField(_("indikator"), max_length=40)
    detail = models.CharField(_("rincian"), max_length=300)

    class Meta:
        ordering = ["package", "code"]
        verbose_name = _("tanda risiko")
        verbose_name_plural = _("tanda risiko")
        constraints = [
            models.UniqueConstraint(fields=["package", "code"], name="redflag_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}"


class ImportRun(models.Model):
    """One import of one file; the event log points at it."""

    regency = models.ForeignKey(
        "regions.Regency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kabupaten/kota"),
    )
    source = models.CharField(_("jenis data"), max_length=20)
    file_name = models.CharField(_("berkas"), max_length=255)
    counts = models.JSONField(_("jumlah"), default=dict)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("dibuat"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("impor data pengadaan")
        verbose_name_plural = _("impor data pengadaan")

    def __str__(self) -> str:
        return f"{self.source} {self.file_name}"
