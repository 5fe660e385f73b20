"""What a dataset is: named tables of plain values, with titles and descriptions in every language."""

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    name: str  # the CSV file's name in the ZIP, and the key in the JSON file
    columns: tuple[str, ...]
    rows: Iterable[tuple]


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: dict[str, str]  # per language: nl, fr, en
    description: dict[str, str]
    tables: list[Table] = field(default_factory=list)
    documents: dict[str, object] = field(default_factory=dict)  # name -> a JSON document published as it is


def num(value):
    return None if value is None else str(value)


def day(value):
    return None if value is None else value.isoformat()


def moment(value):
    return None if value is None else value.isoformat(timespec="seconds")
