from django.urls import path

from samen.ideas import moderation_views as views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("log/", views.log, name="log"),
    path("<str:kind>/<int:pk>/flag/", views.flag, name="flag"),
    path("<str:kind>/<int:pk>/<str:decision>/", views.decide, name="decide"),
]
