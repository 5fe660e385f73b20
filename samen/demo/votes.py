"""The demo's jury, shortlist, vote and follow-up (CC0, written for the demo).

"Brussels hacks the crisis" is told to its end: three jurors scored every idea, five were shortlisted, 300 residents
voted, two ideas tied for second place and the jury score decided, and the two winners report their progress.
"Place Bockstael" is in its vote now, so that a visitor can vote. For what happened in the
past, each step is replayed through the services on a day of the phase where it happened (`common/clock.py`).
"""

import random
from datetime import timedelta

from django.contrib.auth.hashers import make_password

from samen.accounts.models import User
from samen.city import services as city_services
from samen.city.origins import Outcome
from samen.common import clock
from samen.demo.city import project_from
from samen.ideas.models import Idea
from samen.processes import queries as process_queries
from samen.votes import services

CRITERIA = [
    ({"nl": "Impact op de stad", "fr": "Impact sur la ville", "en": "Impact on the city"}, 3),
    ({"nl": "Haalbaarheid", "fr": "Faisabilité", "en": "Feasibility"}, 2),
    ({"nl": "Originaliteit", "fr": "Originalité", "en": "Originality"}, 1),
]
JURORS = ["juror", "els", "karim"]

# Scores (impact, feasibility, originality, each 0-5) by juror for the ideas the jury liked best; others get 0-3.
PAST_FAVOURITES = {
    "bhc-13": [(5, 4, 4), (5, 5, 3), (4, 4, 4)],
    "bhc-10": [(5, 4, 3), (4, 4, 4), (5, 4, 4)],
    "bhc-38": [(4, 4, 3), (4, 3, 4), (4, 4, 3)],
    "bhc-28": [(3, 4, 3), (4, 3, 2), (3, 3, 3)],
    "bhc-14": [(3, 3, 5), (3, 2, 5), (4, 2, 4)],
}
# 300 ballots; bhc-10 and bhc-38 tie for the second seat and the jury score (higher for bhc-10) decides.
PAST_VOTES = {"bhc-13": 96, "bhc-10": 74, "bhc-38": 74, "bhc-28": 33, "bhc-14": 23}
OPEN_FAVOURITES = {
    "pbk-2": [(5, 4, 3), (4, 4, 3), (5, 3, 3)],
    "pbk-1": [(5, 3, 2), (4, 4, 2), (4, 3, 3)],
    "pbk-4": [(3, 4, 4), (3, 5, 4), (3, 4, 3)],
    "pbk-5": [(3, 4, 3), (3, 3, 4), (2, 4, 4)],
    "pbk-3": [(2, 5, 3), (3, 4, 3), (2, 4, 2)],
}
OPEN_VOTES = {"pbk-2": 14, "pbk-1": 11, "pbk-4": 6, "pbk-5": 5, "pbk-3": 4}

MOTIVATION = {
    "nl": "De jury waardeert de directe impact voor bewoners en een realistisch plan om het uit te voeren.",
    "fr": "Le jury salue l'impact direct pour les habitants et un plan réaliste pour le mettre en œuvre.",
    "en": "The jury values the direct benefit to residents and a realistic plan to build it.",
}
PROGRESS = {
    "bhc-13": [
        (
            -130,
            "new",
            {
                "nl": "Een studententeam van de Open Summer of Code werkt het uitleensysteem uit met de bibliotheek.",
                "fr": "Des étudiants de l'Open Summer of Code conçoivent le système de prêt avec la bibliothèque.",
                "en": "A student team from the Open Summer of Code designs the lending system with the library.",
            },
            "https://summerofcode.be/",
        ),
        (
            -90,
            "ongoing",
            {
                "nl": "Veertig gerecupereerde laptops zijn hersteld; het prototype van de reservatiesite draait.",
                "fr": "Quarante portables récupérés sont remis en état ; le prototype du site de réservation tourne.",
                "en": "Forty recovered laptops are repaired; the booking site prototype is running.",
            },
            "",
        ),
        (
            -20,
            "completed",
            {
                "nl": "De bibliotheek van Sint-Joost leent nu laptops uit aan leerlingen, gratis, voor een schooljaar.",
                "fr": "La bibliothèque de Saint-Josse prête des portables aux élèves, gratuitement, pour un an.",
                "en": "The Saint-Josse library now lends laptops to pupils, free of charge, for a school year.",
            },
            "",
        ),
    ],
    "bhc-10": [
        (
            -125,
            "new",
            {
                "nl": "Het repair café zoekt een lokaal; een team van studenten bouwt de agenda en de inschrijvingen.",
                "fr": "Le repair café cherche un local ; des étudiants construisent l'agenda et les inscriptions.",
                "en": "The repair café is looking for a room; a student team builds its calendar and sign-ups.",
            },
            "",
        ),
        (
            -40,
            "ongoing",
            {
                "nl": "Eerste zaterdagen in het Maison des Cultures: 64 toestellen hersteld.",
                "fr": "Premiers samedis à la Maison des Cultures : 64 appareils réparés.",
                "en": "First Saturdays at the Maison des Cultures: 64 devices repaired.",
            },
            "",
        ),
    ],
}


