"""A process at each step of the story: the jury scoring, the vote open, the vote over (winners known)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from samen.votes.models import Criterion, Entry, JuryMember, Shortlist
from tests.factories import IdeaFactory, PhaseFactory, ProcessFactory, ThemeFactory, UserFactory

STAGES = {  # days from today of the jury review and of the vote
    "jury": ((-5, 5), (6, 10)),
    "vote": ((-20, -11), (-5, 5)),
    "ended": ((-30, -21), (-20, -1)),
}


def shortlist_at(stage: str, *, ideas: int = 4, published: bool = True, voters: str = "", **rules) -> Shortlist:
    """A published process with `ideas` ideas and a jury of criteria; past the jury, its first three are shortlisted.
    Open voting (any signed-in account) unless `voters` asks for verified residents, as new processes do."""
    today = timezone.localdate()
    process = ProcessFactory(voters=voters)
    theme = ThemeFactory(process=process)
    jury_days, vote_days = STAGES[stage]
    for kind, (first, last) in (("jury_review", jury_days), ("shortlist_vote", vote_days)):
        PhaseFactory(process=process, kind=kind, first_day=today + timedelta(first), last_day=today + timedelta(last))
    for number in range(ideas):
        IdeaFactory(process=process, theme=theme, title=f"Idea {number + 1}")
    shortlist = Shortlist.objects.create(
        process=process, lottery_seed="Lotto 2020-06-20: 3 11 19 27 33 41", **({"size": 3} | rules)
    )
    Criterion.objects.create(
        shortlist=shortlist, name_nl="Impact", name_fr="Impact", name_en="Impact", weight=2, scale=5
    )
    Criterion.objects.create(
        shortlist=shortlist,
        name_nl="Haalbaarheid",
        name_fr="Faisabilité",
        name_en="Feasibility",
        weight=1,
        scale=10,
        position=1,
    )
    if stage != "jury":
        for position, (idea, score) in enumerate(
            zip(process.ideas.order_by("pk"), ["8", "7", "7"], strict=False), start=1
        ):
            Entry.objects.create(
                shortlist=shortlist,
                idea=idea,
                position=position,
                jury_score=score,
                jurors=3,
                motivation_nl="Goed",
                motivation_fr="Bon",
                motivation_en="Good",
            )
        if published:
            shortlist.published_at = timezone.now() - timedelta(days=12)
            shortlist.save()
    return shortlist


@pytest.fixture
def juror(db):
    return UserFactory(email="juror@example.org", display_name="Juror", preferred_language="nl")


@pytest.fixture
def jury_shortlist(db, juror):
    shortlist = shortlist_at("jury")
    JuryMember.objects.create(shortlist=shortlist, member=juror)
    return shortlist


@pytest.fixture
def vote_shortlist(db):
    return shortlist_at("vote")


@pytest.fixture
def ended_shortlist(db):
    return shortlist_at("ended")


def ideas_of(shortlist) -> list:
    return list(shortlist.process.ideas.order_by("pk"))
