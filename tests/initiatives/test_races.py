"""Signatures racing on a real PostgreSQL: one person counts once, fifty people count fifty."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from samen.accounts.models import User
from samen.initiatives import services
from samen.initiatives.models import Signature
from tests.ideas.test_races import THREADS, _race
from tests.initiatives.conftest import initiative_at

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("races are tested on PostgreSQL (set DATABASE_URL)")


def test_one_resident_signing_fifty_times_at_once_counts_once(kind, census, manager):
    initiative = initiative_at("collecting", kind=kind, census=census, manager=manager)
    signer = User.objects.get(pk=census.verified().pk)

    results = _race(lambda i: services.sign(initiative=initiative, user=signer))

    assert sum(isinstance(result, Signature) for result in results) == 1
    assert {r.code for r in results if isinstance(r, ValidationError)} == {"already_signed"}
    assert services.count(initiative) == 1


def test_fifty_residents_signing_at_once_count_fifty(kind, census, manager):
    initiative = initiative_at("collecting", kind=kind, census=census, manager=manager)
    signers = [User.objects.get(pk=census.verified().pk) for _ in range(THREADS)]

    results = _race(lambda i: services.sign(initiative=initiative, user=signers[i]))

    assert [type(result) for result in results] == [Signature] * THREADS
    assert services.count(initiative) == THREADS
