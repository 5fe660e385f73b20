"""What each kind of taking part offers to assisted participation, without this app importing any of them (the way
`processes.page.contribute` composes a process page): a kind declares in its `AppConfig.ready` which contributions a
facilitator can enter now, how the audit names what was entered, and how a resident takes their contributions over."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Opening:
    """Something a facilitator can enter for a resident now: "Budget ballot: Laeken 2026" and its form."""

    title: str
    url: str


@dataclass(frozen=True)
class AssistedKind:
    action: str  # a value of assisted.models.Action
    label: str
    # (facilitator) -> what they may enter now
    openings: Callable[..., list[Opening]]
    # (consents) -> {consent pk: (what was entered, in words; its page)}, for the audit and "My participation"
    describe: Callable[..., dict[int, tuple[str, str]]]
    # (consents, user) -> (pks of the consents whose contribution is now the user's, clashes in words); inside the
    # take-over's transaction
    take_over: Callable[..., tuple[list[int], list[str]]]


_kinds: dict[str, AssistedKind] = {}


def offer(kind: AssistedKind) -> None:
    """Add (or replace, by action) a kind of assisted contribution."""
    _kinds[kind.action] = kind


def kinds() -> list[AssistedKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.action)


def kind_of(action: str) -> AssistedKind | None:
    return _kinds.get(action)
