"""Seeded Brussels-like pools of volunteers, for benchmarks and tests of the sortition engine (issue 14).

A register of residents is drawn from invented but plausible shares for the Brussels-Capital Region, with the
features depending on each other (age drives activity, household and tenure; the area drives language, education
and tenure); the volunteers are those who answer an invitation, more often the educated, the older and owners. The
quotas are what the lottery page suggests from the register (`samen.panels.queries.suggested_quotas`): each value's
share of the register times the seats, one seat either side. With 6 to 8 categories almost every volunteer is a
type of their own, as in real pools. Plain Python; the seed decides everything.

    .venv/bin/python bench/brussels_pools.py     # rewrites the generated instances in data/sortition/
"""

import csv
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from samen.algorithms.sortition import Person, Quota  # noqa: E402

# Shares of the adult register (%), rounded and invented in the spirit of Statbel's figures for the region.
SHARES: dict[str, dict[str, float]] = {
    "gender": {"woman": 50.8, "man": 48.7, "x": 0.5},
    "age_band": {"16-24": 13, "25-34": 21, "35-44": 20, "45-54": 16, "55-64": 13, "65+": 17},
    "area": {"centre": 14, "north": 22, "north-west": 20, "south-west": 15, "south-east": 17, "east": 12},
    "education": {"low": 32, "middle": 30, "high": 38},
    "home_language": {"french": 56, "dutch": 6, "french-dutch": 8, "other": 30},
    "tenure": {"owner": 38, "private-renter": 51, "social-renter": 11},
    "household_size": {"1": 30, "2": 27, "3-4": 30, "5+": 13},
    "activity": {"employed": 52, "job-seeker": 11, "student": 10, "retired": 17, "other": 10},
}
CATEGORIES = tuple(SHARES)
AGES = tuple(SHARES["age_band"])
WEALTHY = {"centre": 1.0, "north": 0.6, "north-west": 0.7, "south-west": 1.0, "south-east": 1.6, "east": 1.5}

# Invented instances committed in data/sortition/: (volunteers, categories, seats, seed).
INSTANCES = {
    "brussels_generated_350_30": (350, 7, 30, "brussels_generated_350_30"),
    "brussels_generated_400_40": (400, 8, 40, "brussels_generated_400_40"),
    "brussels_generated_2000_60": (2000, 7, 60, "brussels_generated_2000_60"),
}


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    values = list(weights)
    return rng.choices(values, weights=[weights[value] for value in values])[0]


def _tilted(category: str, tilt: dict[str, float]) -> dict[str, float]:
    return {value: share * tilt.get(value, 1.0) for value, share in SHARES[category].items()}


def resident(rng: random.Random) -> dict[str, str]:
    """One resident: area, age and gender at the register's shares, the other features depending on them."""
    area, age, gender = _pick(rng, SHARES["area"]), _pick(rng, SHARES["age_band"]), _pick(rng, SHARES["gender"])
    old, young, wealth = AGES.index(age) >= 4, age == "16-24", WEALTHY[area]
    education = _pick(rng, _tilted("education", {"low": (1.6 if old else 1.0) / wealth, "high": wealth}))
    language = _pick(
        rng,
        _tilted("home_language", {"other": 1.6 / wealth, "dutch": 1.5 if area == "centre" else 1.0, "french": wealth}),
    )
    tenure = _pick(
        rng,
        _tilted(
            "tenure",
            {"owner": (2.0 if old else 0.3 if young else 1.0) * wealth, "social-renter": 1.5 / wealth},
        ),
    )
    household = _pick(
        rng,
        _tilted("household_size", {"1": 1.8 if old or young else 1.0, "5+": 1.6 if language == "other" else 0.8}),
    )
    activity = _pick(
        rng,
        _tilted(
            "activity",
            {
                "student": 8.0 if young else 0.05,
                "retired": 5.0 if age == "65+" else 0.3 if age == "55-64" else 0.0,
                "employed": (1.5 if education == "high" else 0.8) * (0.1 if age == "65+" else 1.0),
                "job-seeker": 1.5 / wealth if age != "65+" else 0.0,
            },
        ),
    )
    return {
        "gender": gender,
        "age_band": age,
        "area": area,
        "education": education,
        "home_language": language,
        "tenure": tenure,
        "household_size": household,
        "activity": activity,
    }


def answers(rng: random.Random, person: dict[str, str]) -> bool:
    """Who volunteers when invited: about one in ten, the educated, the older and owners more often."""
    chance = 0.1 * {"low": 0.5, "middle": 0.9, "high": 1.6}[person["education"]]
    chance *= {"16-24": 0.7, "25-34": 0.9, "35-44": 1.0, "45-54": 1.1, "55-64": 1.3, "65+": 1.2}[person["age_band"]]
    chance *= {"owner": 1.3, "private-renter": 0.9, "social-renter": 0.7}[person["tenure"]]
    return rng.random() < chance


def suggested_quotas(register: Counter, k: int, categories: tuple[str, ...]) -> tuple[Quota, ...]:
    """The lottery page's rule (`samen.panels.queries.suggested_quotas`): share of the register times k, +-1 seat."""
    quotas = []
    for category in categories:
        total = sum(register[category, value] for value in SHARES[category])
        for value in SHARES[category]:
            target = k * register[category, value] / total
            quotas.append(Quota(category, value, max(0, math.floor(target) - 1), min(k, math.ceil(target) + 1)))
    return tuple(quotas)


def generate(n: int, k: int, categories: int, seed: str) -> tuple[tuple[Person, ...], tuple[Quota, ...]]:
    """n volunteers (ids 1..n) described by the first `categories` categories, and the quotas for k seats."""
    if not 1 <= categories <= len(CATEGORIES):
        raise ValueError(f"categories must be between 1 and {len(CATEGORIES)}, got {categories}")
    chosen = CATEGORIES[:categories]
    rng = random.Random(seed)  # test data, reproducible by design
    register: Counter = Counter()
    people: list[Person] = []
    while len(people) < n:  # the register grows until enough residents have answered an invitation
        person = resident(rng)
        register.update((category, person[category]) for category in chosen)
        if answers(rng, person):
            people.append(Person(str(len(people) + 1), tuple((category, person[category]) for category in chosen)))
    return tuple(people), suggested_quotas(register, k, chosen)


def write(folder: Path, people: tuple[Person, ...], quotas: tuple[Quota, ...]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "categories.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["category", "value", "min", "max"])
        writer.writerows([quota.category, quota.value, quota.min, quota.max] for quota in quotas)
    with (folder / "respondents.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", *(category for category, _ in people[0].features)])
        writer.writerows([person.id, *(value for _, value in person.features)] for person in people)


def main() -> None:
    for name, (n, categories, k, seed) in INSTANCES.items():
        people, quotas = generate(n, k, categories, seed)
        write(ROOT / "data" / "sortition" / name, people, quotas)
        types = len({person.features for person in people})
        print(f"{name}: {n} volunteers, {types} types, {len(quotas)} feature values, k = {k}")


if __name__ == "__main__":
    main()
