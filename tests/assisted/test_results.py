"""Assisted ballots count like any other and are counted apart: the result page says how many, the open export marks
them, and the recount is the same."""

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from samen.budgets import services
from tests.assisted.conftest import given
from tests.budgets.conftest import proposals_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def voted(facilitator, census, verified_budget):
    """Two ballots entered with a facilitator, one cast online."""
    trees, fountain, repair = proposals_of(verified_budget)
    for born, chosen in ((date(1950, 1, 2), [trees.pk]), (date(1960, 3, 4), [fountain.pk, repair.pk])):
        resident = census.add(born)
        services.enter_assisted_ballot(
            budget=verified_budget, facilitator=facilitator, consent=given(resident), proposal_ids=chosen
        )
    services.cast_budget_ballot(budget=verified_budget, voter=census.verified(), proposal_ids=[trees.pk])
    return verified_budget


def test_the_result_says_how_many_ballots_were_entered_with_a_facilitator(client, voted):
    with time_machine.travel(timezone.now() + timedelta(days=10)):
        page = client.get(reverse("budgets:result", args=[voted.process.slug]))

    text = page.content.decode()
    assert "3 ballots were counted." in text
    assert "2 of 3 ballots were entered with a facilitator." in text


def test_the_open_export_marks_assisted_ballots_and_recounts_the_same(client, voted):
    with time_machine.travel(timezone.now() + timedelta(days=10)):
        exported = client.get(reverse("budgets:export", args=[voted.process.slug])).content.decode()
        counted = voted.result.outcome

    votes = exported.split("VOTES\n", 1)[1].splitlines()
    assert votes[0] == "voter_id;vote;voting_method;assisted"
    assert sorted(line.rsplit(";", 1)[1] for line in votes[1:]) == ["no", "yes", "yes"]
    assert "num_assisted_votes;2" in exported
    assert (counted["ballots"], counted["assisted_ballots"], counted["paper_ballots"]) == (3, 2, 0)


def test_without_assisted_ballots_the_export_has_no_such_column(client, census, verified_budget):
    trees, *_others = proposals_of(verified_budget)
    services.cast_budget_ballot(budget=verified_budget, voter=census.verified(), proposal_ids=[trees.pk])

    with time_machine.travel(timezone.now() + timedelta(days=10)):
        exported = client.get(reverse("budgets:export", args=[verified_budget.process.slug])).content.decode()
        page = client.get(reverse("budgets:result", args=[verified_budget.process.slug])).content.decode()

    assert exported.split("VOTES\n", 1)[1].splitlines()[0] == "voter_id;vote;voting_method"
    assert "entered with a facilitator" not in page


def test_the_facilitator_s_form_counts_the_ballots_entered_so_far(client, facilitator, voted):
    client.force_login(facilitator)

    page = client.get(reverse("budgets:assisted_ballot", args=[voted.process.slug]))

    assert "2 ballots of this budget were entered with a facilitator so far." in page.content.decode()
