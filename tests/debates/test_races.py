"""Supports racing on a real PostgreSQL: the unique constraints keep one support per account, and per person, and
argument."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from samen.debates import services
from samen.debates.models import ArgumentSupport
from tests.debates.conftest import make_argument, make_debate
from tests.factories import ProcessFactory, UserFactory
from tests.ideas.test_races import THREADS, _race
from tests.initiatives.conftest import Census
from tests.people import moved_verification

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("races are tested on PostgreSQL (set DATABASE_URL)")


def test_one_account_supporting_an_argument_fifty_times_at_once_counts_once():
    argument = make_argument(make_debate())
    resident = UserFactory()

    results = _race(lambda _i: services.support_argument(argument=argument, resident=resident))

    assert sum(isinstance(result, ArgumentSupport) for result in results) == 1
    assert [result.code for result in results if isinstance(result, ValidationError)] == ["already_supported"] * (
        THREADS - 1
    )
    assert ArgumentSupport.objects.filter(argument=argument).count() == 1


def test_fifty_residents_supporting_at_once_give_fifty_supports():
    argument = make_argument(make_debate())
    residents = UserFactory.create_batch(THREADS)

    results = _race(lambda i: services.support_argument(argument=argument, resident=residents[i]))

    assert [type(result) for result in results] == [ArgumentSupport] * THREADS
    assert ArgumentSupport.objects.filter(argument=argument).count() == THREADS


def test_one_person_supporting_fifty_times_at_once_from_two_accounts_counts_once():
    """The first account's request began before its verification moved to the second: both support as the person."""
    process = ProcessFactory(scope="municipality", municipality_nis="21004", voters="any")
    argument = make_argument(make_debate(process=process))
    administrator = UserFactory(role="administrator", is_staff=True)
    accounts = moved_verification(Census(administrator), administrator)

    results = _race(lambda i: services.support_argument(argument=argument, resident=accounts[i % 2]))

    assert sum(isinstance(result, ArgumentSupport) for result in results) == 1
    assert [result.code for result in results if isinstance(result, ValidationError)] == ["already_supported"] * (
        THREADS - 1
    )
    assert ArgumentSupport.objects.filter(argument=argument).count() == 1
