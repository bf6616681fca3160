"""``/sitemap.xml``: the current Site's live public pages plus its public documents."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as PageSitemap
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from pendopo.agencies.models import AgencyPage
from pendopo.core.sites import is_home_page


class DocumentSitemap(PageSitemap):
    """Documents in the collections of the agencies under this Site (and, on a regency Site,
    the root collection), minus any collection behind a view restriction."""

    _urls = DjangoSitemap._urls  # plain items, not pages
    limit = 5000

    def items(self):

        site = self.get_wagtail_site()
        root = site.root_page
        collection_ids = set(
            AgencyPage.objects.live()
            .descendant_of(root, inclusive=True)
            .exclude(agency__collection=None)
            .values_list("agency__collection_id", flat=True)
        )
        if is_home_page(root.specific_deferred):
            collection_ids.add(Collection.get_first_root_node().pk)
        restricted = list(
            CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        )
        allowed = [
            c.pk
            for c in Collection.objects.filter(pk__in=collection_ids)
            if not any(c.path.startswith(path) for path in restricted)
        ]
        return get_document_model().objects.filter(collection_id__in=allowed).order_by("pk")

    def location(self, document) -> str:
        return document.url

    def lastmod(self, document):
        return document.created_at


SITEMAPS = {"pages": PageSitemap, "documents": DocumentSitemap}
