"""The Laeken neighbourhood council's meetings (CC0: written for the demo; the place is real, the meetings are not).

Two past meetings with their minutes and decisions in Dutch and French, and one coming in nine days with six places,
all taken, and a waiting list of three demo residents (other demo residents can still join it). Dates are counted
from the demo's `today`; each step is replayed on its day through the services (`common/clock.py`)."""

from datetime import date, datetime, time, timedelta

from samen.accounts.models import User
from samen.algorithms.timeline import BRUSSELS
from samen.common import clock
from samen.meetings import services
from samen.meetings.models import Meeting
from samen.panels.models import Council

PLACE = {
    "address": "Maison de la Création, Place Émile Bockstael, 1020 Laeken",
    "latitude": 50.8768,
    "longitude": 4.3497,
    "step_free": True,
    "interpretation": "Nederlands en français",
}
PAST = [
    {
        "days": -56,
        "title": {
            "nl": "Wijkraad Laken: eerste vergadering",
            "fr": "Conseil de quartier de Laeken : première séance",
            "en": "Laeken neighbourhood council: first meeting",
        },
        "agenda": {
            "nl": "1. Kennismaking met de leden\n2. Huishoudelijk reglement\n3. Prioriteiten voor het eerste jaar",
            "fr": "1. Présentation des membres\n2. Règlement d'ordre intérieur\n3. Priorités de la première année",
        },
        "minutes": {
            "nl": "Achttien van de twintig leden waren aanwezig. De leden stelden zich voor en bespraken het "
            "huishoudelijk reglement. Verkeersveiligheid rond de scholen en het groen op het Bockstaelplein kwamen "
            "het vaakst terug als prioriteiten.",
            "fr": "Dix-huit des vingt membres étaient présents. Les membres se sont présentés et ont discuté du "
            "règlement d'ordre intérieur. La sécurité routière autour des écoles et la verdure de la place "
            "Bockstael sont revenues le plus souvent comme priorités.",
        },
        "decisions": {
            "nl": "- Het huishoudelijk reglement is aangenomen (17 voor, 1 onthouding).\n"
            "- De raad vergadert elke zes weken op donderdagavond.",
            "fr": "- Le règlement d'ordre intérieur est adopté (17 pour, 1 abstention).\n"
            "- Le conseil se réunit toutes les six semaines le jeudi soir.",
        },
    },
    {
        "days": -14,
        "title": {
            "nl": "Wijkraad Laken: schoolomgevingen",
            "fr": "Conseil de quartier de Laeken : abords d'écoles",
            "en": "Laeken neighbourhood council: school surroundings",
        },
        "agenda": {
            "nl": "1. Voorstelling door de mobiliteitsdienst\n2. Advies over de schoolstraten",
            "fr": "1. Présentation par le service mobilité\n2. Avis sur les rues scolaires",
        },
        "minutes": {
            "nl": "De mobiliteitsdienst stelde drie mogelijke schoolstraten voor. Ouders in de zaal vroegen om "
            "meer toezicht bij het begin van de lessen; handelaars vroegen om de levering voor 8 uur toe te laten.",
            "fr": "Le service mobilité a présenté trois rues scolaires possibles. Des parents présents ont demandé "
            "plus de surveillance à l'heure de l'entrée en classe ; des commerçants ont demandé que les livraisons "
            "restent possibles avant 8 heures.",
        },
        "decisions": {
            "nl": "- Positief advies voor de schoolstraten Rue Reper-Vreven en Rue Mellery.\n"
            "- Leveringen blijven mogelijk voor 8 uur.",
            "fr": "- Avis favorable aux rues scolaires rue Reper-Vreven et rue Mellery.\n"
            "- Les livraisons restent possibles avant 8 heures.",
        },
    },
]
COMING = {
    "days": 9,
    "title": {
        "nl": "Wijkraad Laken: het Bockstaelplein",
        "fr": "Conseil de quartier de Laeken : la place Bockstael",
        "en": "Laeken neighbourhood council: Place Bockstael",
    },
    "agenda": {
        "nl": "1. De ideeën van de bewoners voor het plein\n2. Vragen uit de zaal\n3. Advies aan de Stad",
        "fr": "1. Les idées des habitants pour la place\n2. Questions du public\n3. Avis à la Ville",
    },
    "capacity": 6,
}
REGISTERED = ["lucas", "amina", "jan", "fatima", "karim", "pieter"]
WAITING = ["els", "tom", "ines"]


def _at(day: date, hour: int = 19) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BRUSSELS)


def _meeting(council: Council, spec: dict, day: date, manager: User, **fields) -> Meeting:
    meeting = Meeting(
        council=council,
        starts_at=_at(day),
        ends_at=_at(day, 21),
        **{f"title_{language}": text for language, text in spec["title"].items()},
        **{f"agenda_{language}": text for language, text in spec["agenda"].items()},
        **PLACE,
        **fields,
    )
    return services.save_meeting(meeting=meeting, by=manager)


def load_council_meetings(*, people: dict[str, User], manager: User, today: date) -> int:
    """Laeken's meetings, once: nothing when the council is not in the demo or already has its meetings."""
    council = Council.objects.filter(slug="laeken").first()
    if council is None or council.meetings.exists():
        return 0
    for spec in PAST:
        day = today + timedelta(days=spec["days"])
        with clock.replaying(_at(day - timedelta(days=21), 10)):
            meeting = _meeting(council, spec, day, manager)
        with clock.replaying(_at(day + timedelta(days=3), 10)):
            services.publish_minutes(meeting=meeting, minutes=spec["minutes"], decisions=spec["decisions"], by=manager)
    with clock.replaying(_at(today, 9)):
        coming = _meeting(council, COMING, today + timedelta(days=COMING["days"]), manager, capacity=COMING["capacity"])
        for key in REGISTERED + WAITING:
            services.register(meeting=coming, person=people[key])
    return len(PAST) + 1
