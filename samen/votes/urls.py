from django.urls import path

from samen.votes import views

app_name = "votes"
urlpatterns = [
    path("processes/<slug:slug>/jury/", views.jury, name="jury"),
    path("processes/<slug:slug>/jury/ideas/<int:pk>/", views.review, name="review"),
    path("processes/<slug:slug>/jury/ranking/", views.ranking, name="ranking"),
    path("processes/<slug:slug>/shortlist/", views.shortlist_page, name="shortlist"),
    path("processes/<slug:slug>/results/", views.results, name="results"),
    path("processes/<slug:slug>/results/ballots.csv", views.ballots_csv, name="ballots_csv"),
    path("processes/<slug:slug>/results/shortlist.csv", views.shortlist_csv, name="shortlist_csv"),
]
