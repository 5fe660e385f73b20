""" "My participation" (issue 16): everything a signed-in resident did and what became of it, on one page.

Each app that holds what a person did has a `participation.py` (found as `privacy.py` is) with
`sections(user) -> list[Section]`: its own entries, with their status in words and the next step the resident can
still take, until when. The hub knows no app: it asks each in the order of INSTALLED_APPS. Only the person's own
rows are read (by their account), so the page shows nobody else's ballot."""

from dataclasses import dataclass, field
from datetime import datetime
from types import ModuleType

from samen.common.discovery import app_submodules


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    status: str = ""  # what became of it, in words
    detail: str = ""  # what the person chose or wrote (a ballot's choices): shown only to them
    next_step: str = ""  # what the person can still do...
    until: datetime | None = None  # ...until this instant (shown in Brussels time)
    title_language: str = ""  # the `lang` of the title when it is someone's own text


@dataclass(frozen=True)
class Section:
    name: str
    entries: list[Entry] = field(default_factory=list)


def app_modules() -> tuple[ModuleType, ...]:
    return app_submodules("participation")


def sections(user) -> list[Section]:
    """Every app's sections that hold something, in the apps' order."""
    return [section for module in app_modules() for section in module.sections(user) if section.entries]
