"""The first stage of a civic lottery: who gets an invitation, and who replaces a member who leaves.

Invitations are spread over strata (neighbourhoods) in proportion to their residents by the largest-remainder rule,
then drawn uniformly within each stratum. A seat left empty goes to the first person on the reserve list (ordered by
the published seed) whose arrival keeps every quota met.
"""

import random
from collections.abc import Mapping, Sequence

from samen.algorithms.sortition.quotas import Quota
from samen.algorithms.ties import lottery_key, natural_key


def allocate(sizes: Mapping[str, int], total: int) -> dict[str, int]:
    """Split `total` invitations over strata in proportion to their sizes (largest remainders; ties by stratum name),
    never more than a stratum holds."""
    population = sum(sizes.values())
    total = min(total, population)
    if total <= 0:
        return dict.fromkeys(sizes, 0)
    shares = {stratum: (size * total // population, size * total % population) for stratum, size in sizes.items()}
    given = {stratum: whole for stratum, (whole, _) in shares.items()}
    by_remainder = sorted(shares, key=lambda stratum: (-shares[stratum][1], natural_key(stratum)))
    for stratum in by_remainder[: total - sum(given.values())]:
        given[stratum] += 1
    return given


def draw_invitations(
    strata: Mapping[str, Sequence[str]], total: int, rng: random.Random, *, proportional: bool = True
) -> list[str]:
    """The ids to invite: `total` of them, uniformly within each stratum (or over everyone), in a stable order."""
    if not proportional:
        everyone = sorted((person for members in strata.values() for person in members), key=natural_key)
        return sorted(rng.sample(everyone, min(total, len(everyone))), key=natural_key)
    counts = allocate({stratum: len(members) for stratum, members in strata.items()}, total)
    chosen: list[str] = []
    for stratum in sorted(strata, key=natural_key):
        chosen.extend(rng.sample(sorted(strata[stratum], key=natural_key), counts[stratum]))
    return sorted(chosen, key=natural_key)


def reserve_order(ids: Sequence[str], seed: str) -> list[str]:
    """The reserve list: everyone not drawn, ordered by SHA-256 of "seed:id", which anyone can recompute."""
    return sorted(ids, key=lambda person: lottery_key(seed, person))


def meets_quotas(panel: Sequence[Mapping[str, str]], quotas: Sequence[Quota]) -> bool:
    return all(
        quota.min <= sum(1 for features in panel if features.get(quota.category) == quota.value) <= quota.max
        for quota in quotas
    )


def replacement(
    panel: Sequence[Mapping[str, str]], reserve: Sequence[tuple[str, Mapping[str, str]]], quotas: Sequence[Quota]
) -> str | None:
    """The first person on the reserve list with whom the panel (without the member who left) meets the quotas."""
    return next((person for person, features in reserve if meets_quotas([*panel, features], quotas)), None)
