"""Answers and draws racing on a real PostgreSQL: an invitation answers once, a person once, a draw happens once."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from samen.panels import services
from samen.panels.models import Lottery, LotteryJob, Volunteer
from tests.factories import UserFactory
from tests.ideas.test_notifications import _run_worker
from tests.ideas.test_races import THREADS, _race
from tests.panels.conftest import SEED, lottery_at

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("races are tested on PostgreSQL (set DATABASE_URL)")


def answer(lottery, user, code):
    return services.register_volunteer(
        lottery=lottery,
        user=user,
        code=code,
        first_name="Sam",
        features={"gender": "woman", "age_band": "35-44"},
        consent=True,
        show_name=False,
    )


def test_fifty_people_answering_with_one_code_at_once_give_one_volunteer(manager):
    lottery = lottery_at("answering", manager, volunteers=0)
    code = lottery.register.first().code
    people = UserFactory.create_batch(THREADS)

    results = _race(lambda i: answer(lottery, people[i], code))

    assert sum(isinstance(result, Volunteer) for result in results) == 1
    assert {r.code for r in results if isinstance(r, ValidationError)} == {"code_used"}
    assert lottery.volunteers.count() == 1


def test_one_person_answering_fifty_codes_at_once_is_one_volunteer(manager):
    lottery = lottery_at("answering", manager, volunteers=0)
    codes = list(lottery.register.values_list("code", flat=True))
    person = UserFactory()

    results = _race(lambda i: answer(lottery, person, codes[i % len(codes)]))

    assert sum(isinstance(result, Volunteer) for result in results) == 1
    assert lottery.volunteers.filter(user=person).count() == 1


def test_two_managers_drawing_at_once_draw_once(manager):
    lottery = lottery_at("frozen", manager)
    seeds = [SEED if i % 2 else "another seed" for i in range(THREADS)]

    results = _race(lambda i: services.draw_lottery(lottery=lottery, manager=manager, seed=seeds[i]))

    drawn = [result for result in results if isinstance(result, Lottery)]
    assert len(drawn) == 1
    lottery.refresh_from_db()
    assert lottery.seed == drawn[0].seed
    assert lottery.volunteers.filter(selected=True).count() == 4


def test_managers_asking_for_the_draw_at_once_queue_one_job_and_draw_once(manager):
    lottery = lottery_at("frozen", manager)
    clients = [Client() for _ in range(THREADS)]
    for client in clients:
        client.force_login(manager)
    draw = reverse("panels:draw", kwargs={"slug": lottery.process.slug})

    results = _race(lambda i: clients[i].post(draw, {"seed": SEED}).status_code)
    _run_worker()

    assert results == [302] * THREADS
    assert list(LotteryJob.objects.values_list("status", flat=True)) == ["done"]
    assert DBTaskResult.objects.filter(task_path__endswith="run_lottery_job").count() == 1
    lottery.refresh_from_db()
    assert lottery.seed == SEED
    assert lottery.volunteers.filter(selected=True).count() == 4