def demo_voters(prefix: str, count: int) -> list[User]:
    """Demo voters who cannot sign in (no password): they exist to fill the ballot box."""
    unusable = make_password(None)
    names = [f"{prefix}-{number:03d}" for number in range(1, count + 1)]
    emails = [f"{name}@voters.demo.samen.brussels" for name in names]
    User.objects.bulk_create(
        (
            User(email=email, display_name=f"Voter {name}", password=unusable)
            for name, email in zip(names, emails, strict=True)
        ),
        ignore_conflicts=True,
    )
    return list(User.objects.filter(email__in=emails).order_by("email"))


def replaying_during(process, kind: str, days: int = 1):
    """Replay a step of a demo story on a day of the phase where it happened."""
    return clock.replaying(process_queries.phase_of_kind(process, kind).period.opens_at() + timedelta(days=days))


def _jury(process, ideas: dict[str, Idea], favourites: dict, *, seed: str, winners: int, people: dict, manager, rng):
    """Three jurors scored every idea (a juror's own idea is a declared conflict); the manager published five."""
    shortlist = services.create_shortlist(process=process, lottery_seed=seed, size=5, winners=winners)
    criteria = [services.add_criterion(shortlist=shortlist, name=name, weight=weight) for name, weight in CRITERIA]
    jurors = [people[key] for key in JURORS]
    with replaying_during(shortlist.process, "jury_review"):
        for number, juror in enumerate(jurors):
            services.appoint_juror(shortlist=shortlist, member=juror)
            for key, idea in ideas.items():
                if idea.author_id == juror.pk:
                    services.review_idea(shortlist=shortlist, juror=juror, idea=idea, conflict_of_interest=True)
                    continue
                values = favourites[key][number] if key in favourites else [rng.randint(0, 3) for _ in criteria]
                scores = {criterion.pk: value for criterion, value in zip(criteria, values, strict=True)}
                services.review_idea(shortlist=shortlist, juror=juror, idea=idea, scores=scores)
        entries = services.draw_up_shortlist(shortlist=shortlist, size=5, actor=manager)
        motivations = {entry.pk: MOTIVATION for entry in entries}
        services.publish_shortlist(shortlist=shortlist, motivations=motivations, actor=manager)
    return shortlist


def _vote(shortlist, ideas: dict[str, Idea], votes: dict[str, int], prefix: str) -> None:
    voters = iter(demo_voters(prefix, sum(votes.values())))
    for key, count in votes.items():
        for _ in range(count):
            services.cast_ballot(shortlist=shortlist, voter=next(voters), idea_ids=[ideas[key].pk])


def past_vote(process, ideas: dict[str, Idea], *, people: dict, manager, rng: random.Random) -> None:
    shortlist = _jury(
        process,
        ideas,
        PAST_FAVOURITES,
        seed="Lotto, draw of 2020-06-20",
        winners=2,
        people=people,
        manager=manager,
        rng=rng,
    )
    with replaying_during(shortlist.process, "shortlist_vote"):
        _vote(shortlist, ideas, PAST_VOTES, "bhc")
    services.count_votes(shortlist=shortlist)
    now = clock.now()
    for key, updates in PROGRESS.items():
        project = project_from(Outcome(idea=ideas[key]), manager=manager)
        for days, status, text, link in updates:
            with clock.replaying(now + timedelta(days=days)):
                city_services.post_update(
                    project=project, author=manager, status=status, text=text, link=link, invented=True
                )


def open_vote(process, ideas: dict[str, Idea], *, people: dict, manager, rng: random.Random) -> None:
    shortlist = _jury(
        process,
        ideas,
        OPEN_FAVOURITES,
        seed="Lotto, first draw after the vote",
        winners=1,
        people=people,
        manager=manager,
        rng=rng,
    )
    _vote(shortlist, ideas, OPEN_VOTES, "pbk")


STORIES = {"past_vote": past_vote, "open_vote": open_vote}
