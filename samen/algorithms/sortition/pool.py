"""The pool of volunteers a panel is drawn from: one person per row, one column per quota category.

Other columns are ignored. The id is the `--id-column` when there is one, else the row number (the first data row is
1), as in the replication and Diversimax files. With households, an address column says who lives together.
"""

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from samen.algorithms.sortition.quotas import Quota, SortitionInputError, categories, values_by_category
from samen.algorithms.ties import natural_key


@dataclass(frozen=True)
class Person:
    id: str
    features: tuple[tuple[str, str], ...]  # (category, value) for each quota category
    address: str = ""  # only read with households; empty means a household of one

    def value(self, category: str) -> str:
        return dict(self.features)[category]


def household(address: str) -> str:
    """Addresses that differ only in case or spacing are the same household ("" for none)."""
    return " ".join(address.casefold().split())


def id_key(person_id: str) -> tuple[int, int, str]:
    """The canonical order of people: "7" before "12", then other ids as strings; never the order of a file."""
    return natural_key(person_id)


def _value(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def read_pool(
    lines: Iterable[str],
    quotas: Sequence[Quota],
    *,
    id_column: str | None = None,
    address_column: str | None = None,
) -> tuple[Person, ...]:
    """Read a pool file, refusing it at the first wrong line: missing columns, unknown values, duplicate ids."""
    known = values_by_category(quotas)
    reader = csv.reader(lines, strict=True)
    people: list[Person] = []
    first_line: dict[str, int] = {}
    try:
        header = [name.strip() for name in next(reader, None) or []]
        wanted = [*known, *(name for name in (id_column, address_column) if name is not None)]
        missing = [name for name in wanted if name not in header]
        if missing:
            raise SortitionInputError(
                f"missing column{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))} "
                f"(the header is {','.join(header)!r})",
                line=1,
            )
        columns = {name: header.index(name) for name in wanted}
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            person_id = _value(row, columns[id_column]) if id_column else str(len(people) + 1)
            if not person_id:
                raise SortitionInputError(f"the id ({id_column}) is empty", line=line)
            if person_id in first_line:
                raise SortitionInputError(
                    f"id {person_id!r} is already used on line {first_line[person_id]}", line=line
                )
            first_line[person_id] = line
            features = []
            for category, values in known.items():
                value = _value(row, columns[category])
                if value not in values:
                    raise SortitionInputError(
                        f"{category} {value!r} is not a value of the quotas (expected one of {', '.join(values)})",
                        line=line,
                    )
                features.append((category, value))
            address = _value(row, columns[address_column]) if address_column else ""
            people.append(Person(person_id, tuple(features), address))
    except csv.Error as error:
        raise SortitionInputError(f"not valid CSV: {error}", line=reader.line_num) from None
    return tuple(people)


def check_instance(people: Sequence[Person], quotas: Sequence[Quota], k: int) -> None:
    """The checks that do not depend on a file: for a pool built elsewhere (the web app) as much as for a CSV."""
    if k < 1:
        raise SortitionInputError(f"the panel size k must be at least 1, got {k}")
    if not quotas:
        raise SortitionInputError("there are no quotas")
    pairs = Counter((quota.category, quota.value) for quota in quotas)
    for (category, value), times in pairs.items():
        if times > 1:
            raise SortitionInputError(f"{category} {value!r} has {times} quotas", source="quotas")
    if k > len(people):
        raise SortitionInputError(f"the panel size k = {k} is larger than the pool ({len(people)} people)")
    duplicates = sorted((pid for pid, n in Counter(p.id for p in people).items() if n > 1), key=id_key)
    if duplicates:
        raise SortitionInputError(f"ids used more than once: {', '.join(duplicates[:10])}")
    known = values_by_category(quotas)
    for person in people:
        values = dict(person.features)
        for category in categories(quotas):
            if values.get(category) not in known[category]:
                raise SortitionInputError(
                    f"person {person.id!r} has {category} {values.get(category)!r}, not a value of the quotas"
                )


@dataclass(frozen=True)
class PoolTypes:
    """People grouped by identical feature values, in canonical order; housemates each form a type of their own."""

    vectors: tuple[tuple[str, ...], ...]
    members: tuple[tuple[str, ...], ...]  # ids per type, in id order
    households: tuple[tuple[int, ...], ...]  # types of which at most one may sit (housemates)

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(len(members) for members in self.members)


def group_types(people: Sequence[Person], quotas: Sequence[Quota], *, households: bool = False) -> PoolTypes:
    """Types sorted by feature values, then ids: the solvers see the same problem whatever the order of the file."""
    order = categories(quotas)
    at: dict[str, list[Person]] = {}
    if households:
        for person in people:
            if household(person.address):
                at.setdefault(household(person.address), []).append(person)
    shared = {person.id for housemates in at.values() if len(housemates) > 1 for person in housemates}
    groups: dict[tuple[tuple[str, ...], str], list[str]] = {}
    for person in people:
        vector = tuple(dict(person.features)[category] for category in order)
        groups.setdefault((vector, person.id if person.id in shared else ""), []).append(person.id)
    keys = sorted(groups, key=lambda key: (key[0], [id_key(i) for i in sorted(groups[key], key=id_key)]))
    members = tuple(tuple(sorted(groups[key], key=id_key)) for key in keys)
    type_of = {person_id: index for index, ids in enumerate(members) for person_id in ids}
    housemates = sorted(
        tuple(sorted(type_of[person.id] for person in group)) for group in at.values() if len(group) > 1
    )
    return PoolTypes(tuple(key[0] for key in keys), members, tuple(housemates))
