"""Supports of arguments count people: in a process for verified residents only they support, once per person
whichever of their accounts they use; a person who deletes their account takes their support with it."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samen.accounts.verification import upload_census, verify_with_document
from samen.debates import services
from samen.debates.models import ArgumentSupport
from samen.demo.identities import invented_document_number
from samen.processes.eligibility import voter_key
from tests.debates.conftest import make_argument, make_debate
from tests.factories import ProcessFactory, UserFactory
from tests.initiatives.conftest import Census
from tests.people import delete_account, moved_verification, sign_up, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    return UserFactory(role="administrator", is_staff=True)


@pytest.fixture
def census(administrator):
    return Census(administrator)


@pytest.fixture
def argument():
    """An argument in a debate of a City of Brussels process for verified residents."""
    process = ProcessFactory(scope="municipality", municipality_nis="21004", voters="any")
    return make_argument(make_debate(process=process))


def _support_url(argument) -> str:
    debate = argument.debate
    return reverse("debates:support", kwargs={"slug": debate.process.slug, "pk": debate.pk, "argument_pk": argument.pk})


def test_a_verified_resident_supports_with_their_person_s_key(argument, census):
    resident = census.verified()

    support = services.support_argument(argument=argument, resident=resident)

    assert support.supporter_key == voter_key(resident, f"argument:{argument.pk}")


def test_an_unverified_account_is_refused_and_the_page_says_why(client, argument):
    account = UserFactory()
    client.force_login(account)

    with pytest.raises(PermissionDenied):
        services.support_argument(argument=argument, resident=account)
    page = client.get(argument.debate.get_absolute_url()).content.decode()

    assert "This vote is for verified residents: verify your account first." in page
    assert "Support</button>" not in page
    assert not ArgumentSupport.objects.exists()


def test_a_verified_resident_of_another_municipality_is_refused(argument, administrator):
    number = "85073003328"
    card = invented_document_number(number)
    upload_census(
        municipality_nis="21009",
        uploader=administrator,
        text=f"national_number,birth_date,postcode,document_number\n{number},1985-07-30,1050,{card}\n",
    )
    elsewhere = UserFactory()
    verify_with_document(user=elsewhere, national_number=number, born_on=date(1985, 7, 30), document_number=card)

    with pytest.raises(PermissionDenied):
        services.support_argument(argument=argument, resident=elsewhere)


def test_a_person_supports_once_from_two_accounts_and_withdraws_from_either(argument, census, administrator):
    first, second = moved_verification(census, administrator)
    services.support_argument(argument=argument, resident=first)

    with pytest.raises(ValidationError) as refused:
        services.support_argument(argument=argument, resident=second)
    services.withdraw_support(argument=argument, resident=second)

    assert refused.value.code == "already_supported"
    assert not ArgumentSupport.objects.exists()


def test_the_page_offers_the_second_account_to_withdraw_the_person_s_support(client, argument, census, administrator):
    first, second = moved_verification(census, administrator)
    services.support_argument(argument=argument, resident=first)
    client.force_login(second)

    page = client.get(argument.debate.get_absolute_url()).content.decode()

    assert "Withdraw my support" in page


def test_a_person_who_deletes_their_account_and_comes_back_supports_once(client, argument, census):
    person = census.add(date(1985, 3, 14))
    sign_up(client, "first@example.org")
    verify(client, person)
    client.post(_support_url(argument))
    assert ArgumentSupport.objects.filter(argument=argument).count() == 1

    delete_account(client)
    assert ArgumentSupport.objects.filter(argument=argument).count() == 0
    sign_up(client, "again@example.org")
    verify(client, person)
    client.post(_support_url(argument))
    second_try = client.post(_support_url(argument))

    assert second_try.status_code == 422
    assert ArgumentSupport.objects.filter(argument=argument).count() == 1


def test_a_support_given_before_supports_kept_keys_is_the_person_s_after_the_migration(argument, census):
    resident = census.verified()
    unverified = UserFactory()
    ArgumentSupport.objects.create(argument=argument, resident=resident)
    ArgumentSupport.objects.create(argument=argument, resident=unverified)
    migration = importlib.import_module("samen.debates.migrations.0002_argument_support_once_per_person")

    migration.give_keys(apps, None)

    keys = dict(ArgumentSupport.objects.values_list("resident_id", "supporter_key"))
    assert keys == {resident.pk: voter_key(resident, f"argument:{argument.pk}"), unverified.pk: None}
