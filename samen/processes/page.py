"""A process page is composed of what each app adds to it: an app declares its part in its `AppConfig.ready` with
`contribute(Part(...))`, and the processes app imports none of the apps above it (issue 15).

Two slots: "links" (inside "What you can do now": a vote, a budget, a lottery) and "main" (after the process: the
idea list). A part may read a reverse one-to-one link of the process (`related`, one join for all parts), compute
its own context, and offer a fragment that htmx asks for by target (the idea list with its filters)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import BigIntegerField, CharField, F, Q, QuerySet, Value

SLOTS = ("links", "main")


@dataclass(frozen=True)
class Counted:
    """Rows of a reverse relation of the process that a part counts, perhaps only those matching `only`: read with
    the process, in the same query, as `process.counted_<name>` ("meetings", or e.g. "meetings_minutes" for the
    meetings whose minutes are published)."""

    relation: str
    only: Q | None = None
    name: str = ""

    @property
    def key(self) -> str:
        return self.name or self.relation


@dataclass(frozen=True)
class Part:
    name: str
    template: str
    slot: str
    order: int = 100
    related: tuple[str, ...] = ()  # select_related names on the process, e.g. "shortlist"
    # reverse relations of the process whose rows the part counts, e.g. "meetings": read with the process, in the
    # same query, as `process.counted_meetings`; a `Counted` counts only some of them under its own name
    counted: tuple[str | Counted, ...] = ()
    # (request, process) -> the names the part's template reads
    context: Callable[..., dict] | None = None
    # the element id htmx targets to reload the part alone, and the template (partial) that renders it
    fragment_target: str = ""
    fragment_template: str = ""
    # query parameters the part's own links carry (the page cache stores only addresses the page links to)
    parameters: frozenset[str] = frozenset()
    # (request, context) -> False when the address is not one the part links to (an unknown filter value)
    canonical: Callable[..., bool] | None = None
    # (request) -> True when the answer is the visitor's own (a random order): never from the page cache
    personal: Callable[..., bool] | None = None

    def __post_init__(self):
        if self.slot not in SLOTS:
            raise ValueError(f"{self.name}: slot must be one of {SLOTS}")


_parts: dict[str, Part] = {}


def contribute(part: Part) -> None:
    """Add (or replace, by name) an app's part of the process page."""
    _parts[part.name] = part


def parts(slot: str | None = None) -> list[Part]:
    chosen = [part for part in _parts.values() if slot is None or part.slot == slot]
    return sorted(chosen, key=lambda part: (part.order, part.name))


def related_names() -> list[str]:
    return sorted({name for part in _parts.values() for name in part.related})


def counted_rows() -> list[Counted]:
    """What the parts count with the process, one `Counted` per name."""
    rows = {}
    for part in _parts.values():
        for entry in part.counted:
            entry = Counted(entry) if isinstance(entry, str) else entry
            rows[entry.key] = entry
    return [rows[key] for key in sorted(rows)]


def counted_named(name: str) -> Counted:
    """The `Counted` a part declared under `name` (a plain relation name when none did)."""
    return next((entry for entry in counted_rows() if entry.key == name), Counted(name))


def fragment_for(target: str | None) -> Part | None:
    """The part that htmx asks to reload alone, by its element id."""
    return next((part for part in parts() if target and part.fragment_target == target), None)


def parameters() -> set[str]:
    return {name for part in _parts.values() for name in part.parameters}


# Who took part in a process, counted on its card and its page (processes/queries.participants counts people, not
# accounts). Each app that records taking part gives, for some processes, querysets of rows made by `taking_part`,
# counted in one SQL statement: the process's id and an account's id, or, for a ballot kept without an account (on
# paper, or of an account since deleted), the person's pseudonym in that vote. Where it keeps such ballots, it also
# gives them as (process id, vote, pseudonym), to tell whether their person took part with an account too.
ParticipantSource = Callable[[list[int]], Iterable[QuerySet]]
KeptBallotSource = Callable[[list[int]], Iterable[tuple[int, str, str]]]


@dataclass(frozen=True)
class Participants:
    rows: ParticipantSource
    kept_ballots: KeptBallotSource | None = None


_participant_sources: dict[str, Participants] = {}


def taking_part(rows: QuerySet, *, process: str, account: str = "", key: str = "") -> QuerySet:
    """`rows` as (process id, account id, pseudonym) under the names every source's rows share, unordered (a UNION
    of them): the account, or for a ballot kept without one, its pseudonym in the vote."""
    return rows.order_by().values(
        taking_part_process=F(process),
        taking_part_account=F(account) if account else Value(None, output_field=BigIntegerField()),
        taking_part_key=F(key) if key else Value(None, output_field=CharField()),
    )


def count_participants_with(
    name: str, rows: ParticipantSource, *, kept_ballots: KeptBallotSource | None = None
) -> None:
    _participant_sources[name] = Participants(rows, kept_ballots)


def participant_sources() -> list[Participants]:
    return list(_participant_sources.values())


@dataclass(frozen=True)
class Outcome:
    """A result or a decision, for "recent results and decisions" on the home page."""

    title: str
    url: str
    when: datetime
    summary: str  # "The vote is counted", "The council adopted it"
    title_language: str = ""


# Each app that publishes results or decisions gives its latest `limit` ones (public ones only).
_outcome_sources: dict[str, Callable[[int], list[Outcome]]] = {}


def report_outcomes_with(name: str, source: Callable[[int], list[Outcome]]) -> None:
    _outcome_sources[name] = source


def recent_outcomes(limit: int = 5) -> list[Outcome]:
    outcomes = [outcome for source in _outcome_sources.values() for outcome in source(limit)]
    return sorted(outcomes, key=lambda outcome: outcome.when, reverse=True)[:limit]


@dataclass(frozen=True)
class Section:
    """What an upper app adds to a page of a lower one other than the process page: a process's follow-up page (the
    city app's), a council's page (the panels app's). `context(request, obj)` gives the names its template reads,
    or None when it has nothing to show."""

    name: str
    template: str
    context: Callable[..., dict | None]


@dataclass(frozen=True)
class Shown:
    template: str
    context: dict


_sections: dict[str, dict[str, Section]] = {}


def add_section(page_name: str, section: Section) -> None:
    _sections.setdefault(page_name, {})[section.name] = section


def sections(page_name: str, request, obj) -> list[Shown]:
    """The sections of `page_name` for `obj` that have something to show, by name; a template includes each with
    `{% include shown.template with data=shown.context %}`."""
    found = []
    for _name, section in sorted(_sections.get(page_name, {}).items()):
        context = section.context(request, obj)
        if context is not None:
            found.append(Shown(section.template, context))
    return found
