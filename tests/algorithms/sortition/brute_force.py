"""An independent LEXIMIN for tiny pools: every panel enumerated, one LP per person per level, no column generation,
no types and no duals. The tests compare the engine with it."""

import itertools

import highspy
import numpy as np

from samen.algorithms.sortition import Person, Quota


def meets_quotas(panel: list[Person], quotas: list[Quota], *, households: bool = False) -> bool:
    for quota in quotas:
        seated = sum(1 for person in panel if person.value(quota.category) == quota.value)
        if not quota.min <= seated <= quota.max:
            return False
    addresses = [person.address for person in panel if person.address]
    return not households or len(addresses) == len(set(addresses))


def all_panels(people: list[Person], quotas: list[Quota], k: int, *, households: bool = False) -> list[frozenset]:
    return [
        frozenset(person.id for person in panel)
        for panel in itertools.combinations(people, k)
        if meets_quotas(list(panel), quotas, households=households)
    ]


def _maximise(panels: list[frozenset], floors: dict[str, float], raised: list[str], target: str | None) -> float:
    """Over lotteries giving each person in `floors` at least that much: the largest z that everyone in `raised`
    reaches (target None), or the largest probability of `target`."""
    highs = highspy._Highs()
    highs.setOptionValue("output_flag", False)
    size = len(panels)
    for panel in panels:
        highs.addCol(1.0 if target in panel else 0.0, 0.0, 1.0, 0, np.array([], dtype=np.int32), np.array([]))
    highs.addCol(1.0 if target is None else 0.0, 0.0, 1.0, 0, np.array([], dtype=np.int32), np.array([]))
    highs.addRow(1.0, 1.0, size, np.arange(size, dtype=np.int32), np.ones(size))
    for person, floor in floors.items():
        holding = [j for j, panel in enumerate(panels) if person in panel]
        highs.addRow(
            floor - 1e-9, highspy.kHighsInf, len(holding), np.array(holding, dtype=np.int32), np.ones(len(holding))
        )
    for person in raised if target is None else []:
        holding = [j for j, panel in enumerate(panels) if person in panel]
        entries = np.array([*holding, size], dtype=np.int32)
        highs.addRow(0.0, highspy.kHighsInf, len(holding) + 1, entries, np.array([1.0] * len(holding) + [-1.0]))
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    highs.run()
    return highs.getInfo().objective_function_value


def leximin_probabilities(panels: list[frozenset], people: list[str]) -> dict[str, float]:
    """Textbook LEXIMIN: maximise the least probability, fix everyone who cannot then get more, and repeat."""
    selectable = [person for person in people if any(person in panel for panel in panels)]
    fixed: dict[str, float] = {}
    while len(fixed) < len(selectable):
        unfixed = [person for person in selectable if person not in fixed]
        level = _maximise(panels, fixed, unfixed, None)
        floors = {**fixed, **dict.fromkeys(unfixed, level)}
        stuck = [person for person in unfixed if _maximise(panels, floors, [], person) <= level + 1e-7]
        fixed.update(dict.fromkeys(stuck or unfixed, level))
    return {person: fixed.get(person, 0.0) for person in people}


def lottery_problems(distribution, people: list[Person], quotas: list[Quota], k: int, *, households: bool = False):
    """What an outside checker would object to in a published lottery; empty when it checks out."""
    by_id = {person.id: person for person in people}
    problems = []
    for entry in distribution.panels:
        panel = [by_id[person] for person in entry.panel]
        if len(set(entry.panel)) != k or not meets_quotas(panel, quotas, households=households):
            problems.append(f"panel {entry.panel} breaks the quotas or has not {k} different people")
        if not entry.probability > 0:
            problems.append(f"panel {entry.panel} has probability {entry.probability}")
    if abs(sum(entry.probability for entry in distribution.panels) - 1) > 1e-9:
        problems.append("the panel probabilities do not add up to 1")
    summed = dict.fromkeys(by_id, 0.0)
    for entry in distribution.panels:
        for person in entry.panel:
            summed[person] += entry.probability
    if any(abs(summed[person] - distribution.probabilities[person]) > 1e-9 for person in by_id):
        problems.append("the probabilities do not follow from the distribution")
    if abs(sum(distribution.probabilities.values()) - k) > 1e-6:
        problems.append("the probabilities do not add up to k")
    if any(distribution.probabilities[person] != 0 for person in distribution.unselectable):
        problems.append("an unselectable person has a probability")
    return problems
