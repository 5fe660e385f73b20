"""From a distribution over panels to one panel, the same on every machine for the same seed.

A type-level panel says how many seats each type gets; `spread` turns a distribution of those into a distribution
of panels of people in which every member of a type has the same probability, with exact fractions, so that anyone
can check each panel against the quotas and add the probabilities up. `sample_panel` walks that list in canonical order
with one uniform number taken from SHA-256 of the seed.
"""

import hashlib
import itertools
import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from samen.algorithms.sortition.pool import id_key


@dataclass(frozen=True)
class WeightedPanel:
    probability: float
    panel: tuple[str, ...]  # person ids in canonical order


@dataclass(frozen=True)
class Distribution:
    """A lottery over panels of size k and what it gives each person.

    `probabilities` covers the whole pool (0 for the unselectable: people no panel meeting the quotas can hold);
    `estimated` is true for the legacy method, whose distribution is counted over repeated runs.
    """

    method: str
    k: int
    panels: tuple[WeightedPanel, ...]  # canonical order: by the sorted ids of each panel
    probabilities: Mapping[str, float]
    unselectable: tuple[str, ...]
    estimated: bool = False

    @property
    def min_probability(self) -> float:
        """Over the people who fit on some panel: the figure LEXIMIN maximises first."""
        left_out = set(self.unselectable)
        return min((p for person, p in self.probabilities.items() if person not in left_out), default=0.0)


def canonical(panels: Mapping[tuple[str, ...], Fraction | float]) -> tuple[WeightedPanel, ...]:
    """Panels sorted by their ids (natural order), so the walk never depends on a dict or a solver's order."""
    rank = {person: r for r, person in enumerate(sorted({p for ids in panels for p in ids}, key=id_key))}
    merged: dict[tuple[int, ...], Fraction | float] = {}
    for ids, weight in panels.items():
        ranks = tuple(sorted(rank[p] for p in ids))
        merged[ranks] = merged.get(ranks, 0) + weight
    people = sorted(rank, key=rank.__getitem__)
    return tuple(
        WeightedPanel(float(merged[ranks]), tuple(people[r] for r in ranks))
        for ranks in sorted(merged)
        if merged[ranks] > 0
    )


class _Rotation:
    """How one type fills c seats: the intervals where it has c seats, laid end to end, are cut into size/gcd equal
    steps; step a seats the members a*c .. a*c+c-1 (cyclically), so over the steps every member sits equally long."""

    def __init__(self, weights: list[Fraction], spans: list[int], size: int, count: int) -> None:
        self.size, self.count = size, count
        self.steps = size // math.gcd(size, count)
        self.total = sum((weights[j] for j in spans), Fraction(0))
        self.before: dict[int, Fraction] = {}
        done = Fraction(0)
        for j in spans:
            self.before[j] = done
            done += weights[j]

    def cuts(self, weights: list[Fraction], starts: list[Fraction]) -> list[Fraction]:
        """Where, on the whole [0, 1) line, this type's seat holders change."""
        found, spans = [], list(self.before)
        index = 0
        for a in range(1, self.steps):
            target = self.total * a / self.steps
            while self.before[spans[index]] + weights[spans[index]] <= target:
                index += 1
            found.append(starts[spans[index]] + target - self.before[spans[index]])
        return found

    def seats(self, j: int, offset: Fraction) -> range:
        """Positions (modulo size) of the members seated at `offset` into interval j."""
        step = math.floor((self.before[j] + offset) * self.steps / self.total)
        return range(step * self.count, step * self.count + self.count)


def spread(
    members: Sequence[tuple[str, ...]], type_panels: Sequence[tuple[float, tuple[int, ...]]]
) -> tuple[tuple[WeightedPanel, ...], dict[str, Fraction]]:
    """Panels of people from panels of counts per type, and each person's exact probability.

    The type-level panels lie end to end on [0, 1), each as long as its probability; every type rotates its seats
    within them (`_Rotation`), and each stretch between two cuts is one panel of people.
    """
    raw = [Fraction(weight) for weight, _ in type_panels]
    total = sum(raw, Fraction(0))
    weights = [weight / total for weight in raw]
    starts = list(itertools.accumulate(weights, initial=Fraction(0)))[:-1]
    seats = [[(t, count) for t, count in enumerate(counts) if count] for _, counts in type_panels]
    holding: dict[int, list[int]] = {}  # the panels that seat some of a type
    for j, seated in enumerate(seats):
        for t, _ in seated:
            holding.setdefault(t, []).append(j)
    cuts = set(starts) | {Fraction(1)}
    rotations: dict[tuple[int, int], _Rotation] = {}
    for t, ids in enumerate(members):
        if len(ids) == 1:
            continue  # one member: seated whenever the type is
        for count in sorted({type_panels[j][1][t] for j in holding.get(t, ()) if type_panels[j][1][t] < len(ids)}):
            spans = [j for j in holding[t] if type_panels[j][1][t] == count]
            rotations[t, count] = rotation = _Rotation(weights, spans, len(ids), count)
            cuts.update(rotation.cuts(weights, starts))
    points = sorted(cuts)
    panels: dict[tuple[str, ...], Fraction] = {}
    for low, high in itertools.pairwise(points):
        j = bisect_right(starts, low) - 1
        seated: list[str] = []
        for t, count in seats[j]:
            ids = members[t]
            if (t, count) in rotations:
                seated.extend(ids[i % len(ids)] for i in rotations[t, count].seats(j, low - starts[j]))
            else:
                seated.extend(ids[:count])
        key = tuple(seated)
        panels[key] = panels.get(key, Fraction(0)) + high - low
    shares = [
        sum((weights[j] * type_panels[j][1][t] for j in holding.get(t, ())), Fraction(0)) / len(ids)
        for t, ids in enumerate(members)
    ]
    probabilities = {person: shares[t] for t, ids in enumerate(members) for person in ids}
    return canonical(panels), probabilities


def uniform(seed: str) -> Fraction:
    """A number in [0, 1) from the seed alone: SHA-256 of its UTF-8 bytes, read as a 256-bit fraction."""
    return Fraction(int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest(), "big"), 2**256)


def sample_panel(distribution: Distribution, seed: str) -> tuple[str, ...]:
    """The panel whose stretch of the cumulative probabilities (canonical order, exact sums) holds uniform(seed)."""
    target = uniform(seed) * sum((Fraction(p.probability) for p in distribution.panels), Fraction(0))
    reached = Fraction(0)
    for weighted in distribution.panels:
        reached += Fraction(weighted.probability)
        if target < reached:
            return weighted.panel
    return distribution.panels[-1].panel


def as_json(distribution: Distribution, panel: Sequence[str], seed: str) -> dict:
    """Everything needed to check the draw: each panel can be checked against the quotas, each probability summed."""
    return {
        "method": distribution.method,
        "k": distribution.k,
        "min_probability": distribution.min_probability,
        "probabilities": dict(distribution.probabilities),
        "unselectable": list(distribution.unselectable),
        "distribution": [{"probability": p.probability, "panel": list(p.panel)} for p in distribution.panels],
        "panel": list(panel),
        "seed": seed,
        "estimated": distribution.estimated,
    }
