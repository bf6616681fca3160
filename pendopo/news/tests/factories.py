"""Factories for news, announcements, galleries and downloads (pages and their inline rows)."""

from __future__ import annotations

import factory
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from pendopo.core.tests.factories import PageFactory, PortalDocumentFactory
from pendopo.news.models import (
    AnnouncementAttachment,
    AnnouncementIndexPage,
    AnnouncementPage,
    DownloadItem,
    DownloadsPage,
    GalleryIndexPage,
    GalleryPage,
    GalleryPhoto,
    GalleryVideo,
    NewsCategory,
    NewsGalleryImage,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
)


def paragraph(text: str = "Isi halaman.") -> list[tuple[str, RichText]]:
    """A one-paragraph ``BodyBlock`` value."""
    return [("paragraph", RichText(f"<p>{text}</p>"))]


class ImageFactory(factory.django.DjangoModelFactory):
    """A 4×3 pixel image in the configured Wagtail image model."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Gambar {n}")
    file = factory.django.ImageField(width=4, height=3, filename="gambar.jpg")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"label-{n}")
    slug = factory.LazyAttribute(lambda o: o.name)


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsCategory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kategori Berita {n}")
    slug = factory.Sequence(lambda n: f"kategori-berita-{n}")


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Berita"


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Berita {n}")
    intro = "Ringkasan berita."
    body = factory.LazyFunction(paragraph)


class NewsPageTagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsPageTag

    tag = factory.SubFactory(TagFactory)
    content_object = factory.SubFactory(NewsPageFactory)


class NewsGalleryImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsGalleryImage

    page = factory.SubFactory(NewsPageFactory)
    image = factory.SubFactory(ImageFactory)


class AnnouncementIndexPageFactory(PageFactory):
    class Meta:
        model = AnnouncementIndexPage

    title = "Pengumuman"


class AnnouncementPageFactory(PageFactory):
    class Meta:
        model = AnnouncementPage

    title = factory.Sequence(lambda n: f"Pengumuman {n}")
    intro = "Ringkasan pengumuman."
    body = factory.LazyFunction(paragraph)


class AnnouncementAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnouncementAttachment

    page = factory.SubFactory(AnnouncementPageFactory)
    document = factory.SubFactory(PortalDocumentFactory)


class GalleryIndexPageFactory(PageFactory):
    class Meta:
        model = GalleryIndexPage

    title = "Galeri"


class GalleryPageFactory(PageFactory):
    class Meta:
        model = GalleryPage

    title = factory.Sequence(lambda n: f"Galeri {n}")


class GalleryPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GalleryPhoto

    page = factory.SubFactory(GalleryPageFactory)
    image = factory.SubFactory(ImageFactory)


class GalleryVideoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GalleryVideo

    page = factory.SubFactory(GalleryPageFactory)
    url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    title = factory.Sequence(lambda n: f"Video {n}")


class DownloadsPageFactory(PageFactory):
    class Meta:
        model = DownloadsPage

    title = "Unduhan"


class DownloadItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DownloadItem

    page = factory.SubFactory(DownloadsPageFactory)
    document = factory.SubFactory(PortalDocumentFactory)
