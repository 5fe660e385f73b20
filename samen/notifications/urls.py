from django.urls import path

from samen.notifications import views

app_name = "notifications"

urlpatterns = [
    path("account/notifications/", views.preferences, name="settings"),
    path("account/notifications/stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
