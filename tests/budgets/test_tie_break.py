"""The budget's tie-break is announced with the rules: the lower cost, then a public lottery on a seed drawn when the
budget is created. The count applies it, the result page names the ties it decided, and the open .pb export carries
it so that `samen pb` recounts to the same result."""

import hashlib
import json

import pytest
from django.urls import reverse

from samen.algorithms.cli import main
from samen.budgets import services
from samen.budgets.models import Budget, BudgetBallot, BudgetResult, Proposal
from tests.budgets.conftest import budget_at
from tests.factories import ProcessFactory, UserFactory

pytestmark = pytest.mark.django_db


def closed_with_tie(costs: dict[str, int], *, amount: int, **rules) -> tuple[Budget, dict[str, Proposal]]:
    """A closed ballot where every voter chose every project: the rule cannot tell them apart, only one fits."""
    budget = budget_at("closed", ballot_kind="approval", **rules)
    Budget.objects.filter(pk=budget.pk).update(amount=amount)
    budget.refresh_from_db()
    budget.proposals.all().delete()
    proposals = {
        title: Proposal.objects.create(
            budget=budget,
            title_nl=title,
            title_fr=title,
            title_en=title,
            description_nl="x",
            description_fr="x",
            estimated_cost=cost,
            cost=cost,
            status="feasible",
        )
        for title, cost in costs.items()
    }
    for _ in range(3):
        BudgetBallot.objects.create(budget=budget, voter=UserFactory()).proposals.set(proposals.values())
    return budget, proposals


def lottery_first(seed: str, *proposals: Proposal) -> Proposal:
    """As the rules say anyone can: the smaller SHA-256 of "seed:number" goes first."""
    return min(proposals, key=lambda p: hashlib.sha256(f"{seed}:{p.pk}".encode()).hexdigest())


def page(client, budget, name="budgets:result") -> str:
    return client.get(reverse(name, args=[budget.process.slug])).content.decode().replace("\xa0", " ")


@pytest.mark.parametrize("rule", ["mes-add1-greedy", "greedy"])
def test_two_tied_projects_the_cheaper_one_is_funded_and_the_page_says_why(client, rule):
    budget, proposals = closed_with_tie({"Benches": 60_000, "Bike racks": 40_000}, amount=60_000, rule=rule)

    text = page(client, budget)

    assert BudgetResult.objects.get().outcome["winners"] == [str(proposals["Bike racks"].pk)]
    assert "“Bike racks” and “Benches” were tied: “Bike racks” went first because it costs less." in text


@pytest.mark.parametrize("seed", ["Lotto 1", "Lotto 2"])
def test_equal_costs_are_decided_by_the_announced_lottery(client, seed):
    budget, proposals = closed_with_tie({"Benches": 50_000, "Bike racks": 50_000}, amount=50_000, lottery_seed=seed)
    first = lottery_first(seed, *proposals.values())
    other = next(p for p in proposals.values() if p != first)

    text = page(client, budget)

    assert BudgetResult.objects.get().outcome["winners"] == [str(first.pk)]
    assert f"“{first.title}” and “{other.title}” were tied and cost the same: the public lottery put" in text


def test_without_a_tie_the_result_page_names_none(client):
    budget, _proposals = closed_with_tie({"Benches": 50_000, "Bike racks": 50_000}, amount=100_000)

    text = page(client, budget)

    assert "Ties decided by the announced tie-break" not in text
    assert len(BudgetResult.objects.get().outcome["ties"]) == 1  # tied, but both were funded: nothing decided


def test_the_pb_export_recounts_with_samen_pb_to_the_stored_result_tie_included(client, tmp_path, capsys):
    budget, proposals = closed_with_tie({"Benches": 60_000, "Bike racks": 40_000}, amount=60_000)
    stored = page(client, budget) and BudgetResult.objects.get().outcome
    path = tmp_path / "budget.pb"
    path.write_text(page(client, budget, "budgets:export"), encoding="utf-8")

    assert main(["pb", str(path), "--rule", budget.rule, "--json"]) == 0

    recounted = json.loads(capsys.readouterr().out)
    assert recounted["winners"] == stored["winners"] == [str(proposals["Bike racks"].pk)]
    assert recounted["tie_order"] == stored["tie_order"]
    assert recounted["tie_break"] == stored["tie_break"] == {"steps": ["cost", "lottery"], "seed": budget.lottery_seed}


def test_the_rules_say_the_tie_break_and_its_seed_before_the_ballot_opens(client, ballot_budget):
    Budget.objects.filter(pk=ballot_budget.pk).update(lottery_seed="Lotto 2026-03-07")

    text = page(client, ballot_budget, "budgets:budget")

    assert (
        "when the rule cannot tell two projects apart, the cheaper one goes first; if they cost the same, "
        "a public lottery with the seed “Lotto 2026-03-07” decides." in text
    )


def test_a_new_budget_gets_its_own_seed_unless_one_is_announced():
    first = services.create_budget(process=ProcessFactory(), amount=100_000)
    second = services.create_budget(process=ProcessFactory(), amount=100_000)
    chosen = services.create_budget(process=ProcessFactory(), amount=100_000, lottery_seed="Lotto 2026-03-07")

    assert first.lottery_seed != second.lottery_seed
    assert len(first.lottery_seed) == 16
    assert (chosen.tie_break, chosen.lottery_seed) == ("cost,lottery", "Lotto 2026-03-07")
