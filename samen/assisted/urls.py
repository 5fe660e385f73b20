from django.urls import path

from samen.assisted import views

app_name = "assisted"
urlpatterns = [
    path("assisted/", views.start, name="start"),
    path("assisted/audit/", views.audit, name="audit"),
    path("account/assisted/", views.mine, name="mine"),
]
