from django.urls import path
from django.views.generic import RedirectView

from samen.city import project_views, views

app_name = "city"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/indicators/<slug:slug>/", views.indicator, name="indicator"),
    path("dashboard/indicators/<slug:slug>/add/", views.add_value, name="add_value"),
    path("dashboard/import/", views.import_values, name="import"),
    path("dashboard/import/<int:pk>/", views.import_report, name="import_job"),
    path("projects/", project_views.projects, name="projects"),
    path("projects/map.geojson", project_views.projects_geojson, name="projects_geojson"),
    path("projects/new/", project_views.new_project, name="project_new"),
    path("projects/unfollow/<str:token>/", project_views.unfollow, name="project_unfollow"),
    path("projects/<slug:slug>/", project_views.project, name="project"),
    path("projects/<slug:slug>/follow/", project_views.follow, name="project_follow"),
    path("projects/<slug:slug>/update/", project_views.post_update, name="project_update"),
    path("processes/<slug:slug>/follow-up/", project_views.follow_up, name="follow_up"),
    # The budgets' follow-up page of old: its projects are City projects now.
    path(
        "processes/<slug:slug>/budget/follow-up/",
        RedirectView.as_view(pattern_name="city:follow_up", permanent=True),
    ),
]
