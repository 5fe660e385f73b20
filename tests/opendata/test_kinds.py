"""The process kinds in the downloads: jury aggregates, anonymous ballots, lotteries and initiatives, each only once
its page publishes it, and never a person."""

import io

import pytest

from samen.algorithms.ballot_files import read_ballot_rows
from samen.budgets.models import BudgetBallot
from samen.opendata.build import build
from samen.processes.models import Process
from samen.votes.models import Ballot
from tests.budgets.conftest import budget_at, proposals_of
from tests.factories import UserFactory
from tests.initiatives.conftest import census, initiative_at, kind  # noqa: F401 (fixtures)
from tests.opendata.test_build import all_bytes, read_json
from tests.panels.conftest import QUOTAS, lottery_at
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db


def test_the_jurys_aggregates_appear_with_the_published_shortlist_and_not_before():
    running = shortlist_at("vote")
    unpublished = shortlist_at("vote", published=False)

    build()

    rows = read_json("results")["tables"]["jury_aggregates"]
    assert [(r["idea_id"], r["jury_score"], r["jury_size"]) for r in rows] == [
        (idea.pk, score, 3) for idea, score in zip(ideas_of(running), ["8", "7", "7"], strict=False)
    ]
    assert unpublished.process_id not in {r["process_id"] for r in rows}
    assert read_json("results")["tables"]["votes"] == []  # the vote runs: no result yet


def test_the_ballots_are_those_of_the_published_recount_files(client):
    ended = shortlist_at("ended", max_choices=2)
    first, second, *_ = ideas_of(ended)
    for chosen in ([first], [first, second], [second]):
        Ballot.objects.create(shortlist=ended, voter=UserFactory()).entries.set(ended.entries.filter(idea__in=chosen))
    closed = budget_at("closed")
    trees, fountain, _stand = proposals_of(closed)
    BudgetBallot.objects.create(budget=closed, voter=UserFactory()).proposals.set([trees, fountain])
    BudgetBallot.objects.create(budget=closed, paper_reference="P-7").proposals.set([fountain])
    running = shortlist_at("vote")
    Ballot.objects.create(shortlist=running, voter=UserFactory()).entries.set(running.entries.all()[:1])

    build()

    tables = read_json("ballots")["tables"]
    csv_text = client.get(f"/en/processes/{ended.process.slug}/results/ballots.csv").content.decode()
    assert [(r["ballot"], set(r["idea_ids"].split(" "))) for r in tables["vote_ballots"]] == [
        (row.ballot, set(row.choices)) for row in read_ballot_rows(io.StringIO(csv_text))
    ]
    pb = client.get(f"/en/processes/{closed.process.slug}/budget/ballots.pb").content.decode()
    published = [line.split(";") for line in pb.split("VOTES\n", 1)[1].splitlines()[1:]]
    assert [(str(r["ballot"]), r["proposal_ids"], r["voting_method"]) for r in tables["budget_ballots"]] == [
        tuple(line) for line in published
    ]
    assert {r["process_id"] for r in tables["vote_ballots"]} == {ended.process_id}
    assert b"P-7" not in all_bytes()


def test_a_drawn_lottery_appears_under_pseudonyms_and_an_unfrozen_one_without_its_pool(manager):
    drawn = lottery_at("drawn", manager)
    answered = lottery_at("answered", manager)
    hidden = lottery_at("answered", manager)
    Process.objects.filter(pk=hidden.process_id).update(status=Process.Status.DRAFT)

    build()

    tables = read_json("lotteries")["tables"]
    assert [(r["process_id"], r["volunteers"]) for r in tables["lotteries"]] == [
        (drawn.process_id, 12),
        (answered.process_id, 12),
    ]
    assert {r["process_id"] for r in tables["pools"]} == {drawn.process_id}
    assert sum(r["volunteers"] for r in tables["pools"] if r["category"] == "gender") == 12
    assert {(r["category"], r["value"]): (r["minimum"], r["maximum"]) for r in tables["quotas"]} == QUOTAS
    assert sum(r["selected"] for r in tables["probabilities"]) == 4
    assert abs(sum(r["probability"] for r in tables["panels"]) - 1) < 1e-6
    everything = all_bytes()
    assert b"Volunteer" not in everything  # first names never
    assert b"Rue " not in everything  # nor addresses


def test_public_initiatives_appear_with_their_counts_and_drafts_do_not(kind, census, manager):  # noqa: F811
    transmitted = initiative_at("transmitted", kind=kind, census=census, manager=manager)
    draft = initiative_at("draft", kind=kind, census=census, manager=manager)

    build()

    rows = read_json("initiatives")["tables"]["initiatives"]
    assert [(r["id"], r["status"], r["signatures"], r["threshold"]) for r in rows] == [
        (transmitted.pk, "transmitted", 3, 3)
    ]
    assert rows[0]["council_deadline"] is not None
    assert draft.pk not in {r["id"] for r in rows}
    everything = all_bytes()
    for signature in transmitted.signatures.all():
        assert signature.digest.encode() not in everything
