"""Supports racing on a real PostgreSQL: the unique constraint, not Python, keeps the count exact."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from samen.ideas import services
from samen.ideas.models import Support
from tests.conftest import process_in
from tests.factories import IdeaFactory, UserFactory
from tests.initiatives.conftest import Census
from tests.people import moved_verification

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 50


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("races are tested on PostgreSQL (set DATABASE_URL)")


def _race(work) -> list:
    """Start every thread at the same barrier and collect what each one returned or raised."""
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS

    def run(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_fifty_residents_supporting_at_once_give_exactly_fifty_supports(idea):
    residents = UserFactory.create_batch(THREADS)

    results = _race(lambda i: services.support_idea(idea=idea, resident=residents[i]))

    assert [type(result) for result in results] == [Support] * THREADS
    assert Support.objects.filter(idea=idea).count() == THREADS


def test_one_resident_clicking_fifty_times_at_once_counts_once(idea, outsider):
    results = _race(lambda _i: services.support_idea(idea=idea, resident=outsider))

    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused) == THREADS - 1
    assert {r.code for r in refused} == {"already_supported"}
    assert Support.objects.filter(idea=idea).count() == 1


def test_one_person_supporting_fifty_times_at_once_from_two_accounts_counts_once():
    """The first account's request began before its verification moved to the second: both support as the person,
    in a process for verified residents."""
    process = process_in("open")
    idea = IdeaFactory(process=process, theme=process.themes.first(), author=UserFactory())
    administrator = UserFactory(role="administrator", is_staff=True)
    accounts = moved_verification(Census(administrator), administrator)

    results = _race(lambda i: services.support_idea(idea=idea, resident=accounts[i % 2]))

    assert sum(isinstance(result, Support) for result in results) == 1
    assert {result.code for result in results if not isinstance(result, Support)} == {"already_supported"}
    assert Support.objects.filter(idea=idea).count() == 1
