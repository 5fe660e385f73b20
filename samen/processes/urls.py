from django.urls import path

from samen.processes import views

app_name = "processes"
urlpatterns = [
    path("", views.process_list, name="list"),
    path("map/", views.process_map, name="map"),
    path("map/processes.geojson", views.process_map_data, name="map_data"),
    path("processes/<slug:slug>/", views.process_detail, name="detail"),
    path("processes/<slug:slug>/poster.pdf", views.poster, name="poster"),
]
