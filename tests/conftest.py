"""The cast every test shares: a Laeken resident, an outsider from Ixelles, a moderator, a process manager;
and processes caught in a given phase."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone, translation

from samen.accounts.models import User
from tests.factories import IdeaFactory, PhaseFactory, ProcessFactory, ThemeFactory, UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """The local-memory cache outlives a test's database: every test starts with none."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def english_unless_told():
    """A request to /nl/ or /fr/ leaves its language active in the thread: start every test in English."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def resident(db):
    return UserFactory(email="lucas@example.org", display_name="Lucas", neighbourhood_code=20)


@pytest.fixture
def outsider(db):
    return UserFactory(email="ines@example.org", display_name="Inès", neighbourhood_code=44)


@pytest.fixture
def moderator(db):
    return UserFactory(email="mod@example.org", display_name="Moderator", role=User.Role.MODERATOR)


@pytest.fixture
def manager(db):
    return UserFactory(
        email="manager@example.org", display_name="Manager", role=User.Role.PROCESS_MANAGER, is_staff=True
    )


def process_in(phase: str, kind: str = "idea_collection"):
    """A published process with two themes whose `kind` phase is 'open', 'past' or 'future' today."""
    today = timezone.localdate()
    days = {"open": (-5, 5), "past": (-20, -1), "future": (1, 20)}[phase]
    process = ProcessFactory()
    ThemeFactory(process=process, slug="mobility", name_en="Mobility", name_fr="Mobilité", name_nl="Mobiliteit")
    ThemeFactory(process=process, slug="green", name_en="Green", name_fr="Verdure", name_nl="Groen")
    PhaseFactory(
        process=process,
        kind=kind,
        first_day=today + timedelta(days=days[0]),
        last_day=today + timedelta(days=days[1]),
    )
    return process


@pytest.fixture
def open_process(db):
    return process_in("open")


@pytest.fixture
def closed_process(db):
    return process_in("past")


@pytest.fixture
def idea(open_process, resident):
    return IdeaFactory(process=open_process, theme=open_process.themes.first(), author=resident)


@pytest.fixture
def closed_idea(closed_process, resident):
    return IdeaFactory(process=closed_process, theme=closed_process.themes.first(), author=resident)
