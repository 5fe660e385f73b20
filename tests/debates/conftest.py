"""Debates a test needs: open or closed, on a published process, with arguments on both sides."""

import pytest

from samen.common import clock
from samen.debates.models import Argument, Debate
from tests.factories import ProcessFactory, UserFactory


def make_debate(*, process=None, closed: bool = False, **fields) -> Debate:
    """An open debate (or one closed with its conclusion) on the future of Place Bockstael, by default in a process
    without an electorate rule (any signed-in account supports arguments; tests/debates/test_one_person.py has one
    for verified residents)."""
    defaults = {
        "process": process or ProcessFactory(voters=""),
        "question_nl": "Moet het Bockstaelplein autovrij worden?",
        "question_fr": "La place Bockstael doit-elle devenir piétonne ?",
        "introduction_nl": "De gemeente **twijfelt**.",
        "introduction_fr": "La commune **hésite**.",
    }
    if closed:
        defaults |= {
            "closed_at": clock.now(),
            "conclusion_nl": "Het plein wordt autovrij op zondag.",
            "conclusion_fr": "La place sera piétonne le dimanche.",
        }
    return Debate.objects.create(**(defaults | fields))


def make_argument(debate: Debate, *, side: str = "for", author=None, **fields) -> Argument:
    return Argument.objects.create(
        debate=debate,
        side=side,
        author=author or UserFactory(),
        text=fields.pop("text", "More room for the market."),
        language=fields.pop("language", "en"),
        **fields,
    )


@pytest.fixture
def debate(db):
    return make_debate()


@pytest.fixture
def closed_debate(db):
    return make_debate(closed=True)
