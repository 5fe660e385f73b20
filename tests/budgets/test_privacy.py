"""A budget's author and voter find their proposals and ballots in their data export, in every language."""

import pytest
from django.urls import reverse

from samen.budgets.models import Proposal
from samen.common.privacy import personal_data
from tests.budgets.conftest import budget_at, proposals_of

pytestmark = pytest.mark.django_db


def test_my_proposal_and_my_budget_ballot_are_in_my_data(client, ballot_budget, resident):
    trees, fountain, _repair = proposals_of(ballot_budget)
    Proposal.objects.filter(pk=trees.pk).update(author=resident, title_nl="Bomen op het plein")
    client.force_login(resident)
    client.post(reverse("budgets:ballot", args=[ballot_budget.process.slug]), {"projects": [trees.pk, fountain.pk]})

    exported = personal_data(resident)

    assert [row["id"] for row in exported["budget_proposals"]] == [trees.pk]
    assert exported["budget_proposals"][0]["title"] == {
        "nl": "Bomen op het plein",
        "fr": "Trees on the square",
        "en": "Trees on the square",
    }
    assert exported["budget_proposals"][0]["description"] == {"nl": "Beschrijving", "fr": "Description"}
    ballot = exported["budget_ballots"]
    assert [(row["process"], row["proposals"], row["on_paper"]) for row in ballot] == [
        (ballot_budget.process.slug, sorted([trees.pk, fountain.pk]), False)
    ]


def test_someone_elses_ballot_is_not_in_my_data(client, resident, outsider):
    budget = budget_at("ballot")
    trees, *_ = proposals_of(budget)
    client.force_login(outsider)
    client.post(reverse("budgets:ballot", args=[budget.process.slug]), {"projects": [trees.pk]})

    assert personal_data(resident)["budget_ballots"] == []
    assert len(personal_data(outsider)["budget_ballots"]) == 1
