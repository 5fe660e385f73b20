"""The instant the phase rules compare with: now, except while the demo loader replays a process's past.

Services check "may this be done now?"; a demo of a finished process replays each step at the date it happened,
through the same services and checks, instead of writing rows behind their back.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.utils import timezone

_replayed: ContextVar[datetime | None] = ContextVar("samen_replayed_instant", default=None)


def now() -> datetime:
    return _replayed.get() or timezone.now()


def today() -> date:
    """The day in Brussels (the site's time zone), not in UTC: between midnight and 1 or 2 a.m. they differ."""
    return timezone.localdate(now())


@contextmanager
def replaying(instant: datetime) -> Iterator[None]:
    token = _replayed.set(instant)
    try:
        yield
    finally:
        _replayed.reset(token)
