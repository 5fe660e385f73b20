"""Anonymous pages read the PostgreSQL streaming replica; whoever writes reads the primary (needs
DATABASE_REPLICA_URL: scripts/start_replica.sh starts a replica of the local primary, as .ci/run does)."""

import os
import time
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.models import Session
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from samen.common import replica as replica_routing
from samen.common.replica import PIN_COOKIE, REPLICA, ReplicaReadsMiddleware
from samen.ideas.models import Idea
from samen.votes.models import Ballot, Result
from tests.factories import IdeaFactory, UserFactory
from tests.ideas.test_views import _form
from tests.votes.conftest import ideas_of, shortlist_at

if REPLICA not in settings.DATABASES:
    if os.environ.get("SAMEN_REQUIRE_REPLICA"):
        pytest.fail("SAMEN_REQUIRE_REPLICA is set but DATABASE_REPLICA_URL is not (scripts/start_replica.sh)")
    pytest.skip("no replica: set DATABASE_REPLICA_URL (scripts/start_replica.sh starts one)", allow_module_level=True)

pytestmark = [pytest.mark.replica, pytest.mark.django_db(transaction=True, databases=[DEFAULT_DB_ALIAS, REPLICA])]


@pytest.fixture(autouse=True)
def replica_replaying():
    yield
    _sql(REPLICA, "SELECT pg_wal_replay_resume()")  # whatever a test did, the replica replays again


def _sql(alias, query):
    with connections[alias].cursor() as cursor:
        cursor.execute(query)
        return cursor.fetchone()


