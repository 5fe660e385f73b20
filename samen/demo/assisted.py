"""Assisted participation in the demo: the facilitator of Laeken's public computer room entered a few budget ballots,
signatures, questionnaire responses, an idea and a comment for residents on the City's census list, with their
consent, through the same services as the site."""

import random

from django.core.exceptions import ValidationError

from samen.assisted.models import Consent
from samen.assisted.services import ConsentGiven
from samen.budgets import services as budgets
from samen.budgets.models import Proposal
from samen.consultations import services as consultations
from samen.demo import initiatives as initiatives_demo
from samen.ideas import services as ideas
from samen.ideas.models import Idea, Visibility
from samen.initiatives import services as initiatives
from samen.initiatives.models import Initiative
from samen.processes.models import Process

PLACE = "Espace public numérique, Laeken"
NAMES = ["Mme Janssens", "M. El Amrani", "Mme Dubois", "M. Peeters", "Mme Nkosi"]
BALLOTS, SIGNATURES, RESPONSES = 3, 2, 2
# The answers two residents gave to the questionnaire on the Place du Jeu de Balle (samen/demo/consultation.json).
ANSWERS = [
    {
        "how_often": "weekly",
        "reasons": ["market", "neighbours"],
        "lives_nearby": "no",
        "priorities": ["benches", "toilets", "trees"],
        "market_days": "every_day",
        "parking": "fewer",
        "safety": 3,
    },
    {
        "how_often": "monthly",
        "reasons": ["market"],
        "lives_nearby": "no",
        "priorities": ["toilets", "benches", "light"],
        "market_days": "not_monday",
        "parking": "keep",
        "safety": 2,
        "keep_informed": ["letter"],
    },
]


def _consent(identity, name: str, agreed_to: str) -> ConsentGiven:
    number, born, _postcode = identity
    return ConsentGiven(national_number=number, born_on=born, place=PLACE, agreed_to=agreed_to, resident_name=name)


def load_assisted_demo(*, facilitator, seed: int = 2020) -> tuple[int, int, int, int, int]:
    """(budget ballots, signatures, questionnaire responses, ideas, comments) entered; nothing when the demo already
    has consents or lacks its census."""
    if Consent.objects.exists():
        return 0, 0, 0, 0, 0
    # The census the initiatives' demo uploaded, drawn again from the same seed: its last people, who signed nothing.
    identities = list(reversed(initiatives_demo.census_people(random.Random(seed))))  # noqa: S311 - a demo
    ballots = signatures = 0
    laeken = Process.objects.filter(slug="laeken-budget").select_related("budget").first()
    if laeken is not None and facilitator.has_perm("budgets.enter_assisted_ballots", laeken):
        cheapest = list(laeken.budget.proposals.filter(status=Proposal.Status.FEASIBLE).order_by("cost", "pk")[:2])
        agreed = f"The resident agreed that I enter their ballot in “{laeken.title_en}” for them."
        for name in NAMES[:BALLOTS]:
            try:
                budgets.enter_assisted_ballot(
                    budget=laeken.budget,
                    facilitator=facilitator,
                    consent=_consent(identities.pop(0), name, agreed),
                    proposal_ids=[proposal.pk for proposal in cheapest],
                )
                ballots += 1
            except ValidationError:
                continue
    collecting = Initiative.objects.filter(status=Initiative.Status.COLLECTING).order_by("pk").first()
    if collecting is not None:
        agreed = f"The resident agreed that I sign the citizens' initiative “{collecting.title_en}” in their name."
        for name in NAMES[BALLOTS:]:
            while identities and signatures < SIGNATURES:
                try:
                    initiatives.sign_assisted(
                        initiative=collecting,
                        facilitator=facilitator,
                        consent=_consent(identities.pop(0), name, agreed),
                    )
                    signatures += 1
                    break
                except ValidationError:  # this person signed already: the next one
                    continue
    responses = _responses(facilitator, identities)
    posted, commented = _ideas(facilitator, identities)
    return ballots, signatures, responses, posted, commented


def _ideas(facilitator, identities: list) -> tuple[int, int]:
    """A resident's idea, and another's comment on the most commented idea, in the first process collecting ideas."""
    processes = Process.objects.filter(status=Process.Status.PUBLISHED).prefetch_related("phases").order_by("pk")
    process = next((p for p in processes if facilitator.has_perm("ideas.post_assisted_idea", p)), None)
    if process is None or len(identities) < 2:
        return 0, 0
    agreed = f"The resident agreed that I post their idea in “{process.title_en}” for them."
    ideas.post_assisted_idea(
        process=process,
        facilitator=facilitator,
        consent=_consent(identities.pop(0), NAMES[0], agreed),
        theme=process.themes.order_by("pk").first(),
        title="Des bancs sur le chemin du marché",
        body="Les personnes âgées du quartier doivent pouvoir s'asseoir entre chez elles et le marché.",
        language="fr",
    )
    commented = (
        Idea.objects.filter(process=process, visibility=Visibility.PUBLISHED, consent__isnull=True)
        .order_by("-created_at", "-pk")
        .first()
    )
    if commented is None or not facilitator.has_perm("ideas.comment_assisted", commented):
        return 1, 0
    agreed = f"The resident agreed that I post their comment on the idea “{commented.title}” for them."
    ideas.comment_assisted(
        idea=commented,
        facilitator=facilitator,
        consent=_consent(identities.pop(0), NAMES[1], agreed),
        body="Oui ! Et un peu d'ombre en été, s'il vous plaît.",
        language="fr",
    )
    return 1, 1


def _responses(facilitator, identities: list) -> int:
    """Two residents answered the questionnaire on the Place du Jeu de Balle with the facilitator."""
    square = Process.objects.filter(slug="place-du-jeu-de-balle").select_related("questionnaire").first()
    questionnaire = getattr(square, "questionnaire", None) if square is not None else None
    if questionnaire is None or not facilitator.has_perm("consultations.enter_assisted_responses", square):
        return 0
    agreed = f"The resident agreed that I enter their answers to the questionnaire of “{square.title_en}” for them."
    responses = 0
    for name, answers in zip(NAMES[::-1], ANSWERS, strict=False):
        while identities:
            try:
                consultations.enter_assisted_response(
                    questionnaire=questionnaire,
                    facilitator=facilitator,
                    consent=_consent(identities.pop(0), name, agreed),
                    raw_answers=answers,
                )
                responses += 1
                break
            except ValidationError:  # this person answered already: the next one
                continue
    return responses
