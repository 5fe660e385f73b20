"""Assisted participation in the demo: the facilitator of Laeken's public computer room entered a few budget ballots
and signatures for residents on the City's census list, with their consent, through the same services as the site."""

import random

from django.core.exceptions import ValidationError

from samen.assisted.models import Consent
from samen.assisted.services import ConsentGiven
from samen.budgets import services as budgets
from samen.budgets.models import Proposal
from samen.demo import initiatives as initiatives_demo
from samen.initiatives import services as initiatives
from samen.initiatives.models import Initiative
from samen.processes.models import Process

PLACE = "Espace public numérique, Laeken"
NAMES = ["Mme Janssens", "M. El Amrani", "Mme Dubois", "M. Peeters", "Mme Nkosi"]
BALLOTS, SIGNATURES = 3, 2


def _consent(identity, name: str, agreed_to: str) -> ConsentGiven:
    number, born, _postcode = identity
    return ConsentGiven(national_number=number, born_on=born, place=PLACE, agreed_to=agreed_to, resident_name=name)


def load_assisted_demo(*, facilitator, seed: int = 2020) -> tuple[int, int]:
    """(budget ballots, signatures) entered; nothing when the demo already has consents or lacks its census."""
    if Consent.objects.exists():
        return 0, 0
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
    return ballots, signatures