def _replica_caught_up(seconds=30):
    """Wait until the replica has replayed everything the primary committed so far."""
    (target,) = _sql(DEFAULT_DB_ALIAS, "SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + seconds
    while not _sql(REPLICA, f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn")[0]:
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.05)


@contextmanager
def replica_lagging():
    """The replica stops replaying (as if it lagged) until the block ends: what is written meanwhile is not there."""
    _replica_caught_up()
    _sql(REPLICA, "SELECT pg_wal_replay_pause()")
    try:
        yield
    finally:
        _sql(REPLICA, "SELECT pg_wal_replay_resume()")


def test_the_replica_alias_is_the_streaming_standby_holding_the_test_database():
    in_recovery, port, name = _sql(REPLICA, "SELECT pg_is_in_recovery(), inet_server_port(), current_database()")

    assert in_recovery is True
    assert port == int(settings.DATABASES[REPLICA]["PORT"]) != int(settings.DATABASES[DEFAULT_DB_ALIAS]["PORT"] or 5432)
    assert name == connections[DEFAULT_DB_ALIAS].settings_dict["NAME"]


def test_an_anonymous_visitor_reads_the_process_page_from_the_replica(client, open_process, resident, settings):
    settings.SAMEN_PAGE_CACHE = False  # a page to be stored is read from the primary (next test)
    IdeaFactory(process=open_process, theme=open_process.themes.first(), author=resident, title="Replicated idea")
    with replica_lagging():
        IdeaFactory(process=open_process, theme=open_process.themes.first(), author=resident, title="Not yet there")

        with CaptureQueriesContext(connections[REPLICA]) as on_replica:
            page = client.get(open_process.get_absolute_url()).content.decode()

    assert "Replicated idea" in page
    assert "Not yet there" not in page  # written after the replica stopped replaying: read from the replica
    assert on_replica.captured_queries
    assert all(query["sql"].lstrip().upper().startswith("SELECT") for query in on_replica.captured_queries)


def test_a_page_stored_for_anonymous_visitors_is_never_one_a_lagging_replica_made(client, open_process, resident):
    with replica_lagging():
        IdeaFactory(process=open_process, theme=open_process.themes.first(), author=resident, title="Posted just now")
        first = client.get(open_process.get_absolute_url()).content.decode()
    _replica_caught_up()

    later = client.__class__().get(open_process.get_absolute_url()).content.decode()

    # the page stored by the first visit is served for minutes: it must already hold the idea
    assert "Posted just now" in first
    assert "Posted just now" in later


def test_whoever_posts_an_idea_sees_it_at_once_even_while_the_replica_lags(client, open_process, resident):
    client.force_login(resident)

    with replica_lagging():
        response = client.post(reverse("ideas:create", args=[open_process.slug]), _form(open_process))
        own_page = client.get(response["Location"])
        process_page = client.get(open_process.get_absolute_url()).content.decode()

    assert response.status_code == 302
    assert own_page.status_code == 200
    assert "Benches on Place Bockstael" in process_page


def test_after_signing_out_the_author_still_reads_the_primary_for_a_while_and_others_the_replica(
    client, open_process, resident, settings
):
    settings.SAMEN_PAGE_CACHE = False  # pages to be stored come from the primary anyway
    client.force_login(resident)
    other_visitor = client.__class__()

    with replica_lagging():
        client.post(reverse("ideas:create", args=[open_process.slug]), _form(open_process, title="Trees in Rue Haute"))
        signed_out = client.post(reverse("account_logout"))
        author_sees = client.get(open_process.get_absolute_url()).content.decode()
        stranger_sees = other_visitor.get(open_process.get_absolute_url()).content.decode()

    assert signed_out.cookies[PIN_COOKIE]["max-age"] == settings.SAMEN_REPLICA_PIN_SECONDS
    assert "Trees in Rue Haute" in author_sees
    assert "Trees in Rue Haute" not in stranger_sees  # the replica lags; the stranger gets it once it replays


def test_a_signed_in_persons_request_reads_and_writes_the_primary_only(client, idea, outsider):
    client.force_login(outsider)

    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        client.get(idea.get_absolute_url())
        client.post(reverse("ideas:follow", args=[idea.pk]))

    assert on_replica.captured_queries == []
    assert idea.follows.filter(follower=outsider).exists()


def test_when_the_replica_does_not_answer_anonymous_pages_read_the_primary(client, idea):
    replica = connections[REPLICA]
    reachable = replica.settings_dict
    replica.close()
    replica.settings_dict = {**reachable, "PORT": "1", "OPTIONS": {"connect_timeout": 1}}  # nothing listens there
    try:
        response = client.get(idea.get_absolute_url())
    finally:
        replica.settings_dict = reachable
        replica_routing._replica_down_until = 0.0  # the next test tries the replica again at once

    assert response.status_code == 200
    assert idea.title in response.content.decode()


def test_a_vote_counted_at_an_anonymous_visit_counts_the_ballots_the_replica_has_not_replayed(client):
    shortlist = shortlist_at("ended")
    first, second = ideas_of(shortlist)[:2]
    Ballot.objects.create(shortlist=shortlist, voter=UserFactory()).entries.set(shortlist.entries.filter(idea=first))
    with replica_lagging():
        for _voter in range(2):  # cast before the end, but not yet replayed on the replica
            ballot = Ballot.objects.create(shortlist=shortlist, voter=UserFactory())
            ballot.entries.set(shortlist.entries.filter(idea=second))

        page = client.get(reverse("votes:results", args=[shortlist.process.slug]))

    tallies = Result.objects.get().outcome["tallies"]
    assert page.status_code == 200
    assert (tallies[str(first.pk)], tallies[str(second.pk)]) == (1, 2)


def test_in_an_anonymous_request_sessions_and_the_task_queue_stay_on_the_primary(rf):
    routed = {}

    def view(request):
        routed.update({model._meta.label: router.db_for_read(model) for model in (Idea, Session, DBTaskResult)})
        return HttpResponse()

    request = rf.get("/")
    request.user = AnonymousUser()
    ReplicaReadsMiddleware(view)(request)

    assert routed == {
        "ideas.Idea": REPLICA,
        "sessions.Session": DEFAULT_DB_ALIAS,
        "django_tasks_database.DBTaskResult": DEFAULT_DB_ALIAS,
    }


def test_outside_a_request_the_task_worker_and_commands_read_the_primary(idea):
    assert Idea.objects.all().db == DEFAULT_DB_ALIAS
    assert Idea.objects.get(pk=idea.pk) == idea
