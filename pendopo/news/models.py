"""Berita (news) and pengumuman (announcements), for the regency and for every agency."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from pendopo.core.blocks import BodyBlock
from pendopo.core.listing import ScopedListingMixin, paginate

LISTING_PARENTS = ["core.HomePage", "agencies.AgencyPage"]


@register_snippet
class NewsCategory(models.Model):
    """A news category (``Kesehatan``, ``Pendidikan``); its slug names the feed
    ``/feeds/berita/<slug>.rss``, so it is stable once published."""

    name = models.CharField(_("nama"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("kategori berita")
        verbose_name_plural = _("kategori berita")

    def __str__(self) -> str:
        return self.name


class NewsIndexPage(ScopedListingMixin, Page):
    """The news list (``/berita/``); under an agency it lists that agency's news only."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = LISTING_PARENTS
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("daftar berita")
        verbose_name_plural = _("daftar berita")

    def get_context(self, request, *args, **kwargs):
        from pendopo.news.selectors import news_under

        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(request, news_under(self.listing_scope()))
        return context


class NewsPage(Page):
    """A news article by the regency or an agency."""

    date = models.DateField(_("tanggal berita"), default=timezone.localdate)
    intro = models.TextField(_("ringkasan"), max_length=300)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("isi"))
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category_id"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("category"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")


class AnnouncementIndexPage(ScopedListingMixin, Page):
    """The announcement list (``/pengumuman/``): valid ones first, expired under "arsip"."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = LISTING_PARENTS
    subpage_types = ["news.AnnouncementPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("daftar pengumuman")
        verbose_name_plural = _("daftar pengumuman")

    def get_context(self, request, *args, **kwargs):
        from pendopo.news.selectors import announcements_under

        context = super().get_context(request, *args, **kwargs)
        archive = request.GET.get("arsip") == "1"
        items = announcements_under(self.listing_scope(), expired=archive)
        context["archive"] = archive
        context["page_obj"] = paginate(request, items)
        return context


class AnnouncementPage(Page):
    """An announcement, valid from one date to another (both inclusive, site time zone)."""

    valid_from = models.DateField(_("berlaku mulai"), default=timezone.localdate)
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)
    intro = models.TextField(_("ringkasan"), max_length=300)
    body = StreamField(BodyBlock(), verbose_name=_("isi"))
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("lampiran"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("valid_from"),
        index.FilterField("valid_until"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("attachment"),
    ]
    parent_page_types = ["news.AnnouncementIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")

    def clean(self):
        super().clean()
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("Tanggal akhir tidak boleh sebelum tanggal mulai berlaku.")}
            )

    def is_valid_on(self, day) -> bool:
        """True when ``day`` (a local date) lies in the validity period."""
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)
