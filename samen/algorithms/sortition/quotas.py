"""Quotas of a stratified draw: at least `min` and at most `max` panel members per (category, value).

The quota CSV layouts in use name their columns differently (see data/sortition/SOURCES.md): the category is
`category` or `feature`, the value `value` or `name` (or `feature` when the category is `category`), and the bounds
`min` and `max`. Other columns (flex bounds, suggestions, empty trailing columns) are ignored.
"""

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class SortitionInputError(ValueError):
    """Refused input; `line` is the 1-based line of the file to blame (None when no line is), `source` which file."""

    def __init__(self, reason: str, *, line: int | None = None, source: str = "") -> None:
        super().__init__(reason if line is None else f"line {line}: {reason}")
        self.reason = reason
        self.line = line
        self.source = source


@dataclass(frozen=True)
class Quota:
    category: str
    value: str
    min: int
    max: int
    line: int | None = None  # where it stands in the quota file, to point at it in messages

    def describe(self) -> str:
        where = f" (line {self.line})" if self.line is not None else ""
        return f"{self.category} {self.value!r} {self.min}..{self.max}{where}"


def categories(quotas: Sequence[Quota]) -> tuple[str, ...]:
    """The categories in the order they first appear, which is the order of every feature vector."""
    return tuple(dict.fromkeys(quota.category for quota in quotas))


def values_by_category(quotas: Sequence[Quota]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for quota in quotas:
        found.setdefault(quota.category, []).append(quota.value)
    return {category: tuple(values) for category, values in found.items()}


def _header_columns(header: list[str]) -> dict[str, int]:
    """Which column holds the category, the value, min and max; the file's own names, stripped, in any case."""
    names = [name.strip().lower() for name in header]

    def only(name: str) -> int | None:
        if names.count(name) > 1:
            raise SortitionInputError(f"the column {name!r} appears {names.count(name)} times", line=1)
        return names.index(name) if name in names else None

    category = only("category")
    value_names = ("value", "name", "feature") if category is not None else ("value", "name")
    if category is None:
        category = only("feature")
    value = next((index for name in value_names if (index := only(name)) is not None), None)
    columns = {"category": category, "value": value, "min": only("min"), "max": only("max")}
    missing = [name for name, index in columns.items() if index is None]
    if missing:
        expected = "category (or feature), value (or name), min, max"
        raise SortitionInputError(
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}: expected {expected}, "
            f"found {','.join(header)!r}",
            line=1,
        )
    return {name: index for name, index in columns.items() if index is not None}


def _bound(text: str, name: str, line: int) -> int:
    if not text.strip().isdigit():
        raise SortitionInputError(f"{name} must be a whole number of at least 0, found {text!r}", line=line)
    return int(text)


def read_quotas(lines: Iterable[str]) -> tuple[Quota, ...]:
    """Read a quota file; refuse it at the first line that is wrong, naming that line."""
    reader = csv.reader(lines, strict=True)
    quotas: list[Quota] = []
    seen: dict[tuple[str, str], int] = {}
    try:
        header = next(reader, None)
        if not header:
            raise SortitionInputError("the quota file is empty: expected a header row", line=1)
        columns = _header_columns(header)
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            cells = {name: (row[index].strip() if index < len(row) else "") for name, index in columns.items()}
            if not cells["category"] or not cells["value"]:
                raise SortitionInputError("the category and the value must not be empty", line=line)
            low, high = _bound(cells["min"], "min", line), _bound(cells["max"], "max", line)
            if low > high:
                raise SortitionInputError(f"min {low} is larger than max {high}", line=line)
            key = (cells["category"], cells["value"])
            if key in seen:
                raise SortitionInputError(f"{key[0]} {key[1]!r} already has a quota on line {seen[key]}", line=line)
            seen[key] = line
            quotas.append(Quota(key[0], key[1], low, high, line))
    except csv.Error as error:
        raise SortitionInputError(f"not valid CSV: {error}", line=reader.line_num) from None
    if not quotas:
        raise SortitionInputError("the quota file has no quotas", line=1)
    return tuple(quotas)
