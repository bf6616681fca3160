"""Perangkat daerah (OPD) and their sub-sites in the page tree."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pendopo.core.blocks import BodyBlock


class AgencyKind(models.TextChoices):
    """Kinds of perangkat daerah, in the order the directory shows them."""

    SEKRETARIAT = "sekretariat", _("Sekretariat")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    BADAN = "badan", _("Badan")
    DINAS = "dinas", _("Dinas")
    SATPOL_PP = "satpol_pp", _("Satuan Polisi Pamong Praja")
    RSUD = "rsud", _("Rumah Sakit Umum Daerah")
    KECAMATAN = "kecamatan", _("Kecamatan")


KIND_ORDER = {kind: position for position, kind in enumerate(AgencyKind.values)}


class Agency(models.Model):
    """One perangkat daerah of a regency, as imported from the official lists."""

    regency = models.ForeignKey(
        "regions.Regency",
        verbose_name=_("kabupaten/kota"),
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    name = models.CharField(_("nama"), max_length=150)
    short_name = models.CharField(_("singkatan"), max_length=40, blank=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    slug = models.SlugField(_("slug"), max_length=100)
    subdomain = models.CharField(_("subdomain"), max_length=63, blank=True)
    hostname = models.CharField(
        _("nama host"),
        max_length=255,
        blank=True,
        help_text=_("Nama host sub-situs, mis. dinkes.banyuwangikab.go.id."),
    )
    website = models.URLField(_("situs web"), blank=True)
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    phone = models.CharField(_("telepon"), max_length=60, blank=True)
    fax = models.CharField(_("faks"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    district = models.ForeignKey(
        "regions.District",
        verbose_name=_("kecamatan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    source = models.CharField(_("sumber data"), max_length=60, blank=True)
    note = models.TextField(_("catatan"), blank=True)
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("koleksi gambar dan dokumen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agency",
    )
    editors_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("grup editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agency",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("fax"),
        FieldPanel("email"),
        FieldPanel("website"),
        FieldPanel("hostname"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")
        constraints = [
            models.UniqueConstraint(fields=["regency", "slug"], name="agency_unique_slug"),
            models.UniqueConstraint(fields=["regency", "name"], name="agency_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_short_name(self) -> str:
        return self.short_name or self.name


class AgencyIndexPage(Page):
    """The directory of perangkat daerah (``/perangkat-daerah/``), grouped by kind."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["agencies.AgencyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("direktori perangkat daerah")
        verbose_name_plural = _("direktori perangkat daerah")

    def get_context(self, request, *args, **kwargs):
        from pendopo.agencies.selectors import agencies_by_kind

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = agencies_by_kind(index_page=self)
        return context


class AgencyPage(RoutablePageMixin, Page):
    """An agency's own sub-site: profile, news, announcements, agenda and documents."""

    agency = models.OneToOneField(
        Agency, verbose_name=_("perangkat daerah"), on_delete=models.PROTECT, related_name="page"
    )
    intro = models.TextField(_("profil singkat"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("profil"), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["agencies.AgencyIndexPage"]
    subpage_types = [
        "news.NewsIndexPage",
        "news.AnnouncementIndexPage",
        "agenda.EventIndexPage",
        "portal.StandardPage",
        "services.ServiceStandardIndexPage",
        "news.GalleryIndexPage",
        "news.DownloadsPage",
    ]

    class Meta:
        verbose_name = _("sub-situs perangkat daerah")
        verbose_name_plural = _("sub-situs perangkat daerah")

    @path("")
    def profile(self, request):
        from pendopo.agencies.selectors import agency_front_page_items

        return self.render(request, context_overrides=agency_front_page_items(self))

    @path("dokumen/")
    def documents(self, request):
        from django.core.paginator import Paginator

        from pendopo.agencies.selectors import documents_of

        paginator = Paginator(documents_of(self.agency), 20)
        page_obj = paginator.get_page(request.GET.get("page"))
        return self.render(
            request,
            template="agencies/agency_documents.html",
            context_overrides={"page_obj": page_obj},
        )
