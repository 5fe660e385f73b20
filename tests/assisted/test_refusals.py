"""Only facilitators enter assisted contributions: every other account is refused on every write, through the pages
and through the services."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from samen.accounts.models import User
from samen.assisted.models import Consent
from samen.budgets import services as budgets
from samen.budgets.models import BudgetBallot
from samen.initiatives import services as initiatives
from samen.initiatives.models import Signature
from tests.assisted.conftest import assist, given
from tests.budgets.conftest import proposals_of
from tests.factories import UserFactory
from tests.initiatives.conftest import initiative_at

pytestmark = pytest.mark.django_db

OUTSIDERS = ("signed_in", "resident", "moderator", "manager", "administrator")


def _outsider(role, census):
    if role == "resident":
        return census.verified()
    roles = {"moderator": User.Role.MODERATOR, "manager": User.Role.PROCESS_MANAGER, "administrator": "administrator"}
    return UserFactory(role=roles.get(role, User.Role.RESIDENT), is_staff=role in {"manager", "administrator"})


@pytest.fixture
def collecting(census, kind):
    manager = UserFactory(role=User.Role.PROCESS_MANAGER, is_staff=True)
    return initiative_at("collecting", kind=kind, census=census, manager=manager)


@pytest.fixture
def kind(db):
    from samen.initiatives import services

    return services.create_kind(
        name={"nl": "Burgerinitiatief Stad Brussel", "fr": "Initiative citoyenne Ville de Bruxelles"},
        municipality_nis="21004",
        threshold=3,
        committee_size=2,
        secretariat_email="conseil@bruxelles.example",
    )


@pytest.mark.parametrize("role", OUTSIDERS)
def test_an_outsider_cannot_enter_a_ballot_for_someone(client, role, census, verified_budget, person):
    trees, *_others = proposals_of(verified_budget)
    outsider = _outsider(role, census)
    client.force_login(outsider)

    page = assist(client, verified_budget, person, trees)

    assert page.status_code == 403
    with pytest.raises(PermissionDenied):
        budgets.enter_assisted_ballot(
            budget=verified_budget, facilitator=outsider, consent=given(person), proposal_ids=[trees.pk]
        )
    assert (BudgetBallot.objects.count(), Consent.objects.count()) == (0, 0)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_an_outsider_cannot_sign_for_someone(client, role, census, collecting, person):
    before = Signature.objects.count()
    outsider = _outsider(role, census)
    client.force_login(outsider)
    number, born = person

    page = client.post(
        reverse("initiatives:sign_assisted", args=[collecting.pk]),
        {"national_number": number, "born_on": born.isoformat(), "place": "EPN", "agreed": "on"},
    )

    assert page.status_code == 403
    with pytest.raises(PermissionDenied):
        initiatives.sign_assisted(initiative=collecting, facilitator=outsider, consent=given(person))
    assert (Signature.objects.count(), Consent.objects.count()) == (before, 0)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_an_outsider_does_not_reach_the_facilitator_s_page(client, role, census):
    client.force_login(_outsider(role, census))

    assert client.get(reverse("assisted:start")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, verified_budget, person):
    trees, *_others = proposals_of(verified_budget)

    responses = [assist(client, verified_budget, person, trees), client.get(reverse("assisted:start"))]

    assert [response.status_code for response in responses] == [302, 302]
    assert BudgetBallot.objects.count() == 0


def test_a_facilitator_cannot_enter_a_ballot_once_the_ballot_has_closed(client, facilitator, person):
    from tests.budgets.conftest import budget_at

    closed = budget_at("closed")
    trees, *_others = proposals_of(closed)
    client.force_login(facilitator)

    assert assist(client, closed, person, trees).status_code == 403
    assert BudgetBallot.objects.count() == 0


def test_the_facilitator_s_page_lists_what_is_open(client, facilitator, verified_budget, collecting):
    client.force_login(facilitator)

    page = client.get(reverse("assisted:start")).content.decode()

    assert reverse("budgets:assisted_ballot", args=[verified_budget.process.slug]) in page
    assert reverse("initiatives:sign_assisted", args=[collecting.pk]) in page
