"""Stable feed addresses (DESIGN.md: machines depend on them). Included at the site root."""

from django.urls import include, path

from pendopo.api import feeds, views

scoped = [
    path("berita.rss", feeds.NewsRssFeed(), name="news_rss"),
    path("berita.atom", feeds.NewsAtomFeed(), name="news_atom"),
    path("berita/<slug:category>.rss", feeds.CategoryNewsRssFeed(), name="category_rss"),
    path("berita/<slug:category>.atom", feeds.CategoryNewsAtomFeed(), name="category_atom"),
    path("pengumuman.rss", feeds.AnnouncementRssFeed(), name="announcements_rss"),
    path("pengumuman.atom", feeds.AnnouncementAtomFeed(), name="announcements_atom"),
    path("agenda.ics", views.agenda_ics, name="agenda_ics"),
]

app_name = "feeds"
urlpatterns = [
    path("feeds/", views.feed_index, name="index"),
    path("feeds/agregasi.json", views.aggregation_json, name="aggregation_json"),
    path("feeds/agregasi.atom", views.aggregation_atom, name="aggregation_atom"),
    path("feeds/agenda-pimpinan.ics", views.leaders_agenda_ics, name="leaders_ics"),
    path("feeds/agenda/<int:page_id>.ics", views.event_ics, name="event_ics"),
    path("feeds/", include(scoped)),
    path("perangkat-daerah/<slug:agency>/feeds/", include((scoped, "agency"))),
]
