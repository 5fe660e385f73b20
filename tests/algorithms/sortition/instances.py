"""The shared sortition instances, read from the repository copy in data/sortition (never from ../shared)."""

import functools
import json
from pathlib import Path

from samen.algorithms.sortition import Person, Quota, leximin_distribution, read_pool, read_quotas
from samen.algorithms.sortition.draw import Distribution

DATA = Path(__file__).resolve().parents[3] / "data" / "sortition"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
NAMES = sorted(EXPECTED["instances"])


def load(name: str) -> tuple[list[Person], list[Quota], int]:
    about = EXPECTED["instances"][name]
    with (DATA / name / about["quotas_file"]).open(encoding="utf-8-sig", newline="") as lines:
        quotas = read_quotas(lines)
    with (DATA / name / about["pool_file"]).open(encoding="utf-8-sig", newline="") as lines:
        people = read_pool(lines, quotas, id_column=about["id_column"])
    return list(people), list(quotas), about["k"]


@functools.cache
def solved(name: str) -> Distribution:
    """Each instance is solved once per test run and shared by the tests that check it."""
    people, quotas, k = load(name)
    return leximin_distribution(people, quotas, k)
