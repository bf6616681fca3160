from django.urls import path

from pendopo.agencies import views

urlpatterns = [
    path("perangkat-daerah/keaktifan/", views.activity, name="agency_activity"),
    path("perangkat-daerah/keaktifan.csv", views.activity_csv, name="agency_activity_csv"),
]
