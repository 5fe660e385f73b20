"""Volunteers learn the outcome of the draw by e-mail, and the person a seat is offered to is told."""

import pytest
from django.core import mail

from samen.panels import services
from samen.panels.models import Seat
from tests.ideas.test_notifications import _run_worker
from tests.panels.conftest import SEED, lottery_at

pytestmark = pytest.mark.django_db


def test_every_volunteer_is_mailed_their_own_result_after_the_draw(manager, django_capture_on_commit_callbacks):
    lottery = lottery_at("frozen", manager)
    drawn_one = None

    with django_capture_on_commit_callbacks(execute=True):
        services.draw_lottery(lottery=lottery, manager=manager, seed=SEED)
    _run_worker()

    volunteers = {v.user.email: v for v in lottery.volunteers.select_related("user")}
    assert sorted(message.to[0] for message in mail.outbox) == sorted(volunteers)
    for message in mail.outbox:
        volunteer = volunteers[message.to[0]]
        drawn_one = drawn_one or (volunteer if volunteer.selected else None)
        assert f"{volunteer.probability * 100:.1f} %" in message.body
        if volunteer.selected:
            assert "Vous avez été tiré au sort" in message.body
        else:
            assert f"numéro {volunteer.reserve_rank} " in message.body
    assert drawn_one is not None


def test_the_person_offered_a_seat_is_mailed(manager, django_capture_on_commit_callbacks):
    council = lottery_at("drawn", manager, council=True).council
    leaving = council.seats.filter(status=Seat.Status.HELD).select_related("volunteer__user").first()

    with django_capture_on_commit_callbacks(execute=True):
        offer = services.resign_seat(seat=leaving, member=leaving.volunteer.user)
    _run_worker()

    assert [message.to for message in mail.outbox] == [[offer.volunteer.user.email]]
    assert council.get_absolute_url().replace("/en/", "/fr/") in mail.outbox[0].body
