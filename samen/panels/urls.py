from django.urls import path

from samen.panels import views

app_name = "panels"
urlpatterns = [
    path("processes/<slug:slug>/lottery/", views.lottery_page, name="lottery"),
    path("processes/<slug:slug>/lottery/answer/", views.volunteer, name="volunteer"),
    path("processes/<slug:slug>/lottery/manage/", views.manage, name="manage"),
    path("processes/<slug:slug>/lottery/manage/register/", views.upload_register, name="upload_register"),
    path(
        "processes/<slug:slug>/lottery/manage/invitation-seed/",
        views.announce_invitation_seed,
        name="announce_invitation_seed",
    ),
    path("processes/<slug:slug>/lottery/manage/invitations/", views.draw_invitations, name="draw_invitations"),
    path("processes/<slug:slug>/lottery/manage/letters.csv", views.letters, name="letters"),
    path("processes/<slug:slug>/lottery/manage/quotas/", views.quotas, name="quotas"),
    path("processes/<slug:slug>/lottery/manage/freeze/", views.freeze, name="freeze"),
    path("processes/<slug:slug>/lottery/manage/draw/", views.draw, name="draw"),
    path("processes/<slug:slug>/lottery/pool.csv", views.pool_file, name="pool_file"),
    path("processes/<slug:slug>/lottery/quotas.csv", views.quotas_file, name="quotas_file"),
    path("processes/<slug:slug>/lottery/draw.json", views.draw_file, name="draw_file"),
    path("councils/<slug:slug>/", views.council_page, name="council"),
    path("councils/<slug:slug>/nominate/", views.nominate, name="nominate"),
    path("councils/<slug:slug>/nominations/<int:pk>/decide/", views.decide, name="decide"),
    path("councils/<slug:slug>/seats/<int:pk>/resign/", views.resign, name="resign"),
    path("councils/<slug:slug>/seats/<int:pk>/answer/", views.answer, name="answer"),
]
