"""The consent's own checks, as every kind's service asks them, with their codes."""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samen.assisted.models import Consent
from samen.budgets import services
from samen.budgets.models import BudgetBallot
from tests.assisted.conftest import given
from tests.budgets.conftest import proposals_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"agreed_to": "  "}, "no_consent"),
        ({"place": ""}, "no_place"),
        ({"given_at": timezone.now() + timedelta(hours=2)}, "consent_in_future"),
    ],
)
def test_an_incomplete_consent_is_refused_with_its_code_and_nothing_is_saved(
    change, code, facilitator, verified_budget, person
):
    trees, *_others = proposals_of(verified_budget)

    with pytest.raises(ValidationError) as refusal:
        services.enter_assisted_ballot(
            budget=verified_budget,
            facilitator=facilitator,
            consent=replace(given(person), **change),
            proposal_ids=[trees.pk],
        )

    assert refusal.value.code == code
    assert (BudgetBallot.objects.count(), Consent.objects.count()) == (0, 0)


def test_a_consent_given_earlier_today_keeps_its_time(facilitator, verified_budget, person):
    trees, *_others = proposals_of(verified_budget)
    earlier = timezone.now() - timedelta(hours=1)

    ballot = services.enter_assisted_ballot(
        budget=verified_budget,
        facilitator=facilitator,
        consent=replace(given(person), given_at=earlier),
        proposal_ids=[trees.pk],
    )

    assert ballot.consent.given_at == earlier
