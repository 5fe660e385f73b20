"""The "legacy" draw practitioners used before LEXIMIN, kept to compare with it.

Seat people one at a time: take the quota value whose unmet minimum is largest relative to the people still
available with it, seat one of them uniformly at random, drop whoever can no longer be seated (a value at its
maximum, a housemate), and start again on a dead end. It always meets the quotas, but some people end up far less
likely than others; its probabilities are only known by running it many times.
"""

import random
from collections import Counter
from collections.abc import Sequence

from samen.algorithms.sortition.draw import Distribution, canonical
from samen.algorithms.sortition.pool import Person, household, id_key
from samen.algorithms.sortition.quotas import Quota, SortitionInputError

ATTEMPTS = 100


class _Bag:
    """People still available with one quota value: O(1) random pick and removal, in an order fixed by the inputs."""

    def __init__(self, people: list[int]) -> None:
        self.items = list(people)
        self.where = {person: index for index, person in enumerate(self.items)}

    def remove(self, person: int) -> None:
        index = self.where.pop(person, None)
        if index is None:
            return
        last = self.items.pop()
        if last != person:
            self.items[index] = last
            self.where[last] = index


def _attempt(
    quotas: Sequence[Quota], values: list[list[int]], housemates: list[list[int]], k: int, rng: random.Random
) -> list[int] | None:
    everyone = _Bag(list(range(len(values))))
    with_value: list[list[int]] = [[] for _ in quotas]
    for person, held in enumerate(values):
        for q in held:
            with_value[q].append(person)
    bags = [_Bag(members) for members in with_value]
    seated_per_quota = [0] * len(quotas)
    for q, quota in enumerate(quotas):
        if quota.max == 0:
            for person in list(bags[q].items):
                _drop(person, values, bags, everyone)
    panel: list[int] = []
    while len(panel) < k:
        urgent, need, available = None, 0, 1
        for q, quota in enumerate(quotas):
            missing = quota.min - seated_per_quota[q]
            if missing > 0:
                if len(bags[q].items) < missing:
                    return None
                if urgent is None or missing * available > need * len(bags[q].items):
                    urgent, need, available = q, missing, len(bags[q].items)
        candidates = everyone.items if urgent is None else bags[urgent].items
        if not candidates:
            return None
        person = candidates[rng.randrange(len(candidates))]
        panel.append(person)
        _drop(person, values, bags, everyone)
        for other in housemates[person]:
            _drop(other, values, bags, everyone)
        for q in values[person]:
            seated_per_quota[q] += 1
            if seated_per_quota[q] == quotas[q].max:
                for other in list(bags[q].items):
                    _drop(other, values, bags, everyone)
    if any(seated < quota.min for seated, quota in zip(seated_per_quota, quotas, strict=True)):
        return None
    return panel


def _drop(person: int, values: list[list[int]], bags: list[_Bag], everyone: _Bag) -> None:
    everyone.remove(person)
    for q in values[person]:
        bags[q].remove(person)


def legacy_panel(
    people: Sequence[Person], quotas: Sequence[Quota], k: int, rng: random.Random, *, households: bool = False
) -> tuple[str, ...]:
    """One legacy draw; `rng` decides it, so a seeded generator gives the same panel everywhere."""
    ordered = sorted(people, key=lambda person: id_key(person.id))
    quota_of = {(quota.category, quota.value): q for q, quota in enumerate(quotas)}
    values = [[quota_of[pair] for pair in person.features] for person in ordered]
    at: dict[str, list[int]] = {}
    for index, person in enumerate(ordered):
        if households and household(person.address):
            at.setdefault(household(person.address), []).append(index)
    housemates = [[o for o in at.get(household(p.address), []) if o != i] for i, p in enumerate(ordered)]
    for _ in range(ATTEMPTS):
        panel = _attempt(quotas, values, housemates, k, rng)
        if panel is not None:
            return tuple(ordered[index].id for index in sorted(panel))
    raise SortitionInputError(f"the legacy draw found no panel meeting the quotas in {ATTEMPTS} attempts")


def legacy_distribution(
    people: Sequence[Person],
    quotas: Sequence[Quota],
    k: int,
    *,
    seed: str,
    runs: int = 1000,
    households: bool = False,
    unselectable: Sequence[str] = (),
) -> Distribution:
    """The legacy draw's distribution, counted over `runs` draws: run 0 uses random.Random(seed), run i the seed
    followed by ":i", so the draw made with the seed is one of them."""
    generators = (random.Random(seed if run == 0 else f"{seed}:{run}") for run in range(runs))  # noqa: S311 - replayable
    draws = Counter(legacy_panel(people, quotas, k, rng, households=households) for rng in generators)
    seats = Counter(person for panel, times in draws.items() for person in panel for _ in range(times))
    probabilities = {p.id: seats[p.id] / runs for p in sorted(people, key=lambda person: id_key(person.id))}
    panels = canonical({panel: times / runs for panel, times in draws.items()})
    return Distribution("legacy", k, panels, probabilities, tuple(unselectable), estimated=True)
