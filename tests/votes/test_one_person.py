"""One ballot per person, not per account: a resident who deletes their account and comes back, or whose verification
moves to another account, changes their one ballot and never adds a second."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse

from samen.accounts.models import Verification
from samen.accounts.verification import vote_pseudonym
from samen.votes.models import Ballot
from tests.factories import UserFactory
from tests.initiatives.conftest import Census
from tests.people import approve_transfer, delete_account, sign_up, verify
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    return UserFactory(role="administrator", is_staff=True)


@pytest.fixture
def person(administrator):
    """Someone on the City's census list: their national number and birth date."""
    return Census(administrator).add(date(1985, 3, 14))


@pytest.fixture
def verified_vote():
    shortlist = shortlist_at("vote")
    shortlist.process.voters = "any"
    shortlist.process.save()
    return shortlist


def _vote(client, shortlist, idea):
    return client.post(reverse("votes:shortlist", args=[shortlist.process.slug]), {"ideas": [str(idea.pk)]})


def test_a_resident_who_deletes_their_account_and_comes_back_changes_their_one_ballot(client, verified_vote, person):
    first, second = ideas_of(verified_vote)[:2]
    sign_up(client, "nadia@example.org")
    verify(client, person)
    _vote(client, verified_vote, first)
    delete_account(client)
    again = sign_up(client, "nadia.again@example.org")
    verify(client, person)

    response = _vote(client, verified_vote, second)

    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert (ballot.voter, [entry.idea for entry in ballot.entries.all()]) == (again, [second])


def test_after_a_verification_moves_the_new_account_changes_the_person_s_ballot(
    client, verified_vote, person, administrator
):
    first, second = ideas_of(verified_vote)[:2]
    old = sign_up(client, "nadia@example.org")
    verify(client, person)
    _vote(client, verified_vote, first)
    new = sign_up(client, "nadia.new@example.org")
    verify(client, person)
    approve_transfer(administrator)

    response = _vote(client, verified_vote, second)

    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert (ballot.voter, [entry.idea for entry in ballot.entries.all()]) == (new, [second])
    client.force_login(old)
    assert _vote(client, verified_vote, first).status_code == 403
    assert [entry.idea for entry in Ballot.objects.get().entries.all()] == [second]


def test_an_unverified_ballot_and_the_person_s_ballot_count_once_when_the_account_is_verified(client, person):
    """In a vote open to anyone signed in, a new account votes before verifying; once verified, its person's
    earlier ballot (from a deleted account) and this one become one."""
    shortlist = shortlist_at("vote")
    first, second, third = ideas_of(shortlist)[:3]
    sign_up(client, "nadia@example.org")
    verify(client, person)
    _vote(client, shortlist, first)
    delete_account(client)
    again = sign_up(client, "nadia.again@example.org")
    _vote(client, shortlist, second)
    verify(client, person)

    _vote(client, shortlist, third)

    ballot = Ballot.objects.get()
    assert (ballot.voter, [entry.idea for entry in ballot.entries.all()]) == (again, [third])


def test_the_ballot_keeps_a_pseudonym_of_the_vote_not_the_person(client, verified_vote, person):
    sign_up(client, "nadia@example.org")
    verify(client, person)
    other_vote = shortlist_at("vote")

    _vote(client, verified_vote, ideas_of(verified_vote)[0])
    _vote(client, other_vote, ideas_of(other_vote)[0])

    keys = {ballot.shortlist_id: ballot.voter_key for ballot in Ballot.objects.all()}
    digest = Verification.objects.get().digest
    assert keys == {
        verified_vote.pk: vote_pseudonym(digest, f"shortlist:{verified_vote.pk}"),
        other_vote.pk: vote_pseudonym(digest, f"shortlist:{other_vote.pk}"),
    }
    assert len({digest, *keys.values()}) == 3


def test_a_ballot_cast_before_ballots_kept_pseudonyms_is_the_person_s_after_the_migration(
    client, verified_vote, person
):
    first, second = ideas_of(verified_vote)[:2]
    old = sign_up(client, "nadia@example.org")
    verify(client, person)
    Ballot.objects.create(shortlist=verified_vote, voter=old).entries.set(verified_vote.entries.filter(idea=first))
    migration = importlib.import_module("samen.votes.migrations.0003_keys_of_ballots_already_cast")

    migration.give_keys(apps, None)
    delete_account(client)
    sign_up(client, "nadia.again@example.org")
    verify(client, person)
    _vote(client, verified_vote, second)

    assert [entry.idea for entry in Ballot.objects.get().entries.all()] == [second]
