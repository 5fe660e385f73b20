from django.urls import path

from samen.initiatives import views

app_name = "initiatives"
urlpatterns = [
    path("initiatives/", views.index, name="index"),
    path("initiatives/overdue/", views.overdue, name="overdue"),
    path("initiatives/new/", views.new, name="new"),
    path("initiatives/<int:pk>/", views.detail, name="detail"),
    path("initiatives/<int:pk>/edit/", views.edit, name="edit"),
    path("initiatives/<int:pk>/invite/", views.invite, name="invite"),
    path("initiatives/<int:pk>/promoters/<int:promoter_pk>/accept/", views.accept, name="accept"),
    path("initiatives/<int:pk>/submit/", views.submit, name="submit"),
    path("initiatives/<int:pk>/review/", views.review, name="review"),
    path("initiatives/<int:pk>/sign/", views.sign, name="sign"),
    path("initiatives/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("initiatives/<int:pk>/paper/", views.paper, name="paper"),
    path("initiatives/<int:pk>/assisted/", views.sign_assisted, name="sign_assisted"),
    path("initiatives/<int:pk>/timeline/", views.event, name="event"),
    path("initiatives/<int:pk>/decision/", views.decide, name="decide"),
]
