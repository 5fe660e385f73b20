"""What a lottery keeps about a person, and what leaving the platform erases, without breaking a recount."""

import pytest
from django.urls import reverse

from samen.accounts.services import delete_account
from samen.common.privacy import personal_data
from samen.panels.queries import pool_csv

pytestmark = pytest.mark.django_db


def test_addresses_are_erased_once_the_pool_is_frozen(frozen_lottery):
    assert set(frozen_lottery.register.values_list("address", flat=True)) == {""}
    assert frozen_lottery.register.count() == 30


def test_a_volunteer_finds_their_answers_in_their_data_export(answering_lottery):
    volunteer = answering_lottery.volunteers.first()

    exported = personal_data(volunteer.user)["lotteries"]

    assert exported == [
        {
            "process": answering_lottery.process.slug,
            "first_name": volunteer.first_name,
            "features": volunteer.features,
            "show_name": volunteer.show_name,
            "invitation_address": volunteer.invitation.address,
            "registered_at": volunteer.registered_at.isoformat(),
            "probability": None,
            "selected": False,
            "reserve_rank": None,
        }
    ]


def test_a_deleted_account_leaves_the_drawn_pool_unchanged_with_no_name(client, drawn_lottery):
    member = drawn_lottery.volunteers.filter(selected=True, show_name=True).first()
    before = pool_csv(drawn_lottery)

    delete_account(user=member.user)

    member.refresh_from_db()
    assert (member.user, member.first_name, member.show_name) == (None, "", False)
    assert pool_csv(drawn_lottery) == before
    page = client.get(reverse("panels:lottery", kwargs={"slug": drawn_lottery.process.slug}))
    assert page.status_code == 200
