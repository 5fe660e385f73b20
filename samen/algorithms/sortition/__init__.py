"""Panels drawn by lot under quotas (issue 7): LEXIMIN on HiGHS, the legacy greedy draw, and a seeded draw.

The web app and `samen sortition` call `draw_panel`; `check_feasibility` explains quotas no panel can meet.
Everything here is plain data in and out: no clock, no global randomness, the seed decides the panel.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from samen.algorithms.sortition.draw import Distribution, WeightedPanel, as_json, sample_panel
from samen.algorithms.sortition.feasibility import (
    SECONDS,
    Bound,
    Feasibility,
    InfeasibleQuotas,
    PanelProgram,
    SolverTimeLimit,
    check_feasibility,
)
from samen.algorithms.sortition.legacy import legacy_distribution, legacy_panel
from samen.algorithms.sortition.leximin import leximin_distribution
from samen.algorithms.sortition.pool import Person, check_instance, group_types, id_key, read_pool
from samen.algorithms.sortition.quotas import Quota, SortitionInputError, categories, read_quotas

METHODS = ("leximin", "legacy")

__all__ = [
    "METHODS",
    "Bound",
    "Distribution",
    "Draw",
    "Feasibility",
    "InfeasibleQuotas",
    "Person",
    "Quota",
    "SolverTimeLimit",
    "SortitionInputError",
    "WeightedPanel",
    "categories",
    "check_feasibility",
    "check_instance",
    "draw_panel",
    "legacy_distribution",
    "legacy_panel",
    "leximin_distribution",
    "read_pool",
    "read_quotas",
    "sample_panel",
]


@dataclass(frozen=True)
class Draw:
    """A published draw: the lottery, the seed announced before it, and the panel the seed picked."""

    distribution: Distribution
    panel: tuple[str, ...]
    seed: str

    def as_json(self) -> dict[str, Any]:
        return as_json(self.distribution, self.panel, self.seed)


def _unselectable(people: Sequence[Person], quotas: Sequence[Quota], k: int, households: bool) -> tuple[str, ...]:
    """People no panel meeting the quotas can hold; InfeasibleQuotas when there is no such panel at all."""
    types = group_types(people, quotas, households=households)
    covered = PanelProgram(types, quotas, k).cover()
    if covered is None:
        raise InfeasibleQuotas(check_feasibility(people, quotas, k, households=households))
    return tuple(sorted((person for t in covered[1] for person in types.members[t]), key=id_key))


def draw_panel(
    people: Sequence[Person],
    quotas: Sequence[Quota],
    k: int,
    *,
    seed: str,
    method: str = "leximin",
    households: bool = False,
    runs: int = 1000,
    time_limit: float = SECONDS,
) -> Draw:
    """Compute the lottery with `method` and draw its panel with `seed`.

    Raises SortitionInputError on bad input and InfeasibleQuotas (a subclass) when no panel meets the quotas, and
    SolverTimeLimit when an integer program reaches `time_limit` seconds. For "legacy", the distribution is counted
    over `runs` draws and the panel is the draw made with the seed.
    """
    if method not in METHODS:
        raise SortitionInputError(f"unknown method {method!r}: expected one of {', '.join(METHODS)}")
    if method == "leximin":
        distribution = leximin_distribution(people, quotas, k, households=households, time_limit=time_limit)
        return Draw(distribution, sample_panel(distribution, seed), seed)
    check_instance(people, quotas, k)
    unselectable = _unselectable(people, quotas, k, households)
    distribution = legacy_distribution(
        people, quotas, k, seed=seed, runs=runs, households=households, unselectable=unselectable
    )
    seeded = random.Random(seed)  # noqa: S311 - a published seed must replay the draw; nothing here is secret
    first = legacy_panel(people, quotas, k, seeded, households=households)
    return Draw(distribution, first, seed)
