"""A facilitator in a public computer room, residents on the City's census list, Laeken's budget and an initiative
collecting signatures (tests/budgets/conftest.py, tests/initiatives/conftest.py)."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from samen.accounts.models import User
from samen.assisted.services import ConsentGiven
from tests.budgets.conftest import budget_at
from tests.factories import UserFactory
from tests.initiatives.conftest import Census

PLACE = "Espace public numérique, Laeken"


@pytest.fixture
def administrator(db):
    return UserFactory(role=User.Role.ADMINISTRATOR, is_staff=True, display_name="Administrator")


@pytest.fixture
def census(administrator):
    return Census(administrator)


@pytest.fixture
def facilitator(db):
    return UserFactory(email="karim@example.org", display_name="Karim (EPN Laeken)", role=User.Role.FACILITATOR)


@pytest.fixture
def person(census):
    """Someone on the City's census list: their national number and birth date."""
    return census.add(date(1950, 6, 2))


@pytest.fixture
def verified_budget(db):
    """Laeken's budget (City of Brussels), its ballot open to verified residents aged 16 or more."""
    budget = budget_at("ballot")
    budget.process.voters, budget.process.minimum_age = "any", 16
    budget.process.save()
    return budget


def given(person, *, agreed: bool = True, name: str = "Fatima", place: str = PLACE) -> ConsentGiven:
    number, born = person
    return ConsentGiven(
        national_number=number,
        born_on=born,
        place=place,
        agreed_to="The resident agreed." if agreed else "",
        resident_name=name,
    )


def assist(client, budget, person, *proposals, agreed=True, name="Fatima", place=PLACE):
    """The facilitator's form for a budget ballot, posted."""
    number, born = person
    data = {
        "national_number": number,
        "born_on": born.isoformat(),
        "resident_name": name,
        "place": place,
        "projects": [str(proposal.pk) for proposal in proposals],
    }
    if agreed:
        data["agreed"] = "on"
    return client.post(reverse("budgets:assisted_ballot", args=[budget.process.slug]), data)


def vote(client, budget, *proposals):
    return client.post(
        reverse("budgets:ballot", args=[budget.process.slug]), {"projects": [str(p.pk) for p in proposals]}
    )


def take_over_notice(consent, what="A response") -> str:
    """What a resident sees on the page of a kind where a facilitator entered their answers or ballot."""
    when = formats.date_format(timezone.localtime(consent.given_at), "DATE_FORMAT")
    return (
        f"{what} was entered for you with a facilitator on {when}; "
        f'<a href="{reverse("assisted:mine")}">take it over</a> to see and change it.'
    )
