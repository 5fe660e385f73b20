"""Meetings a test needs: in the future or the past, with registration or without."""

from datetime import timedelta

from samen.common import clock
from samen.meetings.models import Meeting


def make_meeting(*, in_days: float = 7, capacity: int | None = 20, **fields) -> Meeting:
    """A meeting `in_days` from now (negative: in the past), two hours long, at an address in Laeken."""
    starts = clock.now() + timedelta(days=in_days)
    defaults = {
        "title_nl": "Wijkvergadering Laken",
        "title_fr": "Réunion de quartier Laeken",
        "title_en": "Laeken neighbourhood meeting",
        "agenda_nl": "1. De Bockstaelplein",
        "agenda_fr": "1. La place Bockstael",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "address": "Place Émile Bockstael 1, 1020 Laeken",
        "latitude": 50.8768,
        "longitude": 4.3497,
        "capacity": capacity,
    }
    return Meeting.objects.create(**(defaults | fields))
