from django.urls import path

from samen.meetings import manage_views, views

app_name = "meetings"
urlpatterns = [
    path("calendar/", views.calendar, name="calendar"),
    path("calendar.ics", views.calendar_ics, name="calendar_ics"),
    path("meetings/new/", manage_views.new_meeting, name="new"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("meetings/<int:pk>/edit/", manage_views.edit_meeting, name="edit"),
    path("meetings/<int:pk>/call-off/", manage_views.cancel_meeting, name="cancel_meeting"),
    path("meetings/<int:pk>/minutes/", manage_views.minutes, name="minutes"),
    path("meetings/<int:pk>/register/", views.register, name="register"),
    path("meetings/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("meetings/<int:pk>/meeting.ics", views.meeting_ics, name="meeting_ics"),
    path("processes/<slug:slug>/calendar/", views.process_calendar, name="process_calendar"),
    path("processes/<slug:slug>/calendar.ics", views.process_calendar_ics, name="process_calendar_ics"),
    path("councils/<slug:slug>/calendar/", views.council_calendar, name="council_calendar"),
    path("councils/<slug:slug>/calendar.ics", views.council_calendar_ics, name="council_calendar_ics"),
]
