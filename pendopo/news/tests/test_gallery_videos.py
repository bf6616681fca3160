"""Video thumbnails: a local rendition (width/height, lazy, alt = the video's title) with a
play icon, or a light placeholder; never a picture from the video site (DESIGN.md)."""

from __future__ import annotations

import re

import pytest

from pendopo.news.models import GalleryPage, GalleryVideo

GALLERY = "/galeri/contoh-galeri-festival/"


def _images(html: str) -> list[str]:
    return re.findall(r"<img\b[^>]*>", html)


@pytest.mark.django_db
def test_demo_videos_show_a_small_local_thumbnail_with_size_lazy_loading_and_the_title(client):
    html = client.get(GALLERY).content.decode()
    titles = list(GalleryVideo.objects.values_list("title", flat=True))
    thumbs = [tag for tag in _images(html) if "fill-320x180-c100" in tag]

    assert sorted(titles) == [
        "Cuplikan festival (contoh)",
        "Tari Gandrung di panggung utama (contoh)",
    ]
    assert len(thumbs) == 2
    for tag, title in zip(thumbs, ["Cuplikan festival (contoh)", "Tari Gandrung"], strict=True):
        assert f'alt="{title}' in tag
        assert 'width="320"' in tag and 'height="180"' in tag
        assert 'loading="lazy"' in tag
        assert re.search(r'src="/media/images/[^"]+"', tag)
    assert html.count('class="video-play"') == 2  # the inline SVG play icon
    assert not [tag for tag in _images(html) if "youtube" in tag or "ytimg" in tag]


@pytest.mark.django_db
def test_a_video_without_thumbnail_gets_a_placeholder_that_loads_nothing(client):
    gallery = GalleryPage.objects.get(slug="contoh-galeri-festival")
    GalleryVideo.objects.filter(page=gallery).update(thumbnail=None)

    html = client.get(GALLERY).content.decode()

    assert html.count('class="video-placeholder" role="img"') == 2
    assert 'aria-label="Cuplikan festival (contoh)"' in html
    assert not [tag for tag in _images(html) if "fill-320x180" in tag]


@pytest.mark.django_db
def test_the_gallery_list_counts_photos_and_videos_without_a_query_per_gallery(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/galeri/")
    with CaptureQueriesContext(connection) as one:
        html = client.get("/galeri/").content.decode()
    gallery = GalleryPage.objects.get(slug="contoh-galeri-festival")
    for n in range(3):
        copy = gallery.copy(
            update_attrs={"slug": f"contoh-galeri-salinan-{n}", "title": f"Salinan {n}"}
        )
        copy.save_revision().publish()
    with CaptureQueriesContext(connection) as four:
        client.get("/galeri/")

    assert "3 foto, 2 video" in html
    assert len(four) <= len(one)
