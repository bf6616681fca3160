"""Demonstration content of issue 4: tags, a news gallery, photo/video galleries (videos with
local thumbnails), downloads, an announcement attachment and one withdrawn announcement.

Built on what ``load_demo`` made (its images and document); every item says it is an example.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from pendopo.core.services import ensure_child
from pendopo.news.models import (
    AnnouncementAttachment,
    AnnouncementPage,
    DownloadItem,
    DownloadsPage,
    GalleryIndexPage,
    GalleryPage,
    GalleryPhoto,
    GalleryVideo,
    NewsGalleryImage,
    NewsPage,
)
from pendopo.portal.services import ensure_portal
from pendopo.publishing.models import Withdrawal

WITHDRAWN_SLUG = "contoh-pengumuman-3"
WITHDRAWN_REASON = (
    "PLN UP3 Banyuwangi membatalkan pemadaman terencana ini; listrik tetap menyala sesuai "
    "jadwal biasa. (Contoh.)"
)

TAGS = {
    "contoh-berita-1": ["Budaya", "Festival"],
    "contoh-berita-2": ["Layanan Publik", "Adminduk"],
    "contoh-berita-6": ["Kesehatan", "Remaja"],
    "contoh-berita-12": ["Kebencanaan", "Sekolah"],
}


def load_publishing_demo() -> dict[str, int]:
    """Create the demo items once (idempotent); returns counts of what was made."""
    made: dict[str, int] = {}
    images = list(get_image_model().objects.filter(title__startswith="Foto contoh"))
    document = get_document_model().objects.filter(title__contains="(contoh)").first()
    with transaction.atomic():
        home = ensure_portal(regency_code=settings.PENDOPO_REGENCY_CODE).home
        for slug, names in TAGS.items():
            page = NewsPage.objects.filter(slug=slug).first()
            if page is not None and not page.tags.exists():
                page.tags.add(*names)
                if slug == "contoh-berita-1" and images:
                    for position, image in enumerate(images):
                        page.gallery_images.add(
                            NewsGalleryImage(
                                image=image, caption=f"{image.title} (contoh)", sort_order=position
                            )
                        )
                page.save_revision().publish()
                made["berita bertag"] = made.get("berita bertag", 0) + 1

        galleries = ensure_child(
            home,
            GalleryIndexPage,
            slug="galeri",
            title="Galeri",
            show_in_menus=False,
            intro="Foto dan video kegiatan pemerintah daerah.",
        )
        if images and not galleries.get_children().exists():
            gallery = GalleryPage(
                title="Festival budaya (galeri contoh)",
                slug="contoh-galeri-festival",
                date=timezone.localdate() - datetime.timedelta(days=1),
                intro="Galeri contoh (demonstrasi). Video ditautkan, tidak disematkan.",
            )
            for position, image in enumerate(images):
                gallery.photos.add(
                    GalleryPhoto(image=image, caption=f"{image.title}", sort_order=position)
                )
            gallery.videos.add(
                GalleryVideo(
                    title="Cuplikan festival (contoh)",
                    url="https://www.youtube.com/@BanyuwangiTV",
                    duration="3:25",
                    thumbnail=images[0],
                )
            )
            gallery.videos.add(
                GalleryVideo(
                    title="Tari Gandrung di panggung utama (contoh)",
                    url="https://www.youtube.com/@BanyuwangiTV",
                    duration="5:10",
                    thumbnail=images[-1],
                )
            )
            galleries.add_child(instance=gallery)
            gallery.save_revision().publish()
            made["galeri"] = 1
        for gallery in GalleryPage.objects.descendant_of(galleries):
            # Galleries made before videos had thumbnails get theirs from the demo photos.
            if images and gallery.videos.filter(thumbnail=None).exists():
                for position, video in enumerate(GalleryVideo.objects.filter(page=gallery)):
                    if video.thumbnail_id is None:
                        GalleryVideo.objects.filter(pk=video.pk).update(
                            thumbnail=images[position % len(images)]
                        )
                GalleryPage.objects.get(pk=gallery.pk).save_revision().publish()
                made["gambar mini video"] = 1

        downloads = ensure_child(
            home,
            DownloadsPage,
            slug="unduhan",
            title="Unduhan",
            show_in_menus=False,
            intro="Formulir, rencana dan laporan untuk diunduh. (Contoh.)",
        )
        if document is not None and not downloads.downloads.exists():
            downloads.downloads.add(
                DownloadItem(document=document, description="Berkas contoh (demonstrasi).")
            )
            downloads.save_revision().publish()
            made["unduhan"] = 1

        announcement = AnnouncementPage.objects.filter(slug="contoh-pengumuman-2").first()
        if document is not None and announcement and not announcement.attachments.exists():
            announcement.attachments.add(
                AnnouncementAttachment(document=document, title="Daftar peserta (contoh)")
            )
            announcement.save_revision().publish()
            made["lampiran pengumuman"] = 1

        withdrawn = AnnouncementPage.objects.live().filter(slug=WITHDRAWN_SLUG).first()
        if withdrawn is not None:
            _withdrawal, created = Withdrawal.objects.get_or_create(
                page=withdrawn, defaults={"reason": WITHDRAWN_REASON}
            )
            made["pengumuman ditarik"] = int(created)
    return made
