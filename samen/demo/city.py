"""The City's dashboard in the demo: the strategy's real indicators with their baselines and targets
(data/brussels/city_indicators_2030.csv), a series of values up to today INVENTED for the demo (each value's note
says so), an INVENTED population table, and the participation indicators the platform computes from the demo."""

import csv
import random
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.utils.text import slugify

from samen.city.computed import COMPUTATIONS
from samen.city.models import (
    Domain,
    Indicator,
    IndicatorValue,
    Objective,
    PopulationCount,
    PopulationTable,
    Project,
)
from samen.city.origins import Outcome, draft_project, followers_of
from samen.city.services import add_computed_indicator, compute_indicators, create_project
from samen.city.strategy import load_domains

DATA = Path(__file__).resolve().parents[2] / "data" / "brussels"
INVENTED = "Invented for the demo"  # the note on every value the demo makes up
PUBLISHED = date(2023, 3, 31)  # the strategy's publication: its figures without a year are "current" then
REGION_NOTE = date(2019, 1, 24)  # the Region's ambition note, approved that day
STATED = "Stated in the source document, on its publication"

# One objective per domain, from the sub-themes the strategy lists (data/brussels/CITY_STRATEGY_SOURCES.md).
OBJECTIVES = {
    "open-solidary": (
        "Inclusie, gelijke kansen en digitale vaardigheden voor iedereen",
        "Inclusion, égalité des chances et compétences numériques pour tous",
        "Inclusion, equal opportunities and digital skills for everyone",
    ),
    "close-by": (
        "Cultuur, sport en basisvoorzieningen dicht bij huis",
        "Culture, sport et équipements de base près de chez soi",
        "Culture, sport and basic facilities close to home",
    ),
    "changing": (
        "Levendige en aangename wijken",
        "Des quartiers vivants et agréables",
        "Lively and pleasant neighbourhoods",
    ),
    "healthy": (
        "Minder energie- en waterverbruik in de gebouwen van de Stad",
        "Moins de consommation d'énergie et d'eau dans les bâtiments de la Ville",
        "Less energy and water used in the City's buildings",
    ),
    "moving": (
        "Een modal shift naar het openbaar vervoer, de fiets en te voet",
        "Un report modal vers les transports en commun, le vélo et la marche",
        "A modal shift to public transport, cycling and walking",
    ),
    "dynamic-smart": (
        "Werk, innovatie en een duurzame economie",
        "Emploi, innovation et économie durable",
        "Jobs, innovation and a sustainable economy",
    ),
    "participative-exemplary": (
        "Bewoners uit elke wijk en van elke leeftijd nemen deel",
        "Des habitants de chaque quartier et de chaque âge participent",
        "Residents of every neighbourhood and age take part",
    ),
}
# Targets the demo sets on its computed indicators (the strategy states none): (value, year).
COMPUTED_TARGETS = {
    "participants-per-1000": (Decimal(20), 2030),
    "representativeness-neighbourhood": (Decimal(10), 2030),
    "representativeness-age": (Decimal(10), 2030),
}
AGE_BANDS = ["16-24", "25-34", "35-44", "45-54", "55-64", "65+"]
AGE_SHARES = [13, 20, 18, 16, 14, 19]
GENDER_SHARES = {"woman": 505, "man": 490, "x": 5}


def _number(text: str) -> Decimal | None:
    return Decimal(text) if text.strip() else None


def _year_end(text: str) -> date | None:
    return date(int(text), 12, 31) if text.strip() else None


def _objectives() -> dict[str, Objective]:
    found = {}
    for slug, (nl, fr, en) in OBJECTIVES.items():
        domain = Domain.objects.get(slug=slug)
        found[slug], _created = Objective.objects.get_or_create(
            domain=domain, title_nl=nl, defaults={"title_fr": fr, "title_en": en}
        )
    return found


def _series(indicator: Indicator, published: date, rng: random.Random, today: date) -> list[tuple[date, Decimal, str]]:
    """(date, value, note): a figure stated without a year is the first value, on the document's publication; then
    yearly values up to today, INVENTED, drifting towards the target at a pace of the indicator's own (some faster
    than the straight line, some slower), with a little noise. A change with no stated reference starts at 0."""
    start = indicator.baseline_date or published
    base = indicator.baseline_value
    first = []
    if base is None and indicator.target_value is not None:
        base, first = Decimal(0), [(start, Decimal(0), INVENTED)]
    elif base is not None and indicator.baseline_date is None:
        first = [(start, base, STATED)]
    if base is None or start >= today:
        return first
    higher = indicator.direction == Indicator.Direction.HIGHER
    target = indicator.target_value
    end = indicator.target_date or date(2030, 12, 31)
    pace = rng.uniform(0.5, 1.3)
    whole = base == base.to_integral_value() and abs(base) >= 10
    dates = [date(year, 12, 31) for year in range(start.year + 1, today.year)] + [today.replace(day=1)]
    values = []
    for on in dates:
        share = min(1.0, (on - start).days / max(1, (end - start).days)) * pace
        if target is not None:
            value = float(base) + (float(target) - float(base)) * share
        else:  # no target: a slow improvement in the indicator's direction
            value = float(base) * (1 + (0.04 if higher else -0.04) * share * 8)
        value += rng.uniform(-0.02, 0.02) * (abs(float(base)) or 1)
        values.append((on, Decimal(round(value)) if whole else Decimal(f"{value:.1f}"), INVENTED))
    return first + values


