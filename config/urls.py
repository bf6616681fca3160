"""URL map: Django/Wagtail wiring only; every public path is Indonesian and stable."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from pendopo.agencies import admin_views as agency_admin_views
from pendopo.api import sitemaps as api_sitemaps
from pendopo.core import views as core_views
from pendopo.jdih import views as jdih_views
from pendopo.portal import views as portal_views

urlpatterns = [
    # Bounded replacements for two admin views that cannot be narrowed by hooks.
    path(
        "admin/reports/page-types-usage/",
        agency_admin_views.InstallationPageTypesUsageView.as_view(),
    ),
    path(
        "admin/reports/page-types-usage/results/",
        agency_admin_views.InstallationPageTypesUsageView.as_view(results_only=True),
    ),
    path(
        "admin/choose-page/chosen-multiple/",
        agency_admin_views.VisibleChosenMultipleView.as_view(),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("cari/", portal_views.search, name="search"),
    path("pengaduan/", include("pendopo.complaints.urls")),
    path("pengadaan/", include("pendopo.procurement.urls")),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": api_sitemaps.SITEMAPS}, name="sitemap"),
    path("", include("pendopo.api.urls")),
    path("", include("pendopo.agencies.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jdih/integrasi/jdihn.json", jdih_views.site_jdihn_feed, name="jdih_jdihn_feed"),
    path("ppid/", include("pendopo.ppid.urls")),
]

if settings.DEBUG or settings.PENDOPO_SERVE_MEDIA:
    # Development and the browser tests only; production serves media from nginx or S3.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "pendopo.core.views.bad_request"
handler403 = "pendopo.core.views.permission_denied"
handler404 = "pendopo.core.views.page_not_found"
handler500 = "pendopo.core.views.server_error"
