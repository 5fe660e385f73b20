"""The participation indicators the platform computes itself, keyed by a code (`Indicator.code`).

Each computation reads the process kinds through their queries and gives the value on a day, with a breakdown per
neighbourhood where it has one. People are counted, not accounts: a verified person who took part from two accounts
counts once (processes.queries.people_taking_part). `compute_indicators` (services.py) stores the values; no web
request computes them."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.db.models import Sum

from samen.accounts.models import User, Verification
from samen.algorithms.indicators import dissimilarity
from samen.budgets import queries as budget_queries
from samen.city.models import Indicator, PopulationCount, PopulationTable
from samen.ideas import queries as idea_queries
from samen.initiatives import queries as initiative_queries
from samen.processes.models import Process
from samen.processes.queries import people_taking_part
from samen.votes import queries as vote_queries


@dataclass(frozen=True)
class Measure:
    value: Decimal
    breakdown: dict[str, Decimal] = field(default_factory=dict)  # per neighbourhood code (as text)


@dataclass(frozen=True)
class Computation:
    name: dict[str, str]  # the indicator's name in nl, fr, en when the platform creates it
    unit: str
    direction: str
    compute: Callable[[date], Measure | None]  # None: nothing to measure (no population table)


def _decimal(number) -> Decimal:
    value = Decimal(number.numerator) / Decimal(number.denominator) if isinstance(number, Fraction) else Decimal(number)
    return value.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Person:
    neighbourhood_code: int | None
    born_on: date | None


def people() -> list[Person]:
    """Everyone who took part in a published process, once, with a home neighbourhood (their newest account's)
    and a birth date (their verification's) when known."""
    published = list(Process.objects.filter(status=Process.Status.PUBLISHED).values_list("pk", flat=True))
    taking_part = people_taking_part(published)
    accounts = {account for owned in taking_part.values() for account in owned}
    homes = dict(
        User.objects.filter(pk__in=accounts, neighbourhood_code__isnull=False).values_list("pk", "neighbourhood_code")
    )
    digests = [who for who in taking_part if isinstance(who, str)]
    births = dict(Verification.objects.filter(digest__in=digests).values_list("digest", "born_on"))
    return [
        Person(
            neighbourhood_code=next((homes[a] for a in sorted(owned, reverse=True) if a in homes), None),
            born_on=births.get(who) if isinstance(who, str) else None,
        )
        for who, owned in taking_part.items()
    ]


def population_table() -> PopulationTable | None:
    return PopulationTable.objects.first()


def _population_by(table: PopulationTable, column: str) -> dict[str, int]:
    rows = PopulationCount.objects.filter(table=table).values(column).annotate(total=Sum("count"))
    return {str(row[column]): row["total"] for row in rows}


def age_band_of(born_on: date, today: date, bands: list[str]) -> str | None:
    """The band ("16-24", "65+") a person born on `born_on` is in on `today`, among `bands`."""
    age = today.year - born_on.year - ((today.month, today.day) < (born_on.month, born_on.day))
    for band in bands:
        low, _dash, high = band.rstrip("+").partition("-")
        if low.isdigit() and age >= int(low) and (band.endswith("+") or (high.isdigit() and age <= int(high))):
            return band
    return None


def participants(today: date) -> Measure:
    everyone = people()
    by_home = Counter(str(person.neighbourhood_code) for person in everyone if person.neighbourhood_code)
    return Measure(_decimal(len(everyone)), {code: _decimal(count) for code, count in sorted(by_home.items())})


def participants_per_thousand(today: date) -> Measure | None:
    table = population_table()
    if table is None:
        return None
    residents = _population_by(table, "neighbourhood_code")
    everyone = people()
    by_home = Counter(str(person.neighbourhood_code) for person in everyone if person.neighbourhood_code)
    total = sum(residents.values())
    if not total:
        return None
    # The whole counts everyone; a neighbourhood, the people whose account names it as their home.
    return Measure(
        _decimal(Fraction(len(everyone) * 1000, total)),
        {code: _decimal(Fraction(by_home[code] * 1000, size)) for code, size in sorted(residents.items()) if size},
    )


def representativeness_by(column: str) -> Callable[[date], Measure | None]:
    """The index of dissimilarity (in %) between participants and residents by neighbourhood or by age band."""

    def compute(today: date) -> Measure | None:
        table = population_table()
        if table is None:
            return None
        population = _population_by(table, column)
        everyone = people()
        if column == "neighbourhood_code":
            groups = Counter(str(person.neighbourhood_code) for person in everyone if person.neighbourhood_code)
        else:
            bands = sorted(population)
            groups = Counter(
                band
                for person in everyone
                if person.born_on and (band := age_band_of(person.born_on, today, bands)) is not None
            )
        index = dissimilarity(groups, population)
        return None if index is None else Measure(_decimal(index * 100))

    return compute


def _count(read: Callable[[], int]) -> Callable[[date], Measure]:
    return lambda today: Measure(_decimal(read()))


HIGHER, LOWER = Indicator.Direction.HIGHER, Indicator.Direction.LOWER

COMPUTATIONS: dict[str, Computation] = {
    "participants": Computation(
        {"nl": "Deelnemers", "fr": "Participants", "en": "Participants"}, "people", HIGHER, participants
    ),
    "participants-per-1000": Computation(
        {
            "nl": "Deelnemers per 1.000 inwoners",
            "fr": "Participants pour 1 000 habitants",
            "en": "Participants per 1,000 residents",
        },
        "per 1,000 residents",
        HIGHER,
        participants_per_thousand,
    ),
    "ideas-posted": Computation(
        {"nl": "Ingediende ideeën", "fr": "Idées déposées", "en": "Ideas posted"},
        "ideas",
        HIGHER,
        _count(idea_queries.ideas_posted),
    ),
    "ballots-cast": Computation(
        {"nl": "Uitgebrachte stemmen", "fr": "Bulletins déposés", "en": "Ballots cast"},
        "ballots",
        HIGHER,
        _count(lambda: vote_queries.ballots_cast() + budget_queries.ballots_cast()),
    ),
    "signatures": Computation(
        {
            "nl": "Handtekeningen onder burgerinitiatieven",
            "fr": "Signatures d'initiatives citoyennes",
            "en": "Signatures on citizens' initiatives",
        },
        "signatures",
        HIGHER,
        _count(initiative_queries.standing_signatures),
    ),
    "initiatives-overdue": Computation(
        {
            "nl": "Initiatieven zonder tijdig raadsbesluit",
            "fr": "Initiatives sans décision du conseil dans les délais",
            "en": "Initiatives overdue at the council",
        },
        "initiatives",
        LOWER,
        _count(lambda: len(initiative_queries.overdue_initiatives())),
    ),
    "representativeness-neighbourhood": Computation(
        {
            "nl": "Ongelijkheid van deelname per wijk",
            "fr": "Écart de participation par quartier",
            "en": "Participation gap by neighbourhood",
        },
        "% dissimilarity",
        LOWER,
        representativeness_by("neighbourhood_code"),
    ),
    "representativeness-age": Computation(
        {
            "nl": "Ongelijkheid van deelname per leeftijd",
            "fr": "Écart de participation par âge",
            "en": "Participation gap by age band",
        },
        "% dissimilarity",
        LOWER,
        representativeness_by("age_band"),
    ),
}
