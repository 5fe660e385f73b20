from django.urls import path

from samen.city import views

app_name = "city"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/indicators/<slug:slug>/", views.indicator, name="indicator"),
    path("dashboard/indicators/<slug:slug>/add/", views.add_value, name="add_value"),
    path("dashboard/import/", views.import_values, name="import"),
    path("dashboard/import/<int:pk>/", views.import_report, name="import_job"),
]
