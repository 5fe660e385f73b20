"""The amount, the ballot, the counting rule and its tie-break are announced before the ballot opens; after that, the
admin shows them but cannot change them."""

import pytest
from django.urls import reverse

from tests.budgets.conftest import budget_at

pytestmark = pytest.mark.django_db


def _rules_form(budget, **overrides):
    data = {
        "process": budget.process_id,
        "amount": budget.amount,
        "ballot_kind": budget.ballot_kind,
        "max_projects": budget.max_projects,
        "rule": budget.rule,
        "tie_break": budget.tie_break,
        "lottery_seed": budget.lottery_seed,
    }
    return data | overrides


def test_the_rules_can_change_before_the_ballot_opens(client, manager):
    budget = budget_at("review")
    client.force_login(manager)

    response = client.post(
        reverse("admin:budgets_budget_change", args=[budget.pk]), _rules_form(budget, amount=150_000, rule="greedy")
    )

    budget.refresh_from_db()
    assert response.status_code == 302
    assert (budget.amount, budget.rule) == (150_000, "greedy")


@pytest.mark.parametrize("stage", ["ballot", "closed"])
def test_the_announced_rules_cannot_change_once_the_ballot_has_opened(client, manager, stage):
    budget = budget_at(stage)
    client.force_login(manager)

    client.post(
        reverse("admin:budgets_budget_change", args=[budget.pk]),
        _rules_form(budget, amount=150_000, ballot_kind="approval", max_projects=2, rule="greedy"),
    )

    budget.refresh_from_db()
    assert (budget.amount, budget.ballot_kind, budget.max_projects, budget.rule) == (
        100_000,
        "knapsack",
        5,
        "mes-add1-greedy",
    )


def test_the_admin_shows_the_announced_rules_without_a_field_to_change_them(client, manager):
    budget = budget_at("ballot")
    client.force_login(manager)

    page = client.get(reverse("admin:budgets_budget_change", args=[budget.pk])).content.decode()

    assert 'name="amount"' not in page
    assert 'name="rule"' not in page
    assert "100000" in page or "100,000" in page


def test_a_resident_cannot_open_the_budget_rules_in_the_admin(client, resident):
    budget = budget_at("review")
    client.force_login(resident)

    response = client.post(
        reverse("admin:budgets_budget_change", args=[budget.pk]), _rules_form(budget, amount=150_000)
    )

    budget.refresh_from_db()
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert budget.amount == 100_000


def test_the_tie_break_and_its_seed_can_change_before_the_ballot_opens(client, manager):
    budget = budget_at("review")
    client.force_login(manager)

    response = client.post(
        reverse("admin:budgets_budget_change", args=[budget.pk]),
        _rules_form(budget, tie_break="lottery", lottery_seed="Lotto 2026-03-07"),
    )

    budget.refresh_from_db()
    assert response.status_code == 302
    assert (budget.tie_break, budget.lottery_seed) == ("lottery", "Lotto 2026-03-07")


@pytest.mark.parametrize("stage", ["ballot", "closed"])
def test_the_tie_break_and_its_seed_cannot_change_once_the_ballot_has_opened(client, manager, stage):
    budget = budget_at(stage)
    announced = budget.lottery_seed
    client.force_login(manager)

    client.post(
        reverse("admin:budgets_budget_change", args=[budget.pk]),
        _rules_form(budget, tie_break="lottery", lottery_seed="a seed chosen after the ballot opened"),
    )

    budget.refresh_from_db()
    assert (budget.tie_break, budget.lottery_seed) == ("cost,lottery", announced)


def test_an_outsider_cannot_change_the_tie_break_and_nothing_is_saved(client, outsider):
    budget = budget_at("review")
    announced = budget.lottery_seed
    client.force_login(outsider)

    response = client.post(
        reverse("admin:budgets_budget_change", args=[budget.pk]),
        _rules_form(budget, tie_break="lottery", lottery_seed="my favourite numbers"),
    )

    budget.refresh_from_db()
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert (budget.tie_break, budget.lottery_seed) == ("cost,lottery", announced)
