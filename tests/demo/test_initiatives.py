"""The demo's three initiatives stand where the README says, and its test identities verify a demo account."""

import pytest
from django.urls import reverse

from samen.algorithms.initiatives import Stage
from samen.demo.identities import invented_document_number
from samen.demo.initiatives import TEST_IDENTITIES, load_initiatives_demo
from samen.initiatives.models import Initiative
from samen.initiatives.queries import state_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    people = {
        key: UserFactory(email=f"{key}@demo.samen.brussels") for key in ("jan", "lucas", "marie", "karim", "ines")
    }
    load_initiatives_demo(
        people=people, manager=UserFactory(role="process_manager"), administrator=UserFactory(role="administrator")
    )


def test_the_demo_has_one_initiative_collecting_one_before_the_council_and_one_overdue_built_once(demo):
    built_again = load_initiatives_demo(people={}, manager=None, administrator=None)

    states = [state_of(initiative) for initiative in Initiative.objects.order_by("pk")]
    assert built_again is False
    assert [state.stage for state in states] == [Stage.COLLECTING, Stage.AWAITING_VOTE, Stage.OVERDUE]
    assert [state.signatures for state in states] == [640, 2031, 2012]


def test_a_visitor_verifies_with_a_printed_identity_and_signs(client, demo):
    visitor = UserFactory()
    number, born, _postcode = TEST_IDENTITIES[0]
    collecting = Initiative.objects.get(status=Initiative.Status.COLLECTING)
    client.force_login(visitor)

    client.post(
        reverse("verify_document"),
        {
            "document-national_number": number,
            "document-born_on": born.isoformat(),
            "document-document_number": invented_document_number(number),
        },
    )
    client.post(reverse("initiatives:sign", kwargs={"pk": collecting.pk}))

    assert state_of(collecting).signatures == 641


def test_a_visitor_verifies_with_the_letter_the_demo_printed_for_them(client, demo):
    from samen.accounts.models import User
    from samen.demo.initiatives import LETTER_ACCOUNT, demo_letter

    people = {LETTER_ACCOUNT: UserFactory(email=f"{LETTER_ACCOUNT}@demo.samen.brussels")}
    code = demo_letter(people=people, administrator=UserFactory(role="administrator"))
    client.force_login(people[LETTER_ACCOUNT])

    response = client.post(reverse("verify_code"), {"code-code": code})

    assert response.status_code == 302
    assert User.objects.get(pk=people[LETTER_ACCOUNT].pk).verification.method == "letter"
