"""JDIH: the regency's legal documents (Wagtail pages) and the relations between them.

A :class:`LegalDocumentPage` carries the JDIH metadata of docs/rules.md#jdih-metadata. Its
``status`` is derived from the :class:`LegalDocumentRelation` rows pointing at it and is written
only by ``pendopo.jdih.services`` (never typed by hand, never restored from an old revision).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, Page
from wagtail.search import index

from pendopo.jdih.rules import NUMBER_MAX_LENGTH, YEAR_MAX, YEAR_MIN
from pendopo.jdih.states import LegalStatus, RelationKind, TextStatus


class Publication(models.TextChoices):
    """Where a document type is promulgated (docs/rules.md#jdih-promulgation: Perda → Lembaran,
    Perkada → Berita)."""

    LEMBARAN = "lembaran", _("Lembaran Daerah")
    BERITA = "berita", _("Berita Daerah")
    NONE = "", _("Tidak diundangkan")


class DocumentType(models.Model):
    """A kind of legal document (Perda, Perbup, Kepbup, ...); the legal bureau can add more."""

    name = models.CharField(_("nama jenis"), max_length=100, unique=True)
    abbreviation = models.CharField(_("singkatan"), max_length=30, unique=True)
    publication = models.CharField(
        _("diundangkan dalam"), max_length=10, choices=Publication.choices, blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=100)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("jenis produk hukum")
        verbose_name_plural = _("jenis produk hukum")

    def __str__(self) -> str:
        return self.name


class JdihIndexPage(RoutablePageMixin, Page):
    """The legal-documents library (``/jdih/``): listing, search and the JDIHN feed."""

    intro = models.TextField(_("pengantar"), blank=True)
    teu = models.CharField(
        _("T.E.U. badan bawaan"),
        max_length=200,
        blank=True,
        help_text=_("Tajuk entri utama dokumen baru, mis. 'Indonesia. Kabupaten Banyuwangi'."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("teu")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["jdih.LegalDocumentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("perpustakaan produk hukum (JDIH)")
        verbose_name_plural = _("perpustakaan produk hukum (JDIH)")

    @path("")
    def listing(self, request):
        from pendopo.jdih import views

        return views.listing(request, self)


class LegalDocumentPage(RoutablePageMixin, Page):
    """One legal document (Perda, Perbup, ...) with its JDIH metadata, PDF and relations."""

    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("jenis"), on_delete=models.PROTECT, related_name="documents"
    )
    number = models.CharField(
        _("nomor"),
        max_length=NUMBER_MAX_LENGTH,
        help_text=_("Nomor peraturan; '-' bila tidak bernomor."),
    )
    year = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(YEAR_MIN), MaxValueValidator(YEAR_MAX)]
    )
    teu = models.CharField(_("T.E.U. badan"), max_length=200, blank=True)
    place_enacted = models.CharField(_("tempat penetapan"), max_length=100, blank=True)
    enacted_on = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    promulgated_on = models.DateField(_("tanggal pengundangan"), null=True, blank=True)
    effective_on = models.DateField(_("tanggal mulai berlaku"), null=True, blank=True)
    source_year = models.PositiveSmallIntegerField(
        _("tahun lembaran/berita daerah"), null=True, blank=True
    )
    source_number = models.CharField(_("nomor lembaran/berita daerah"), max_length=30, blank=True)
    subjects = models.CharField(
        _("subjek"), max_length=300, blank=True, help_text=_("Kata kunci, dipisah koma.")
    )
    field_of_law = models.CharField(_("bidang hukum"), max_length=100, blank=True)
    initiating_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("pemrakarsa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="legal_documents",
    )
    signer = models.CharField(_("penandatangan"), max_length=150, blank=True)
    language = models.CharField(_("bahasa"), max_length=40, default="Indonesia")
    location = models.CharField(_("lokasi dokumen"), max_length=150, blank=True)
    abstract = models.TextField(_("abstrak"), blank=True)
    note = models.TextField(_("catatan"), blank=True)
    pdf = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("naskah (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Derived: written only by pendopo.jdih.services, preserved across revisions.
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=LegalStatus.choices,
        default=LegalStatus.BERLAKU,
        editable=False,
    )
    download_count = models.PositiveIntegerField(_("jumlah unduhan"), default=0, editable=False)
    text = models.TextField(_("teks naskah"), blank=True, editable=False)
    text_status = models.CharField(
        _("status teks"),
        max_length=20,
        choices=TextStatus.choices,
        default=TextStatus.NO_FILE,
        editable=False,
    )
    text_source_id = models.PositiveIntegerField(
        null=True, blank=True, editable=False, verbose_name=_("sumber teks terekstrak")
    )
    page_count = models.PositiveIntegerField(_("jumlah halaman"), null=True, editable=False)
    preview = models.FileField(
        _("pratinjau halaman pertama"), upload_to="jdih/pratinjau/", blank=True, editable=False
    )

    DERIVED_FIELDS = [
        "status",
        "download_count",
        "text",
        "text_status",
        "text_source_id",
        "page_count",
        "preview",
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("citation_text", boost=3),
        index.SearchField("number"),
        index.SearchField("abstract"),
        index.SearchField("subjects", boost=2),
        index.SearchField("field_of_law"),
        index.SearchField("text"),
        index.AutocompleteField("title"),
        index.FilterField("document_type"),
        index.FilterField("year"),
        index.FilterField("status"),
        index.FilterField("field_of_law"),
        index.FilterField("initiating_agency"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel(
            [FieldPanel("document_type"), FieldPanel("number"), FieldPanel("year")],
            heading=_("Jenis, nomor, tahun"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("teu"),
                FieldPanel("place_enacted"),
                FieldRowPanel(
                    [
                        FieldPanel("enacted_on"),
                        FieldPanel("promulgated_on"),
                        FieldPanel("effective_on"),
                    ]
                ),
                FieldRowPanel([FieldPanel("source_year"), FieldPanel("source_number")]),
                FieldPanel("signer"),
            ],
            heading=_("Penetapan dan pengundangan"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("subjects"),
                FieldPanel("field_of_law"),
                FieldPanel("initiating_agency"),
                FieldPanel("language"),
                FieldPanel("location"),
                FieldPanel("abstract"),
                FieldPanel("note"),
            ],
            heading=_("Katalog"),
        ),
        FieldPanel("pdf"),
        InlinePanel("attachments", label=_("Lampiran")),
    ]
    parent_page_types = ["jdih.JdihIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("produk hukum")
        verbose_name_plural = _("produk hukum")
        indexes = [models.Index(fields=["year", "number"], name="jdih_doc_year_number")]

    def __str__(self) -> str:
        return self.citation_text

    # --- derived, read-only values -----------------------------------------------------

    @property
    def short_citation(self) -> str:
        """ "Perda 6/2016"."""
        return f"{self.document_type.abbreviation} {self.number}/{self.year}"

    @property
    def citation_text(self) -> str:
        """ "Peraturan Daerah Nomor 6 Tahun 2016 (Perda 6/2016)"; indexed for search."""
        kind = self.document_type
        return f"{kind.name} Nomor {self.number} Tahun {self.year} ({self.short_citation})"

    @property
    def source_text(self) -> str:
        """ "Lembaran Daerah Kabupaten Banyuwangi Tahun 2016 Nomor 6" or ""."""
        publication = self.document_type.publication
        if not publication or not self.source_year:
            return ""
        label = Publication(publication).label
        region = self.teu.split(".", 1)[-1].strip() if self.teu else ""
        number = f" Nomor {self.source_number}" if self.source_number else ""
        return " ".join(f"{label} {region} Tahun {self.source_year}{number}".split())

    @property
    def chain_sentence(self) -> str:
        """ "diubah oleh Perda 6/2016 dan Perda 1/2022" (reads prefetched relations)."""
        # Imported here: the selectors import this module.
        from pendopo.jdih.selectors.detail import status_sentence

        return status_sentence(self)

    @property
    def text_needs_ocr(self) -> bool:
        """True when the PDF is a scan without a text layer ("perlu OCR")."""
        return self.text_status == TextStatus.NEEDS_OCR

    @property
    def text_pending(self) -> bool:
        """True while the PDF text extraction is queued ("menunggu")."""
        return self.text_status == TextStatus.PENDING

    @property
    def subject_list(self) -> list[str]:
        return [s.strip() for s in self.subjects.split(",") if s.strip()]

    def clean(self):
        super().clean()
        errors = {}
        if self.promulgated_on and self.enacted_on and self.promulgated_on < self.enacted_on:
            errors["promulgated_on"] = _("Tanggal pengundangan tidak boleh sebelum penetapan.")
        if self.enacted_on and self.year and self.enacted_on.year != self.year:
            errors["enacted_on"] = _("Tahun tanggal penetapan harus sama dengan tahun dokumen.")
        if errors:
            raise ValidationError(errors)
        duplicate = (
            LegalDocumentPage.objects.filter(
                document_type_id=self.document_type_id, number=self.number, year=self.year
            )
            .exclude(pk=self.pk)
            .exists()
        )
        if self.document_type_id and duplicate:
            raise ValidationError(
                {"number": _("Dokumen dengan jenis, nomor dan tahun ini sudah ada.")}
            )

    def save(self, *args, **kwargs):
        """Derived values are never written from the instance: an existing row keeps what
        the services stored (queryset updates); a new row starts "berlaku", without text."""
        if self.pk:
            row = type(self).objects.filter(pk=self.pk).values(*self.DERIVED_FIELDS).first()
            for name, value in (row or {}).items():
                setattr(self, name, value)
        else:
            self.status = LegalStatus.BERLAKU
            self.download_count = 0
            self.text, self.text_status, self.text_source_id = "", TextStatus.NO_FILE, None
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        """Restore a revision but keep the derived values of the live row (status, text,
        counter): an old revision must never bring back an old status."""
        obj = super().with_content_json(content)
        for name in self.DERIVED_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    def get_context(self, request, *args, **kwargs):
        # Imported here: the selectors import this module.
        from pendopo.jdih.selectors.detail import document_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(document_detail(self))
        return context

    @path("")
    def detail(self, request):
        return self.render(request)

    @re_path(r"^unduh/$")
    def download(self, request):
        from pendopo.jdih import views

        return views.download(request, self)


class LegalDocumentAttachment(Orderable):
    """A further file of a legal document (lampiran): maps, tables, annexes."""

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("berkas"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = models.CharField(_("keterangan"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")


class LegalDocumentRelation(models.Model):
    """``source`` <kind> ``target``: "Perda 6/2016 mengubah Perda 14/2011".

    Created and removed only through ``pendopo.jdih.services`` so the target's status follows.
    """

    source = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("dokumen yang mengatur"),
        on_delete=models.CASCADE,
        related_name="outgoing_relations",
    )
    target = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("dokumen yang dikenai"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )
    kind = models.CharField(_("hubungan"), max_length=20, choices=RelationKind.choices)
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("hubungan produk hukum")
        verbose_name_plural = _("hubungan produk hukum")
        ordering = ["target__year", "source__year", "source__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"],
                name="jdih_relation_unique",
                violation_error_message=_("Hubungan ini sudah tercatat."),
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="jdih_relation_not_self",
                violation_error_message=_(
                    "Sebuah dokumen tidak dapat berhubungan dengan dirinya sendiri."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display()} {self.target}"
