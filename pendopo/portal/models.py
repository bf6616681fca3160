"""The regency's own pages: the home page, plain content pages and the leaders page.

They moved here from ``pendopo.core`` (issue 14) and keep their tables (``core_homepage`` …);
migration ``portal.0001`` takes them over in Django's state only, without copying data.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pendopo.agencies.selectors import agency_kind_counts
from pendopo.agenda.selectors import upcoming_events
from pendopo.core.blocks import BodyBlock, QuickLinkBlock
from pendopo.news.selectors import active_announcements, front_page_news
from pendopo.regions.selectors import districts_by_name, regency_for_request


class HomePage(Page):
    """The regency's front page: latest news, announcements, agenda, services and directory."""

    intro = models.TextField(_("pengantar"), blank=True)
    quick_links = StreamField(
        [("link", QuickLinkBlock())], verbose_name=_("tautan layanan"), blank=True
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("quick_links")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        db_table = "core_homepage"  # kept from pendopo.core (moved without copying data)
        verbose_name = _("beranda")
        verbose_name_plural = _("beranda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = front_page_news(home=self, limit=6)
        context["announcements"] = active_announcements(root=self, limit=5)
        context["events"] = upcoming_events(root=self, limit=5)
        regency = regency_for_request(request)
        context["agency_kinds"] = agency_kind_counts(regency)
        context["districts"] = districts_by_name(regency)
        return context


class StandardPage(Page):
    """A plain content page: profile sections such as history, vision and mission, geography."""

    intro = models.TextField(_("pengantar"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        db_table = "core_standardpage"  # kept from pendopo.core (moved without copying data)
        verbose_name = _("halaman standar")
        verbose_name_plural = _("halaman standar")


class LeadersPage(Page):
    """The regency's leaders by position (Bupati, Wakil Bupati, Sekda) with a short profile."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), InlinePanel("officials")]
    subpage_types: list[str] = []

    class Meta:
        db_table = "core_leaderspage"  # kept from pendopo.core (moved without copying data)
        verbose_name = _("halaman pimpinan daerah")
        verbose_name_plural = _("halaman pimpinan daerah")


class Official(Orderable):
    """A leader in a position; the name is what the current decree (SK) says."""

    page = ParentalKey(LeadersPage, on_delete=models.CASCADE, related_name="officials")
    position = models.CharField(_("jabatan"), max_length=100)
    name = models.CharField(_("nama"), max_length=150)
    term = models.CharField(_("masa jabatan"), max_length=60, blank=True)
    profile = models.TextField(_("profil singkat"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("position"),
        FieldPanel("name"),
        FieldPanel("term"),
        FieldPanel("profile"),
        FieldPanel("photo"),
    ]

    class Meta(Orderable.Meta):
        db_table = "core_official"  # kept from pendopo.core (moved without copying data)
        verbose_name = _("pejabat")
        verbose_name_plural = _("pejabat")

    def __str__(self) -> str:
        return f"{self.position}: {self.name}"
