"""Vote and budget results in the downloads: as their pages publish them, and only once they do."""

import pytest
from django.core.files.storage import default_storage

from samen.opendata.build import build
from samen.votes.models import Ballot
from tests.budgets.conftest import budget_at
from tests.factories import UserFactory
from tests.opendata.test_build import read_json
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db


def test_an_ended_vote_appears_with_its_tallies_and_winners_and_a_running_one_does_not():
    ended = shortlist_at("ended")
    first, second, _third, _fourth = ideas_of(ended)
    for chosen in ([first], [second], [first], [first]):
        Ballot.objects.create(shortlist=ended, voter=UserFactory()).entries.set(ended.entries.filter(idea__in=chosen))
    running = shortlist_at("vote")

    build()

    rows = read_json("results")["tables"]["votes"]
    assert [(r["idea_id"], r["votes"], r["rank"]) for r in rows] == [
        (first.pk, 3, 1),
        (second.pk, 1, 2),
        (_third.pk, 0, 3),
    ]
    assert rows[0]["winner"] is True
    assert rows[0]["idea_title"] == first.title
    assert {r["process_id"] for r in rows} == {ended.process_id}
    assert running.process_id not in {r["process_id"] for r in rows}
    assert b"juror" not in default_storage.open("opendata/results.json", "rb").read()


def test_a_closed_budget_appears_with_its_funded_projects_and_an_open_one_does_not():
    closed = budget_at("closed")
    open_ballot = budget_at("ballot")

    build()

    rows = read_json("results")["tables"]["budgets"]
    assert [r["title_en"] for r in rows] == ["Trees on the square", "A water fountain", "A repair stand"]
    assert {r["process_id"] for r in rows} == {closed.process_id}
    assert open_ballot.process_id not in {r["process_id"] for r in rows}
    assert [r["cost"] for r in rows] == [60_000, 30_000, 20_000]
    assert not {"author", "author_id", "association"} & rows[0].keys()
