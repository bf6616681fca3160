from django.urls import path

from pendopo.complaints import views

app_name = "complaints"

urlpatterns = [
    path("", views.case_form, name="form"),
    path("altcha/", views.altcha_challenge, name="altcha"),
    path("lacak/", views.track, name="track"),
    path("lacak/<str:token>/", views.track_case, name="track_case"),
    path("tanya-jawab/", views.qa_list, name="qa_list"),
    path("tanya-jawab/<str:tracking_number>/", views.qa_detail, name="qa_detail"),
    path("statistik/", views.statistics, name="statistics"),
    path("statistik.csv", views.statistics_csv, name="statistics_csv"),
]
