from django.urls import path

from pendopo.ppid import views

app_name = "ppid"

urlpatterns = [
    path("", views.index, name="index"),
    path("informasi/<int:pk>/", views.item_detail, name="item"),
    path("daftar-informasi.csv", views.export_csv, name="export_csv"),
    path("daftar-informasi.xlsx", views.export_xlsx, name="export_xlsx"),
    path("saran/", views.suggestions, name="suggestions"),
    path("permohonan/", views.request_form, name="request_form"),
    path("permohonan/<str:number>/", views.request_status, name="request_status"),
    path("lacak/", views.track, name="track"),
    path("register/", views.request_log, name="request_log"),
    path("laporan/", views.report_list, name="reports"),
    path("laporan/<int:year>/", views.report_detail, name="report"),
    path("laporan/<int:year>.xlsx", views.report_xlsx, name="report_xlsx"),
]
