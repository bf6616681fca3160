"""Public procurement paths, all under /pengadaan/ (Indonesian and stable)."""

from django.urls import path, re_path

from . import views

app_name = "procurement"

urlpatterns = [
    path("", views.package_list, name="list"),
    path("ringkasan/", views.regency_summary, name="summary"),
    path("opd/<slug:slug>/", views.agency_summary, name="agency"),
    path("tanda-risiko/", views.red_flags, name="flags"),
    path("ocds/", views.ocds_docs, name="ocds"),
    path("ocds/release-package.json", views.ocds_release_package, name="ocds_releases"),
    path("ocds/record-package.json", views.ocds_record_package, name="ocds_records"),
    path("ocds/unduh-semua.json", views.ocds_bulk, name="ocds_bulk"),
    path("ocds/skema/<str:name>", views.ocds_schema, name="ocds_schema"),
    re_path(r"^(?P<slug>(?:t|nt)-\d{1,20})/$", views.package_detail, name="detail"),
]
