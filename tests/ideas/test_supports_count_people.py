"""Supports count people, not accounts (issue 18): the process's electorate rule decides who supports, one person
supports an idea once whatever their accounts, and a facilitator enters the support of a resident met in person."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from samen.accounts.models import User
from samen.accounts.verification import vote_pseudonym
from samen.assisted.models import Consent
from samen.demo.identities import invented_national_number
from samen.ideas import services
from samen.ideas.models import Support
from samen.processes import queries as process_queries
from tests.assisted.conftest import PLACE, given
from tests.conftest import process_in
from tests.factories import IdeaFactory, UserFactory
from tests.initiatives.conftest import Census
from tests.people import delete_account, moved_verification, sign_up, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    return UserFactory(role=User.Role.ADMINISTRATOR, is_staff=True)


@pytest.fixture
def census(administrator):
    return Census(administrator)


@pytest.fixture
def person(census):
    return census.add(date(1985, 3, 14))


@pytest.fixture
def facilitator():
    return UserFactory(display_name="Karim (EPN Laeken)", role=User.Role.FACILITATOR)


@pytest.fixture
def idea(db):
    """An idea in a process for verified residents (every new process's default) collecting ideas and supports."""
    process = process_in("open")
    assert process.voters == "any"
    return IdeaFactory(process=process, theme=process.themes.first(), author=UserFactory())


def _support(client, idea, **headers):
    return client.post(reverse("ideas:support", args=[idea.pk]), {"action": "support"}, **headers)


def _page(client, idea) -> str:
    return client.get(idea.get_absolute_url()).content.decode()


def _assist(client, idea, person, *, agreed=True):
    number, born = person
    data = {"national_number": number, "born_on": born.isoformat(), "place": PLACE, "idea": str(idea.pk)}
    if agreed:
        data["agreed"] = "on"
    return client.post(reverse("ideas:assisted_support", args=[idea.process.slug]), data)


def test_an_unverified_account_is_told_why_it_cannot_support_and_nothing_is_saved(client, idea):
    client.force_login(UserFactory())

    page = _page(client, idea)
    refused = _support(client, idea)
    boxed = _support(client, idea, HTTP_HX_REQUEST="true")

    reason = "Supports here count verified residents: verify your account to support."
    assert reason in page
    assert "Support this idea" not in page
    assert (refused.status_code, reason in refused.content.decode()) == (403, True)
    assert (boxed.status_code, reason in boxed.content.decode()) == (403, True)
    assert Support.objects.count() == 0


def test_a_verified_resident_supports_and_their_second_account_cannot_add_another(client, idea, person):
    sign_up(client, "nadia@example.org")
    verify(client, person)
    first = _support(client, idea)
    sign_up(client, "nadia.other@example.org")
    verify(client, person)  # the verification waits for an administrator: this account stays unverified
    second = _support(client, idea)

    assert (first.status_code, second.status_code) == (302, 403)
    assert Support.objects.filter(idea=idea).count() == 1


def test_two_accounts_of_one_person_support_once_even_as_the_verification_moves(census, administrator, idea):
    first, second = moved_verification(census, administrator)  # `first` as loaded before its verification moved
    services.support_idea(idea=idea, resident=first)

    with pytest.raises(ValidationError, match="already support"):
        services.support_idea(idea=idea, resident=second)
    assert Support.objects.filter(idea=idea).count() == 1


def test_a_deleted_account_s_support_stays_counted_and_the_person_s_new_account_takes_it_over(client, idea, person):
    sign_up(client, "nadia@example.org")
    verify(client, person)
    _support(client, idea)
    delete_account(client)
    kept = Support.objects.get()
    assert (kept.resident, kept.supporter_key is not None) == (None, True)
    assert process_queries.participants([idea.process.pk]) == {idea.process.pk: 2}  # the author and Nadia

    new = sign_up(client, "nadia.again@example.org")
    verify(client, person)
    again = _support(client, idea)

    assert again.status_code == 302
    assert list(Support.objects.values_list("resident", flat=True)) == [new.pk]
    assert process_queries.participants([idea.process.pk]) == {idea.process.pk: 2}


def test_an_unverified_account_s_supports_go_with_it(client, open_process):
    assert open_process.voters == ""  # any signed-in account supports (tests/ideas/conftest.py)
    idea = IdeaFactory(process=open_process, theme=open_process.themes.first(), author=UserFactory())
    sign_up(client, "nadia@example.org")
    _support(client, idea)

    delete_account(client)

    assert Support.objects.count() == 0


def test_the_migration_keys_the_supports_of_verified_accounts_only(census, idea):
    verified, unverified = census.verified(), UserFactory()
    for account in (verified, unverified):
        Support.objects.create(idea=idea, resident=account)
    migration = importlib.import_module("samen.ideas.migrations.0012_supports_count_people")

    migration.give_keys(apps, None)

    keyed = {row.resident_id: row.supporter_key for row in Support.objects.all()}
    assert keyed == {
        verified.pk: vote_pseudonym(verified.verification.digest, f"support:{idea.pk}"),
        unverified.pk: None,
    }


def test_a_facilitator_enters_a_support_with_the_consent_and_the_idea_page_says_so(client, facilitator, idea, person):
    client.force_login(facilitator)

    response = _assist(client, idea, person)

    assert response.status_code == 302
    support = Support.objects.get()
    assert (support.resident, support.entered_by, support.consent.action, support.consent.place) == (
        None,
        facilitator,
        "support",
        PLACE,
    )
    client.logout()
    assert "1 of 1 supports was entered with a facilitator." in _page(client, idea)


def test_the_same_person_cannot_be_entered_twice_nor_support_online_after(client, facilitator, idea, person):
    client.force_login(facilitator)
    _assist(client, idea, person)

    twice = _assist(client, idea, person)
    sign_up(client, "nadia@example.org")
    verify(client, person)
    online = _support(client, idea)

    assert twice.status_code == 422
    assert "This person already supports this idea" in twice.content.decode()
    assert online.status_code == 422
    assert "A facilitator already entered your support" in online.content.decode()
    assert (Support.objects.count(), Consent.objects.count()) == (1, 1)


def test_a_facilitator_cannot_enter_without_consent_nor_for_someone_off_the_census(client, facilitator, idea):
    client.force_login(facilitator)
    stranger = (invented_national_number(date(1985, 3, 14), 999), date(1985, 3, 14))

    unconsented = _assist(client, idea, stranger, agreed=False)
    off_census = _assist(client, idea, stranger)

    assert (unconsented.status_code, off_census.status_code) == (422, 422)
    assert "This person is not on the lists of residents entitled to vote." in off_census.content.decode()
    assert (Support.objects.count(), Consent.objects.count()) == (0, 0)


def test_only_facilitators_enter_supports(client, idea, person, resident, moderator):
    for someone in (resident, moderator):
        client.force_login(someone)
        assert _assist(client, idea, person).status_code == 403
    with pytest.raises(Exception, match="not allowed"):
        services.support_assisted(idea=idea, facilitator=resident, consent=given(person))
    assert Support.objects.count() == 0


def test_the_facilitator_finds_the_page_on_assisted_and_the_resident_takes_the_support_over(
    client, facilitator, idea, person
):
    client.force_login(facilitator)
    start = client.get(reverse("assisted:start")).content.decode()
    _assist(client, idea, person)

    resident = sign_up(client, "nadia@example.org")
    verify(client, person)
    entered = client.get(reverse("assisted:mine")).content.decode()
    client.post(reverse("assisted:mine"))
    withdrawn = client.post(reverse("ideas:support", args=[idea.pk]), {"action": "withdraw"})

    assert reverse("ideas:assisted_support", args=[idea.process.slug]) in start
    assert f"Support of “{idea.title}”" in entered
    assert Consent.objects.get().taken_over_by == resident
    assert withdrawn.status_code == 302
    assert Support.objects.count() == 0
