"""A vote open to any signed-in account says so under its result: one person may have voted with several accounts."""

import pytest
from django.urls import reverse

from samen.votes.models import Ballot
from tests.factories import UserFactory
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db


def results_after(client, shortlist, voters: int) -> str:
    first = ideas_of(shortlist)[0]
    for _ in range(voters):
        Ballot.objects.create(shortlist=shortlist, voter=UserFactory()).entries.set(
            shortlist.entries.filter(idea=first)
        )
    return client.get(reverse("votes:results", args=[shortlist.process.slug])).content.decode()


@pytest.mark.parametrize(
    ("voters", "sentence"),
    [
        (1, "1 account voted; accounts were not verified, so one person may have voted more than once."),
        (3, "3 accounts voted; accounts were not verified, so one person may have voted more than once."),
    ],
)
def test_a_vote_open_to_any_account_says_one_person_may_have_voted_more_than_once(client, voters, sentence):
    page = results_after(client, shortlist_at("ended", voters=""), voters)

    assert sentence in page


def test_a_vote_for_verified_residents_says_nothing_of_the_kind(client):
    page = results_after(client, shortlist_at("ended", voters="any"), 3)

    assert "3 ballots were cast." in page
    assert "accounts were not verified" not in page
