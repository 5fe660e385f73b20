"""A meeting's page with the register and cancel buttons (plain POST forms), the calendars of the platform, a
process and a council, and their iCalendar feeds; a registrant's calendar file for one meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samen.accounts.verification import is_verified
from samen.common.http import INVALID, require
from samen.meetings import ical, queries, services
from samen.meetings.models import Meeting, Registration
from samen.panels.models import Council
from samen.processes.views import get_visible_process


def _meeting(request, pk: int) -> Meeting:
    return get_object_or_404(queries.visible(request.user), pk=pk)


def meeting(request, pk, status=200):
    found = _meeting(request, pk)
    mine = None
    if request.user.is_authenticated:
        mine = Registration.objects.filter(meeting=found, person=request.user).first()
    may_manage = request.user.has_perm("meetings.manage_meetings", found)
    context = {
        "meeting": found,
        "registration": mine,
        "places": queries.places(found) if found.has_registration else None,
        "may_register": request.user.has_perm("meetings.register", found),
        "may_manage": may_manage,
        "registrants": queries.registrants(found) if may_manage and found.has_registration else None,
    }
    return render(request, "meetings/meeting.html", context, status=status)


@login_required
@require_POST
def register(request, pk):
    found = _meeting(request, pk)
    if found.verified_only and not is_verified(request.user):
        raise PermissionDenied(_("Only residents who verified their account may register for this meeting."))
    require(request, "meetings.register", found)
    try:
        registration = services.register(meeting=found, person=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return meeting(request, pk, status=INVALID)
    if registration.status == Registration.Status.REGISTERED:
        messages.success(request, _("You are registered. A reminder comes by e-mail the day before."))
    else:
        messages.success(
            request, _("The meeting is full: you are on the waiting list, and told by e-mail if a place frees up.")
        )
    return redirect(found)


@login_required
@require_POST
def cancel(request, pk):
    found = _meeting(request, pk)
    try:
        services.cancel_registration(meeting=found, person=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return meeting(request, pk, status=INVALID)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(found)


def _calendar_page(request, meetings, *, heading: str, feed_url: str, owner=None, owner_query: str = ""):
    coming, past = queries.split(meetings)
    new_url = reverse("meetings:new") + owner_query if request.user.has_perm("meetings.manage_meetings") else ""
    context = {
        "coming": coming,
        "past": past,
        "heading": heading,
        "feed_url": feed_url,
        "owner": owner,
        "new_url": new_url,
    }
    return render(request, "meetings/calendar.html", context)


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar(request):
    meetings = queries.visible(request.user)
    return _calendar_page(request, meetings, heading=_("Calendar"), feed_url=reverse("meetings:calendar_ics"))


def calendar_ics(request):
    return _ics(ical.calendar(queries.visible(request.user), name="Samen"), "samen.ics")


def process_calendar(request, slug):
    process = get_visible_process(request, slug)
    meetings = queries.visible(request.user).filter(process=process)
    feed = reverse("meetings:process_calendar_ics", kwargs={"slug": slug})
    return _calendar_page(
        request, meetings, heading=_("Meetings"), feed_url=feed, owner=process, owner_query=f"?process={process.slug}"
    )


def process_calendar_ics(request, slug):
    process = get_visible_process(request, slug)
    meetings = queries.visible(request.user).filter(process=process)
    return _ics(ical.calendar(meetings, name=process.title), f"{slug}.ics")


def _council(request, slug) -> Council:
    council = get_object_or_404(Council.objects.select_related("lottery__process"), slug=slug)
    if council.lottery and not request.user.has_perm("processes.view_process", council.lottery.process):
        raise Http404
    return council


def council_calendar(request, slug):
    council = _council(request, slug)
    meetings = queries.visible(request.user).filter(council=council)
    feed = reverse("meetings:council_calendar_ics", kwargs={"slug": slug})
    return _calendar_page(
        request, meetings, heading=_("Meetings"), feed_url=feed, owner=council, owner_query=f"?council={council.slug}"
    )


def council_calendar_ics(request, slug):
    council = _council(request, slug)
    meetings = queries.visible(request.user).filter(council=council)
    return _ics(ical.calendar(meetings, name=council.name), f"{slug}.ics")


def meeting_ics(request, pk):
    """One meeting's calendar file: what a registrant adds to their own calendar (the reminder links it)."""
    found = _meeting(request, pk)
    return _ics(ical.calendar([found], name=found.title), f"meeting-{found.pk}.ics")
