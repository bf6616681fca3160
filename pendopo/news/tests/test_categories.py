import pytest

from pendopo.news.models import NewsCategory, NewsPage


@pytest.fixture
def health(db):
    category = NewsCategory.objects.create(name="Uji Kesehatan", slug="uji-kesehatan")
    page = NewsPage.objects.live().get(slug="contoh-berita-2")
    page.category = category
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_the_news_list_filters_by_category_and_keeps_the_filter_in_its_links(client, health):
    others = NewsPage.objects.live().exclude(pk=health.pk).exclude(category__slug="uji-kesehatan")

    html = client.get("/berita/", {"kategori": "uji-kesehatan"}).content.decode()

    assert health.title in html
    assert others.first().title not in html
    assert 'aria-current="page">Uji Kesehatan</a>' in html
    assert "/feeds/berita/uji-kesehatan.rss" in html


@pytest.mark.django_db
def test_an_unknown_category_shows_the_whole_list(client, health):
    response = client.get("/berita/", {"kategori": "tidak-ada<script>"})

    assert response.status_code == 200
    assert health.title in response.content.decode()
    assert "tidak-ada&lt;script" not in response.content.decode()


@pytest.mark.django_db
def test_a_news_page_links_to_its_category_list(client, health):
    html = client.get(health.url).content.decode()

    assert '/berita/?kategori=uji-kesehatan">Uji Kesehatan</a>' in html
