"""Berita (news) and pengumuman (announcements), for the regency and for every agency."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from pendopo.core.blocks import BodyBlock
from pendopo.core.listing import ScopedListingMixin, paginate

LISTING_PARENTS = ["portal.HomePage", "agencies.AgencyPage"]


class SectionPage(Page):
    """A section of the regency home or of an agency sub-site (``/berita/``, ``/unduhan/``):
    an introduction, at most one per parent, under the regency home or an AgencyPage."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = LISTING_PARENTS
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ListingPage(ScopedListingMixin, SectionPage):
    """A section that lists its items, ``?page=N`` at a time (``core.listing.paginate``).

    The items are those below the listing's scope (``ScopedListingMixin``: every agency's
    under the regency home, one agency's under its sub-site). A subclass gives them with
    ``listing_items(request, context)``, which may also add its own filters to ``context``;
    the page of items is ``context["page_obj"]``.
    """

    class Meta:
        abstract = True

    def listing_items(self, request, context: dict) -> QuerySet:
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(request, self.listing_items(request, context))
        return context


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


class NewsIndexPage(ListingPage):
    """The news list (``/berita/``); under an agency it lists that agency's news only."""

    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("daftar berita")
        verbose_name_plural = _("daftar berita")

    def listing_items(self, request, context: dict) -> QuerySet:
        """News below the scope; ``?kategori=<slug>`` narrows them to one category."""
        from pendopo.news.selectors import news_under  # selectors import this module

        items = news_under(self.listing_scope())
        categories = list(NewsCategory.objects.filter(news__in=items).distinct())
        wanted = request.GET.get("kategori", "")
        category = next((c for c in categories if c.slug == wanted), None)
        if category is not None:  # an unknown slug shows the whole list, never an error
            items = items.filter(category=category)
            context["extra_query"] = urlencode({"kategori": category.slug})
        context.update(categories=categories, category=category)
        return items


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
    # Publishing (issue 4): tags, gallery and the regency front page.
    tags = ClusterTaggableManager(
        verbose_name=_("tag"),
        through="news.NewsPageTag",
        blank=True,
        help_text=_("Huruf besar/kecil tidak dibedakan: “Banjir” dan “banjir” satu tag."),
    )
    portal_feature_requested = models.BooleanField(
        _("usulkan tampil di beranda kabupaten"),
        default=False,
        help_text=_("Perlu persetujuan editor portal sebelum tampil di beranda kabupaten."),
    )
    featured_on_portal = models.BooleanField(
        _("tampil di beranda kabupaten"),
        default=False,
        help_text=_("Hanya editor portal yang dapat mengubah ini."),
    )
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
        index.FilterField("featured_on_portal"),
        index.FilterField("category_id"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("category"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("gallery_images", label=_("galeri foto")),
        MultiFieldPanel(
            [
                FieldPanel("portal_feature_requested"),
                FieldPanel("featured_on_portal", permission="publishing.feature_on_portal"),
            ],
            heading=_("Beranda kabupaten"),
        ),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")


class NewsPageTag(TaggedItemBase):
    """One tag on one news item (tags are shared, case-insensitively; see ``news.tags``)."""

    content_object = ParentalKey(
        NewsPage, on_delete=models.CASCADE, related_name="tagged_items", verbose_name=_("berita")
    )

    class Meta:
        verbose_name = _("tag berita")
        verbose_name_plural = _("tag berita")


class NewsGalleryImage(Orderable):
    """One picture of a news item's gallery, with its caption."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("gambar"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("keterangan"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("foto galeri berita")
        verbose_name_plural = _("foto galeri berita")


class AnnouncementIndexPage(ListingPage):
    """The announcement list (``/pengumuman/``): valid ones first, expired under "arsip"."""

    subpage_types = ["news.AnnouncementPage"]

    class Meta:
        verbose_name = _("daftar pengumuman")
        verbose_name_plural = _("daftar pengumuman")

    def listing_items(self, request, context: dict) -> QuerySet:
        """Valid announcements below the scope; ``?arsip=1``: the expired ones."""
        from pendopo.news.selectors import announcements_under  # selectors import this module

        archive = request.GET.get("arsip") == "1"
        context["archive"] = archive
        return announcements_under(self.listing_scope(), expired=archive)


class AnnouncementPage(Page):
    """An announcement, valid from one date to another (both inclusive, site time zone)."""

    valid_from = models.DateField(_("berlaku mulai"), default=timezone.localdate)
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)
    intro = models.TextField(_("ringkasan"), max_length=300)
    body = StreamField(BodyBlock(), verbose_name=_("isi"))
    # Attachments: the ``attachments`` list (AnnouncementAttachment), first item first. The old
    # single ``attachment`` field was merged into it by migration news 0006.

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("attachment_labels"),
        index.FilterField("valid_from"),
        index.FilterField("valid_until"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("lampiran")),
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

    def attachment_labels(self) -> str:
        """The attachments' display titles, one per line (indexed for site search)."""
        return "\n".join(item.label for item in self.attachments.all())


class AnnouncementAttachment(Orderable):
    """A document attached to an announcement (forms, lists, decrees), in display order."""

    page = ParentalKey(AnnouncementPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("dokumen"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("judul tampilan"), max_length=255, blank=True, help_text=_("Kosong: judul dokumen.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def label(self) -> str:
        return self.title or self.document.title

    class Meta(Orderable.Meta):
        verbose_name = _("lampiran pengumuman")
        verbose_name_plural = _("lampiran pengumuman")


class GalleryIndexPage(ListingPage):
    """The photo and video galleries (``/galeri/``); under an agency, that agency's only."""

    subpage_types = ["news.GalleryPage"]

    class Meta:
        verbose_name = _("daftar galeri")
        verbose_name_plural = _("daftar galeri")

    def listing_items(self, request, context: dict) -> QuerySet:
        """Live galleries below the scope."""
        from pendopo.news.selectors import galleries_under  # selectors import this module

        return galleries_under(self.listing_scope())


class GalleryPage(Page):
    """A photo and/or video gallery of one activity.

    Videos are links (e.g. to the regency's YouTube channel), not embedded players: public
    pages load nothing from third-party origins (DESIGN.md).
    """

    date = models.DateField(_("tanggal kegiatan"), default=timezone.localdate)
    intro = models.TextField(_("keterangan"), max_length=500, blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        InlinePanel("photos", label=_("foto")),
        InlinePanel("videos", label=_("video")),
    ]
    parent_page_types = ["news.GalleryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("galeri")
        verbose_name_plural = _("galeri")


class GalleryPhoto(Orderable):
    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("foto"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("keterangan"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("foto galeri")
        verbose_name_plural = _("foto galeri")


class GalleryVideo(Orderable):
    """A linked video of a gallery. Its picture is a local ``thumbnail`` (an image from the
    library), never one hot-linked from the video site: public pages load nothing from
    third-party origins (DESIGN.md). Without one the page draws a light placeholder."""

    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="videos")
    url = models.URLField(_("alamat video"), help_text=_("mis. https://www.youtube.com/watch?v=…"))
    title = models.CharField(_("judul video"), max_length=255)
    duration = models.CharField(_("durasi"), max_length=20, blank=True, help_text=_("mis. 3:25"))
    thumbnail = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("gambar mini"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Opsional: gambar dari pustaka gambar (mis. cuplikan video). Jangan tautkan gambar "
            "dari situs video; tanpa gambar, halaman menampilkan gambar pengganti."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("duration"),
        FieldPanel("thumbnail"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("video galeri")
        verbose_name_plural = _("video galeri")


class DownloadsPage(SectionPage):
    """Downloads (``/unduhan/``): forms, plans and reports, each a document with a note."""

    content_panels = [
        *SectionPage.content_panels,
        InlinePanel("downloads", label=_("berkas unduhan")),
    ]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("unduhan")
        verbose_name_plural = _("unduhan")


class DownloadItem(Orderable):
    page = ParentalKey(DownloadsPage, on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("dokumen"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("judul tampilan"), max_length=255, blank=True)
    description = models.CharField(_("keterangan"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("description")]

    @property
    def label(self) -> str:
        return self.title or self.document.title

    class Meta(Orderable.Meta):
        verbose_name = _("berkas unduhan")
        verbose_name_plural = _("berkas unduhan")
