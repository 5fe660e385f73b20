"""The managers' pages, outside the admin: plan a meeting (of a process, a council or the platform), change it,
call it off, and publish its minutes and decisions. Bad input comes back with its errors (422), nothing saved."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samen.common.http import INVALID, require
from samen.meetings import queries, services
from samen.meetings.forms import MeetingForm, MinutesForm
from samen.meetings.models import Meeting
from samen.panels.models import Council
from samen.processes.models import Process


def _managed(request, pk: int) -> Meeting:
    require(request, "meetings.manage_meetings")
    return get_object_or_404(Meeting.objects.select_related("process", "council"), pk=pk)


def _meeting_form(request, form: MeetingForm, *, template_context: dict, success: str):
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.save_meeting(meeting=form.instance, by=request.user, fields=form.changed_data)
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                messages.success(request, success)
                return redirect(saved)
        return render(request, "meetings/meeting_form.html", {"form": form, **template_context}, status=INVALID)
    return render(request, "meetings/meeting_form.html", {"form": form, **template_context})


@login_required
def new_meeting(request):
    """A new meeting; `?process=<slug>` or `?council=<slug>` (the calendars' links) chooses its owner."""
    require(request, "meetings.manage_meetings")
    initial = {}
    if request.GET.get("process"):
        initial["process"] = get_object_or_404(Process, slug=request.GET["process"])
    elif request.GET.get("council"):
        initial["council"] = get_object_or_404(Council, slug=request.GET["council"])
    form = MeetingForm(request.POST or None, initial=initial)
    return _meeting_form(
        request, form, template_context={"meeting": None}, success=_("The meeting is published in the calendar.")
    )


@login_required
def edit_meeting(request, pk):
    found = _managed(request, pk)
    form = MeetingForm(request.POST or None, instance=found)
    return _meeting_form(
        request,
        form,
        template_context={"meeting": Meeting.objects.get(pk=found.pk)},
        success=_("The meeting is changed; calendars that subscribed show the change."),
    )


@login_required
def cancel_meeting(request, pk):
    """A GET asks for confirmation (how many people will be told); the POST calls the meeting off."""
    found = _managed(request, pk)
    places = queries.places(found) if found.has_registration else None
    context = {"meeting": found, "places": places}
    if request.method == "POST":
        try:
            services.cancel_meeting(meeting=found, by=request.user)
        except ValidationError as refusal:
            context["refusal"] = refusal.messages[0]
            return render(request, "meetings/cancel_meeting.html", context, status=INVALID)
        messages.success(request, _("The meeting is cancelled; everyone registered or waiting is told by e-mail."))
        return redirect(found)
    return render(request, "meetings/cancel_meeting.html", context)


@login_required
def minutes(request, pk):
    found = _managed(request, pk)
    initial = {
        f"{name}_{language}": getattr(found, f"{name}_{language}")
        for name in ("minutes", "decisions")
        for language in ("nl", "fr", "en")
    }
    form = MinutesForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.publish_minutes(
                    meeting=found, minutes=form.texts("minutes"), decisions=form.texts("decisions"), by=request.user
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                messages.success(request, _("The minutes are published."))
                return redirect(found)
        return render(request, "meetings/minutes_form.html", {"form": form, "meeting": found}, status=INVALID)
    return render(request, "meetings/minutes_form.html", {"form": form, "meeting": found})
