"""Ballots racing on a real PostgreSQL: one ballot per voter, whatever arrives at the same instant."""

import pytest
from django.db import connection

from samen.votes import services
from samen.votes.models import Ballot
from tests.factories import UserFactory
from tests.ideas.test_races import THREADS, _race
from tests.initiatives.conftest import Census
from tests.people import moved_verification
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("races are tested on PostgreSQL (set DATABASE_URL)")


def test_one_voter_submitting_fifty_ballots_at_once_keeps_one_ballot_with_one_choice():
    shortlist = shortlist_at("vote")
    voter = UserFactory()
    ideas = ideas_of(shortlist)[:3]

    results = _race(lambda i: services.cast_ballot(shortlist=shortlist, voter=voter, idea_ids=[ideas[i % 3].pk]))

    assert [type(result) for result in results] == [Ballot] * THREADS
    ballot = Ballot.objects.get(shortlist=shortlist)
    assert ballot.entries.count() == 1


def test_fifty_voters_at_once_give_fifty_ballots_and_fifty_votes():
    shortlist = shortlist_at("vote")
    voters = UserFactory.create_batch(THREADS)
    first = ideas_of(shortlist)[0]

    _race(lambda i: services.cast_ballot(shortlist=shortlist, voter=voters[i], idea_ids=[first.pk]))

    assert Ballot.objects.filter(shortlist=shortlist).count() == THREADS
    assert Ballot.entries.through.objects.filter(entry__idea=first).count() == THREADS


def test_one_person_voting_fifty_times_at_once_from_two_accounts_keeps_one_ballot():
    """The first account's request began before its verification moved to the second: both vote as the person."""
    shortlist = shortlist_at("vote")
    administrator = UserFactory(role="administrator", is_staff=True)
    accounts = moved_verification(Census(administrator), administrator)
    ideas = ideas_of(shortlist)[:3]

    results = _race(
        lambda i: services.cast_ballot(shortlist=shortlist, voter=accounts[i % 2], idea_ids=[ideas[i % 3].pk])
    )

    assert [type(result) for result in results] == [Ballot] * THREADS
    ballot = Ballot.objects.get(shortlist=shortlist)
    assert ballot.voter in accounts
    assert ballot.entries.count() == 1
