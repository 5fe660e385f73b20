"""A resident's data export lists what was entered for them; erasing their account keeps the audit without their
name; "My participation" shows what waits to be taken over."""

import pytest
from django.urls import reverse

from samen.assisted.models import Consent
from samen.budgets import services
from samen.common.privacy import personal_data
from tests.assisted.conftest import PLACE, given
from tests.budgets.conftest import proposals_of
from tests.people import delete_account, sign_up, verify

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


def test_the_resident_s_export_and_the_facilitator_s_list_the_consent(client, facilitator, entered, person):
    resident = sign_up(client, "fatima@example.org")
    verify(client, person)

    theirs, staff = personal_data(resident), personal_data(facilitator)

    assert [(row["place"], row["resident_name"]) for row in theirs["assisted_contributions_for_me"]] == [
        (PLACE, "Fatima B.")
    ]
    assert len(staff["assisted_staff_work"]["consents_recorded"]) == 1
    assert staff["budget_staff_work"]["assisted_ballots_entered"] == 1


def test_my_participation_shows_what_waits_to_be_taken_over(client, entered, person):
    sign_up(client, "fatima@example.org")
    verify(client, person)

    page = client.get(reverse("my_participation")).content.decode()

    assert "Entered for me by a facilitator" in page
    assert "Take it over to change it yourself" in page


def test_erasing_the_resident_s_account_keeps_the_audit_without_their_name(client, entered, person):
    sign_up(client, "fatima@example.org")
    verify(client, person)
    client.post(reverse("assisted:mine"))

    delete_account(client)

    consent = Consent.objects.get()
    assert (consent.resident_name, consent.place, consent.facilitator_name) == ("", PLACE, "Karim (EPN Laeken)")
    entered.refresh_from_db()
    assert (entered.voter, entered.consent_id) == (None, consent.pk)
