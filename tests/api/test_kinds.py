"""The process kinds in the API: votes, budgets, lotteries, initiatives. Each answers exactly when, and what, its page
and its downloads publish to an anonymous visitor; before that, 404 or null."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date

from samen.algorithms.ballot_files import read_ballot_rows
from samen.budgets.models import BudgetBallot, BudgetResult
from samen.processes.models import Process
from samen.votes.models import Ballot, JuryMember, Review
from tests.budgets.conftest import budget_at, proposals_of
from tests.factories import UserFactory
from tests.initiatives.conftest import census, initiative_at, kind  # noqa: F401 (fixtures)
from tests.panels.conftest import QUOTAS, lottery_at
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db


def vote(shortlist, *chosen):
    Ballot.objects.create(shortlist=shortlist, voter=UserFactory()).entries.set(
        shortlist.entries.filter(idea__in=chosen)
    )


@pytest.fixture
def ended():
    shortlist = shortlist_at("ended")
    first, second, _third, _fourth = ideas_of(shortlist)
    for chosen in (first, second, first):
        vote(shortlist, chosen)
    return shortlist


def test_an_ended_vote_with_the_jurys_aggregates_its_result_and_ties(client, check, ended):
    first, second, third, _fourth = ideas_of(ended)
    slug = ended.process.slug

    data = check(client.get(f"/api/v1/votes/{slug}"), "/api/v1/votes/{slug}")

    assert [(e["idea"], e["jury_score"], e["jurors"]) for e in data["shortlist"]] == [
        (first.pk, "8", 3),
        (second.pk, "7", 3),
        (third.pk, "7", 3),
    ]
    assert data["shortlist"][0]["motivation"] == {"nl": "Goed", "fr": "Bon", "en": "Good"}
    result = data["result"]
    assert result["ballots"] == 3
    assert [(r["idea"], r["votes"], r["winner"]) for r in result["ranking"]] == [
        (first.pk, 2, True),
        (second.pk, 1, True),
        (third.pk, 0, False),
    ]
    assert result["tie_break"]["seed"] == ended.lottery_seed
    assert data["url"].endswith(f"/processes/{slug}/results/")


def test_no_juror_and_no_individual_review_in_a_vote(client, ended):
    juror = UserFactory(email="jan.juror@example.org", display_name="Jan Juror")
    JuryMember.objects.create(shortlist=ended, member=juror)
    Review.objects.create(shortlist=ended, idea=ideas_of(ended)[0], juror=juror, comment="A private remark")

    body = client.get(f"/api/v1/votes/{ended.process.slug}").content.decode()

    for secret in ("jan.juror@example.org", "Jan Juror", "A private remark"):
        assert secret not in body


def test_a_running_vote_shows_its_shortlist_but_no_result_nor_ballots(client, check):
    running = shortlist_at("vote")
    vote(running, ideas_of(running)[0])
    slug = running.process.slug

    data = check(client.get(f"/api/v1/votes/{slug}"), "/api/v1/votes/{slug}")

    assert data["result"] is None
    assert len(data["shortlist"]) == 3
    assert client.get(f"/api/v1/votes/{slug}/ballots").status_code == 404


def test_an_unpublished_shortlist_or_a_draft_process_is_not_found(client):
    unpublished = shortlist_at("vote", published=False)
    assert client.get(f"/api/v1/votes/{unpublished.process.slug}").status_code == 404
    drafted = shortlist_at("ended")
    Process.objects.filter(pk=drafted.process_id).update(status=Process.Status.DRAFT)
    assert client.get(f"/api/v1/votes/{drafted.process.slug}").status_code == 404
    assert client.get("/api/v1/votes").json()["count"] == 0


def test_the_ballots_of_a_vote_are_those_of_the_published_csv(client, check, ended):
    slug = ended.process.slug
    data = check(client.get(f"/api/v1/votes/{slug}/ballots"), "/api/v1/votes/{slug}/ballots")

    published = client.get(f"/en/processes/{slug}/results/ballots.csv").content.decode()
    rows = read_ballot_rows(io.StringIO(published))
    assert [(b["ballot"], {str(c) for c in b["choices"]}) for b in data["results"]] == [
        (row.ballot, set(row.choices)) for row in rows
    ]
    assert data["count"] == 3


def test_votes_are_listed(client, check, ended):
    running = shortlist_at("vote")
    data = check(client.get("/api/v1/votes"), "/api/v1/votes")
    assert data["count"] == 2
    assert {v["process"]: v["result"] is not None for v in data["results"]} == {
        ended.process.slug: True,
        running.process.slug: False,
    }


@pytest.fixture
def closed():
    budget = budget_at("closed")
    trees, fountain, stand = proposals_of(budget)
    for chosen in ([trees], [trees, stand], [fountain]):
        BudgetBallot.objects.create(budget=budget, voter=UserFactory()).proposals.set(chosen)
    BudgetBallot.objects.create(budget=budget, paper_reference="P-1").proposals.set([stand])
    return budget


def test_a_closed_budget_with_its_result_by_both_rules(client, check, closed):
    slug = closed.process.slug
    trees, fountain, stand = proposals_of(closed)

    data = check(client.get(f"/api/v1/budgets/{slug}"), "/api/v1/budgets/{slug}")

    result = data["result"]
    assert result["ballots"] == 4
    assert result["paper_ballots"] == 1
    assert data["amount"] == 100_000
    assert [(p["id"], p["votes"], p["cost"]) for p in result["projects"]] == [
        (trees.pk, 2, 60_000),
        (stand.pk, 2, 20_000),
        (fountain.pk, 1, 30_000),
    ]
    assert set(result["greedy_winners"]) == {p["id"] for p in result["projects"] if p["funded_by_greedy"]}
    assert set(result["winners"]) == {p["id"] for p in result["projects"] if p["funded"]}
    assert result["projects"][0]["title"]["nl"] == "Trees on the square"
    counted = BudgetResult.objects.get(budget=closed).counted_at
    assert client.get(f"/api/v1/budgets/{slug}")["Last-Modified"] == http_date(int(counted.timestamp()))


def test_the_ballots_of_a_budget_are_those_of_the_published_pb_file(client, check, closed):
    slug = closed.process.slug
    data = check(client.get(f"/api/v1/budgets/{slug}/ballots"), "/api/v1/budgets/{slug}/ballots")

    pb = client.get(f"/en/processes/{slug}/budget/ballots.pb").content.decode()
    votes = pb.split("VOTES\n", 1)[1].splitlines()[1:]
    published = [line.split(";") for line in votes]  # voter_id;vote;voting_method
    assert [(str(b["ballot"]), ",".join(map(str, b["projects"])), b["voting_method"]) for b in data["results"]] == [
        (voter, chosen, method) for voter, chosen, method in published
    ]
    body = client.get(f"/api/v1/budgets/{slug}/ballots").content.decode()
    assert "P-1" not in body


def test_an_open_budget_has_no_result_and_no_ballots(client, check):
    open_ballot = budget_at("ballot")
    slug = open_ballot.process.slug
    assert check(client.get(f"/api/v1/budgets/{slug}"), "/api/v1/budgets/{slug}")["result"] is None
    assert client.get(f"/api/v1/budgets/{slug}/ballots").status_code == 404
    Process.objects.filter(pk=open_ballot.process_id).update(status=Process.Status.DRAFT)
    assert client.get(f"/api/v1/budgets/{slug}").status_code == 404


def test_budgets_are_listed(client, check, closed):
    assert check(client.get("/api/v1/budgets"), "/api/v1/budgets")["count"] == 1


def test_a_drawn_lottery_with_its_pool_quotas_and_draw_under_pseudonyms(client, check, manager):
    drawn = lottery_at("drawn", manager)
    slug = drawn.process.slug

    data = check(client.get(f"/api/v1/lotteries/{slug}"), "/api/v1/lotteries/{slug}")

    assert data["volunteers"] == 12
    assert sum(s["volunteers"] for s in data["pool"] if s["category"] == "gender") == 12
    assert {(q["category"], q["value"]): (q["minimum"], q["maximum"]) for q in data["quotas"]} == QUOTAS
    draw = data["draw"]
    assert len(draw["panel"]) == 4
    assert abs(sum(p["probability"] for p in draw["probabilities"]) - 4) < 1e-6
    body = client.get(f"/api/v1/lotteries/{slug}").content.decode()
    assert "Volunteer" not in body  # first names never
    assert "Rue " not in body  # nor addresses
    assert set(draw["panel"]) <= {p["id"] for p in draw["probabilities"]}
    drawn.refresh_from_db()
    assert client.get(f"/api/v1/lotteries/{slug}")["Last-Modified"] == http_date(int(drawn.drawn_at.timestamp()))


def test_before_the_freeze_a_lottery_shows_no_pool_and_no_draw(client, check, manager):
    answered = lottery_at("answered", manager)
    data = check(client.get(f"/api/v1/lotteries/{answered.process.slug}"), "/api/v1/lotteries/{slug}")
    assert data["pool"] == []
    assert data["quotas"] == []
    assert data["draw"] is None
    assert "Last-Modified" not in client.get(f"/api/v1/lotteries/{answered.process.slug}")
    Process.objects.filter(pk=answered.process_id).update(status=Process.Status.DRAFT)
    assert client.get(f"/api/v1/lotteries/{answered.process.slug}").status_code == 404
    assert check(client.get("/api/v1/lotteries"), "/api/v1/lotteries")["count"] == 0


def test_a_transmitted_initiative_with_its_clock_and_count(client, check, kind, census, manager):  # noqa: F811
    transmitted = initiative_at("transmitted", kind=kind, census=census, manager=manager)

    data = check(client.get(f"/api/v1/initiatives/{transmitted.pk}"), "/api/v1/initiatives/{pk}")

    assert data["status"] == "transmitted"
    assert data["signatures"] == 3
    assert data["threshold"] == 3
    assert data["council_deadline"] is not None
    assert data["kind"]["council_months"] == 12
    body = client.get(f"/api/v1/initiatives/{transmitted.pk}").content.decode()
    for signature in transmitted.signatures.select_related("user"):
        assert signature.digest not in body
        assert signature.user.email not in body


def test_a_draft_or_submitted_initiative_is_not_found(client, check, kind, census, manager):  # noqa: F811
    draft = initiative_at("draft", kind=kind, census=census, manager=manager)
    submitted = initiative_at("submitted", kind=kind, census=census, manager=manager)
    collecting = initiative_at("collecting", kind=kind, census=census, manager=manager)
    assert client.get(f"/api/v1/initiatives/{draft.pk}").status_code == 404
    assert client.get(f"/api/v1/initiatives/{submitted.pk}").status_code == 404
    listed = check(client.get("/api/v1/initiatives"), "/api/v1/initiatives")
    assert [i["id"] for i in listed["results"]] == [collecting.pk]
    assert check(client.get("/api/v1/initiatives?status=collecting"), "/api/v1/initiatives")["count"] == 1
    assert client.get("/api/v1/initiatives?status=draft").status_code == 422


def _queries(client, url: str) -> int:
    assert client.get(url).status_code == 200  # the first asker after a vote's end has it counted, once
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_each_new_list_costs_the_same_queries_for_one_item_and_three(client, manager, kind, census):  # noqa: F811
    def add_one():
        shortlist = shortlist_at("ended")
        vote(shortlist, ideas_of(shortlist)[0])
        budget = budget_at("closed")
        BudgetBallot.objects.create(budget=budget, voter=UserFactory()).proposals.set(proposals_of(budget)[:1])
        lottery_at("drawn", manager)
        initiative_at("collecting", kind=kind, census=census, manager=manager)
        return shortlist, budget

    shortlist, budget = add_one()
    lists = ["/api/v1/votes", "/api/v1/budgets", "/api/v1/lotteries", "/api/v1/initiatives"]
    ballots = [f"/api/v1/votes/{shortlist.process.slug}/ballots", f"/api/v1/budgets/{budget.process.slug}/ballots"]
    one = {url: _queries(client, url) for url in lists + ballots}
    add_one()
    add_one()
    for _ in range(2):  # a vote and a budget counted with one ballot: two more, as if kept from before the count
        vote(shortlist, ideas_of(shortlist)[1])
        BudgetBallot.objects.create(budget=budget, voter=UserFactory()).proposals.set(proposals_of(budget)[1:])
    three = {url: _queries(client, url) for url in lists + ballots}
    assert three == one
    assert [client.get(url).json()["count"] for url in lists + ballots] == [3, 3, 3, 3, 3, 3]
