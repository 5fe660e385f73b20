"""Meetings as iCalendar (RFC 5545) with the `icalendar` library: one stable UID per meeting (its uuid @ the site's
domain), a SEQUENCE that goes up with each change a calendar shows, times in UTC, STATUS:CANCELLED when cancelled."""

from collections.abc import Iterable
from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from samen.common.mail import absolute
from samen.meetings.models import Meeting

PRODID = "-//Samen//Meetings//EN"


def uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@{urlsplit(settings.SITE_URL).hostname}"


def event(meeting: Meeting, *, stamp) -> Event:
    item = Event()
    item.add("uid", uid(meeting))
    item.add("dtstamp", stamp)
    item.add("sequence", meeting.sequence)
    item.add("last-modified", meeting.updated_at.astimezone(UTC))
    item.add("dtstart", meeting.starts_at.astimezone(UTC))
    item.add("dtend", meeting.ends_at.astimezone(UTC))
    item.add("summary", meeting.title)
    item.add("description", meeting.agenda)
    location = ", ".join(part for part in (meeting.address, meeting.online_link) if part)
    item.add("location", location)
    if meeting.latitude is not None and meeting.longitude is not None:
        item.add("geo", (meeting.latitude, meeting.longitude))
    item.add("url", absolute(meeting.get_absolute_url()))
    item.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    return item


def calendar(meetings: Iterable[Meeting], *, name: str) -> bytes:
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(UTC)
    for meeting in meetings:
        feed.add_component(event(meeting, stamp=stamp))
    return feed.to_ical()