def _strategy_indicators(rng: random.Random, today: date) -> None:
    objectives = _objectives()
    domains = {domain.slug: domain for domain in Domain.objects.all()}
    with (DATA / "city_indicators_2030.csv").open(encoding="utf-8") as rows:
        for position, row in enumerate(csv.DictReader(rows)):
            indicator = Indicator.objects.create(
                slug=slugify(row["name_en"])[:80],
                domain=domains[row["domain"]],
                objective=objectives.get(row["domain"]),
                name_nl=row["name_nl"],
                name_fr=row["name_fr"],
                name_en=row["name_en"],
                unit=row["unit"],
                direction=row["direction"],
                baseline_value=_number(row["baseline_value"]),
                baseline_date=_year_end(row["baseline_year"]),
                target_value=_number(row["target_value"]),
                target_date=_year_end(row["target_year"]),
                source=row["source"],
                note=" ".join(filter(None, [row["note"], "Values after the baseline are invented for the demo."])),
                kind=Indicator.Kind.IMPORTED,
                position=position,
            )
            published = REGION_NOTE if row["source"].startswith("Region") else PUBLISHED
            IndicatorValue.objects.bulk_create(
                IndicatorValue(indicator=indicator, date=on, value=value, note=note)
                for on, value, note in _series(indicator, published, rng, today)
            )


def _population(rng: random.Random, today: date) -> None:
    """Residents aged 16 and more per neighbourhood, age band and gender: invented, and marked so."""
    table = PopulationTable.objects.create(
        title="Invented population of the Brussels-Capital Region (demo)",
        source="Invented for the demo: not Statbel or IBSA figures",
        licence="CC0",
        invented=True,
        reference_date=date(today.year, 1, 1),
    )
    counts = []
    with (DATA / "neighbourhoods.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            residents = rng.randint(2_000, 12_000) if row["kind"] == "residential" else rng.randint(0, 60)
            for band, band_share in zip(AGE_BANDS, AGE_SHARES, strict=True):
                for gender, gender_share in GENDER_SHARES.items():
                    count = round(residents * band_share / 100 * gender_share / 1000 * rng.uniform(0.85, 1.15))
                    counts.append(
                        PopulationCount(
                            table=table, neighbourhood_code=int(row["code"]), age_band=band, gender=gender, count=count
                        )
                    )
    PopulationCount.objects.bulk_create(counts)


def _computed(today: date) -> None:
    domain = Domain.objects.get(slug="participative-exemplary")
    objective = Objective.objects.get(domain=domain)
    for position, code in enumerate(COMPUTATIONS, start=100):
        indicator = add_computed_indicator(code=code, domain=domain, position=position)
        fields = {"objective": objective}
        if code in COMPUTED_TARGETS:
            value, year = COMPUTED_TARGETS[code]
            fields |= {
                "target_value": value,
                "target_date": date(year, 12, 31),
                "note": "Target invented for the demo.",
            }
        Indicator.objects.filter(pk=indicator.pk).update(**fields)
    compute_indicators(today=today)


def load_city_demo(*, seed: int, today: date) -> bool:
    """The dashboard's demo, once: False when its indicators are already there."""
    if Indicator.objects.filter(kind=Indicator.Kind.IMPORTED).exists():
        return False
    rng = random.Random(seed)  # noqa: S311 - a reproducible demo, not a secret
    load_domains(Domain)
    _strategy_indicators(rng, today)
    _population(rng, today)
    _computed(today)
    return True


def project_from(outcome: Outcome, *, manager) -> Project:
    """The City project carrying out a demo process's winning idea or funded proposal, made in one step as staff
    would (its followers follow the project); the same one when the demo is loaded again."""
    found = (
        Project.objects.filter(idea=outcome.idea) if outcome.idea else Project.objects.filter(proposal=outcome.proposal)
    )
    if found.exists():
        return found.get()
    load_domains(Domain)  # its domain is one of them: loaded by a migration, but a test's flush removes them
    draft = draft_project(outcome)
    draft.invented = True
    return create_project(staff=manager, project=draft, followers=followers_of(outcome))
