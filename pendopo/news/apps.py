from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "pendopo.news"
    label = "news"
    verbose_name = _("Berita dan pengumuman")

    def ready(self) -> None:
        # Registration, not a lazy import to dodge a cycle: models exist only once apps load.
        from pendopo.agencies.subsites import register_agency_child, register_front_page_item
        from pendopo.core.services import ensure_child
        from pendopo.core.sites import Section, register_section
        from pendopo.news.models import AnnouncementIndexPage, NewsIndexPage
        from pendopo.news.selectors import active_announcements, latest_news

        def news_index(parent):
            return ensure_child(parent, NewsIndexPage, slug="berita", title="Berita")

        def announcement_index(parent):
            return ensure_child(
                parent, AnnouncementIndexPage, slug="pengumuman", title="Pengumuman"
            )

        register_section(Section("berita", news_index))
        register_section(Section("pengumuman", announcement_index))
        register_agency_child(news_index)
        register_agency_child(announcement_index)
        register_front_page_item("latest_news", lambda page: latest_news(root=page, limit=5))
        register_front_page_item(
            "announcements", lambda page: active_announcements(root=page, limit=5)
        )
