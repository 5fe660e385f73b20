from django.urls import path

from samen.ideas import process_page, views

app_name = "ideas"
urlpatterns = [
    path("processes/<slug:slug>/ideas/new/", views.idea_create, name="create"),
    path("processes/<slug:slug>/ideas/assisted/", views.assisted_idea, name="assisted_idea"),
    path("processes/<slug:slug>/ideas/similar/", views.similar, name="similar"),
    path("processes/<slug:slug>/assisted-support/", views.assisted_support, name="assisted_support"),
    path("processes/<slug:slug>/ideas.geojson", process_page.process_ideas_geojson, name="map_points"),
    path("ideas/<int:pk>/", views.idea_detail, name="detail"),
    path("ideas/<int:pk>/edit/", views.idea_edit, name="edit"),
    path("ideas/<int:pk>/delete/", views.idea_delete, name="delete"),
    path("ideas/<int:pk>/comments/", views.comment_create, name="comment"),
    path("ideas/<int:pk>/comments/assisted/", views.assisted_comment, name="assisted_comment"),
    path("ideas/<int:pk>/support/", views.support, name="support"),
    path("ideas/<int:pk>/follow/", views.follow, name="follow"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
]
