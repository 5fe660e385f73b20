"""Debates' shared reads: who took part in a process's debates counts on its card, once per person."""

import pytest

from samen.debates.models import ArgumentSupport, DebateComment
from samen.processes import queries
from tests.debates.conftest import make_argument
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_arguing_supporting_and_commenting_count_each_person_once_among_the_process_participants(debate):
    arguer, supporter, commenter = UserFactory.create_batch(3)
    argument = make_argument(debate, author=arguer)
    make_argument(debate, author=arguer, side="against")
    ArgumentSupport.objects.create(argument=argument, resident=supporter)
    DebateComment.objects.create(debate=debate, author=commenter, body="Yes.", language="en")
    DebateComment.objects.create(debate=debate, author=supporter, body="Indeed.", language="en")

    counted = queries.participants([debate.process_id])

    assert counted == {debate.process_id: 3}
