"""The cast every test shares: a Laeken resident, an outsider from Ixelles, a moderator, a process manager;
and processes caught in a given phase."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.test import override_settings
from django.utils import timezone, translation

from samen.accounts.models import User
from samen.common import branding
from samen.common.replica import REPLICA
from tests.factories import IdeaFactory, PhaseFactory, ProcessFactory, ThemeFactory, UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """The local-memory cache outlives a test's database: every test starts with none."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def branding_in_cache(request, empty_cache):
    """A running site reads its branding once and keeps it in the cache until an administrator changes it
    (common/branding.py): so do tests with a database, whose query counts are about the page itself."""
    if request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")
    elif not {"db", "transactional_db"} & set(request.fixturenames):
        return
    else:
        request.getfixturevalue("transactional_db" if "transactional_db" in request.fixturenames else "db")
    branding.current()
    _strategy_domains()


def _strategy_domains():
    """The strategy's domains, which a migration loads and which a running site always has; a transactional test
    (a browser journey, a race) empties every table when it ends: give them back to the tests after it."""
    from samen.city.models import Domain
    from samen.city.strategy import load_domains

    if not Domain.objects.exists():
        load_domains(Domain)


@pytest.fixture(autouse=True)
def english_unless_told():
    """A request to /nl/ or /fr/ leaves its language active in the thread: start every test in English."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """With a replica (DATABASE_REPLICA_URL), the test database made on the primary streams to the replica: point
    the replica alias at that copy on the replica server (Django had made it a mirror: the primary itself)."""
    if REPLICA in settings.DATABASES:
        with django_db_blocker.unblock():
            replica = connections[REPLICA]
            replica.close()
            test_name = connections[DEFAULT_DB_ALIAS].settings_dict["NAME"]
            replica.settings_dict = {**connections.settings[REPLICA], "NAME": test_name}
            _wait_until_the_replica_has_the_test_database(replica)
    yield
    if REPLICA in settings.DATABASES:
        connections[REPLICA].close()


def _wait_until_the_replica_has_the_test_database(replica, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            replica.ensure_connection()
            return
        except OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture(autouse=True)
def reads_on_the_primary_unless_the_test_is_about_the_replica(request):
    """Tests write inside a transaction that the replica never sees: only the replica's own tests read from it."""
    if REPLICA in settings.DATABASES and "replica" not in request.keywords:
        with override_settings(SAMEN_REPLICA_READS=False):
            yield
    else:
        yield


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
