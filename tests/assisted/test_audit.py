"""Administrators audit assisted contributions: who entered what, for whom, when, where; nobody else sees it."""

import pytest
from django.urls import reverse

from samen.accounts.models import User
from samen.budgets import services
from tests.assisted.conftest import PLACE, given
from tests.budgets.conftest import proposals_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entered(facilitator, verified_budget, person):
    trees, *_others = proposals_of(verified_budget)
    return services.enter_assisted_ballot(
        budget=verified_budget,
        facilitator=facilitator,
        consent=given(person, name="Fatima B."),
        proposal_ids=[trees.pk],
    )


def test_an_administrator_sees_who_entered_what_for_whom_when_and_where(client, administrator, entered, person):
    client.force_login(administrator)

    page = client.get(reverse("assisted:audit")).content.decode()

    consent = entered.consent
    for shown in ("Karim (EPN Laeken)", "Fatima B.", consent.pseudonym, PLACE, "Ballot in “", "The resident agreed."):
        assert shown in page
    assert person[0] not in page  # never the national number


def test_the_audit_filters_by_facilitator_and_downloads_as_csv(client, administrator, entered, verified_budget):
    other = UserFactory(display_name="Sofie (EPN Haren)", role=User.Role.FACILITATOR)
    client.force_login(administrator)

    mine = client.get(reverse("assisted:audit"), {"facilitator": other.pk}).content.decode()
    csv = client.get(reverse("assisted:audit"), {"format": "csv"})

    assert "Fatima B." not in mine
    lines = csv.content.decode().splitlines()
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    assert len(lines) == 2
    assert "Karim (EPN Laeken),budget_ballot" in lines[1]


@pytest.mark.parametrize("role", ["resident", "facilitator", "manager", "moderator"])
def test_nobody_but_administrators_reaches_the_audit(client, role, census, facilitator, entered):
    users = {
        "resident": census.verified,
        "facilitator": lambda: facilitator,
        "manager": lambda: UserFactory(role=User.Role.PROCESS_MANAGER, is_staff=True),
        "moderator": lambda: UserFactory(role=User.Role.MODERATOR),
    }
    client.force_login(users[role]())

    assert client.get(reverse("assisted:audit")).status_code == 403
    assert client.get(reverse("assisted:audit"), {"format": "csv"}).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, entered):
    assert client.get(reverse("assisted:audit")).status_code == 302
