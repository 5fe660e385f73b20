from django.urls import path

from samen.opendata import views

app_name = "opendata"
urlpatterns = [path("open-data/", views.index, name="index")]

# Language-neutral, outside i18n_patterns: what the Region's portal harvests.
catalogue_urlpatterns = [
    path("opendata/catalog.ttl", views.catalog_turtle, name="opendata_catalog_ttl"),
    path("opendata/catalog.jsonld", views.catalog_jsonld, name="opendata_catalog_jsonld"),
]
