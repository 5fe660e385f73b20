from django.urls import path

from samen.consultations import views

app_name = "consultations"
urlpatterns = [
    path("processes/<slug:slug>/consultation/", views.answer, name="answer"),
    path("processes/<slug:slug>/consultation/results/", views.results, name="results"),
    path("processes/<slug:slug>/consultation/responses.csv", views.export, name="export"),
    path("processes/<slug:slug>/consultation/paper-responses/", views.paper_response, name="paper_response"),
    path("processes/<slug:slug>/consultation/assisted/", views.assisted_response, name="assisted"),
    path("processes/<slug:slug>/consultation/moderation/", views.moderation, name="moderation"),
    path("processes/<slug:slug>/consultation/moderation/review/", views.review, name="review"),
]
