"""Standar pelayanan (service standards): one page per service, UU 25/2009 Pasal 21."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from pendopo.agencies.models import AgencyPage
from pendopo.core.listing import ScopedListingMixin, paginate
from pendopo.services.components import COMPONENTS, DELIVERY, MANAGEMENT
from pendopo.services.forms import ServiceStandardForm
from pendopo.services.rules import IncompleteStandardError, missing_parts_of

RICH_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def _component_field(label) -> RichTextField:
    # blank=False: the admin defers "required" for drafts (Wagtail), so an editor can save a
    # half-written standard, but submitting or publishing needs every component.
    return RichTextField(label, features=RICH_FEATURES)


class ServiceStandardIndexPage(ScopedListingMixin, Page):
    """The service-standard list (``/layanan/``); under an agency it lists that agency's only."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage", "agencies.AgencyPage"]
    subpage_types = ["services.ServiceStandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("daftar standar pelayanan")
        verbose_name_plural = _("daftar standar pelayanan")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        standards = ServiceStandardPage.objects.listed_under(self.listing_scope())
        context["page_obj"] = paginate(request, standards, 20)
        return context


class ServiceStandardQuerySet(PageQuerySet):
    def listed_under(self, root: Page) -> ServiceStandardQuerySet:
        """Live, public service standards below ``root``, by title, with their agency."""
        return self.live().public().descendant_of(root).select_related("agency").order_by("title")


class ServiceStandardPage(Page):
    """The service standard of one public service: the 14 components of UU 25/2009 Pasal 21,
    the maklumat pelayanan (Pasal 15 huruf c) and the decree (SK) that set it."""

    objects = PageManager.from_queryset(ServiceStandardQuerySet)()

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("penyelenggara"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="service_standards",
        help_text=_(
            "Perangkat daerah penyelenggara. Boleh kosong bila halaman berada di sub-situs "
            "perangkat daerah (penyelenggara diambil dari sub-situs)."
        ),
    )
    summary = models.TextField(_("ringkasan layanan"), max_length=300)
    legal_basis = _component_field(_("Dasar hukum"))
    requirements = _component_field(_("Persyaratan"))
    procedure = _component_field(_("Sistem, mekanisme dan prosedur"))
    completion_time = _component_field(_("Jangka waktu penyelesaian"))
    fee = _component_field(_("Biaya/tarif"))
    product = _component_field(_("Produk pelayanan"))
    facilities = _component_field(_("Sarana, prasarana dan/atau fasilitas"))
    staff_competence = _component_field(_("Kompetensi pelaksana"))
    internal_supervision = _component_field(_("Pengawasan internal"))
    complaint_handling = _component_field(_("Penanganan pengaduan, saran dan masukan"))
    staff_count = _component_field(_("Jumlah pelaksana"))
    service_guarantee = _component_field(_("Jaminan pelayanan"))
    safety_guarantee = _component_field(_("Jaminan keamanan dan keselamatan pelayanan"))
    performance_evaluation = _component_field(_("Evaluasi kinerja pelaksana"))
    maklumat = _component_field(_("Maklumat pelayanan"))
    decree_number = models.CharField(
        _("nomor keputusan (SK)"),
        max_length=120,
        help_text=_("Nomor SK penetapan standar pelayanan, mis. 188/123/KEP/429.011/2025."),
    )
    decree_date = models.DateField(_("tanggal keputusan"), null=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("requirements"),
        index.SearchField("procedure"),
        index.SearchField("product"),
        index.FilterField("agency"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("agency"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel(name) for name, _label, group in COMPONENTS if group == DELIVERY],
            heading=_("Komponen penyampaian pelayanan (6)"),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name, _label, group in COMPONENTS if group == MANAGEMENT],
            heading=_("Komponen pengelolaan pelayanan (8)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("maklumat"),
                FieldRowPanel([FieldPanel("decree_number"), FieldPanel("decree_date")]),
            ],
            heading=_("Maklumat dan penetapan"),
        ),
    ]
    base_form_class = ServiceStandardForm
    parent_page_types = ["services.ServiceStandardIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("standar pelayanan")
        verbose_name_plural = _("standar pelayanan")

    def publish(self, revision, *args, **kwargs):
        """Refuse to publish a revision with an empty required part (UU 25/2009 Pasal 21).

        Raises IncompleteStandardError; the editor form and admin hooks catch it earlier with
        a message, this guard covers every other path (workflow approval, code, scheduler).
        """
        missing = missing_parts_of(revision.as_object())
        if missing:
            raise IncompleteStandardError(missing)
        return super().publish(revision, *args, **kwargs)

    def provider(self):
        """The Agency that provides the service: the sub-site it sits in, else ``agency``."""

        owner = (
            AgencyPage.objects.ancestor_of(self).select_related("agency").first()
            if self.pk
            else None
        )
        return owner.agency if owner is not None else self.agency

    def complaint_url(self) -> str:
        """The complaint form pre-filled for this service (contract C2
        (docs/contracts.md#c2-service-complaint-link) with ``complaints``)."""
        params = {"layanan": self.pk}
        provider = self.provider()
        if provider is not None:
            params["opd"] = provider.slug
        return "/pengaduan/?" + urlencode(params)

    def components(self) -> list[dict]:
        """The 14 components in the law's order: ``{"name", "label", "group", "value"}``."""
        return [
            {"name": name, "label": label, "group": group, "value": getattr(self, name)}
            for name, label, group in COMPONENTS
        ]
