from django.urls import path

from samen.budgets import views

app_name = "budgets"
urlpatterns = [
    path("processes/<slug:slug>/budget/", views.budget_page, name="budget"),
    path("processes/<slug:slug>/budget/propose/", views.propose, name="propose"),
    path("processes/<slug:slug>/budget/proposals/<int:pk>/", views.proposal_page, name="proposal"),
    path("processes/<slug:slug>/budget/proposals/<int:pk>/review/", views.review, name="review"),
    path("processes/<slug:slug>/budget/ballot/", views.ballot, name="ballot"),
    path("processes/<slug:slug>/budget/ballot/total/", views.ballot_total, name="ballot_total"),
    path("processes/<slug:slug>/budget/paper-ballots/", views.paper_ballot, name="paper_ballot"),
    path("processes/<slug:slug>/budget/assisted/", views.assisted_ballot, name="assisted_ballot"),
    path("processes/<slug:slug>/budget/result/", views.result, name="result"),
    path("processes/<slug:slug>/budget/ballots.pb", views.export, name="export"),
]
