from django.urls import path

from samen.debates import views

app_name = "debates"
urlpatterns = [
    path("moderation/debates/", views.moderation_queue, name="moderation"),
    path("processes/<slug:slug>/debates/", views.debate_list, name="list"),
    path("processes/<slug:slug>/debates/new/", views.new_debate, name="new"),
    path("processes/<slug:slug>/debates/<int:pk>/", views.debate, name="debate"),
    path("processes/<slug:slug>/debates/<int:pk>/edit/", views.edit_debate, name="edit"),
    path("processes/<slug:slug>/debates/<int:pk>/close/", views.close_debate, name="close"),
    path("processes/<slug:slug>/debates/<int:pk>/arguments/", views.post_argument, name="post_argument"),
    path("processes/<slug:slug>/debates/<int:pk>/arguments/<int:argument_pk>/support/", views.support, name="support"),
    path("processes/<slug:slug>/debates/<int:pk>/comments/", views.comment, name="comment"),
    path(
        "processes/<slug:slug>/debates/<int:pk>/<str:kind>/<int:content_pk>/moderate/",
        views.moderate,
        name="moderate",
    ),
    path(
        "processes/<slug:slug>/debates/<int:pk>/<str:kind>/<int:content_pk>/report/",
        views.report,
        name="report",
    ),
]
