import contextlib
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import NamedTuple

from django.core.cache import caches
from django.db import connections, models
from django.db.models import IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import formats
from django.utils.translation import gettext as _

from samen.accounts.models import Verification, VerificationTransfer
from samen.accounts.verification import vote_pseudonym
from samen.algorithms.timeline import running_index
from samen.common import clock, page_cache
from samen.processes import page
from samen.processes.models import Phase, Process
from samen.processes.phases import PHASE_KINDS, VOTING


def visible_processes(viewer) -> QuerySet[Process]:
    """Published processes; process managers also see drafts."""
    processes = Process.objects.prefetch_related("phases")
    if viewer.has_perm("processes.manage_processes"):
        return processes
    return processes.filter(status=Process.Status.PUBLISHED)


def phases_scope(process_id: int) -> str:
    """The generation (common/page_cache.py) that every save or delete of one of the process's phases raises."""
    return f"phases:{process_id}"


def attach_phases(process: Process) -> Process:
    """Give `process` its phases as `prefetch_related` would, from this worker's memory while they have not changed:
    a write (the support toggle) checks the running phase without a query for it."""
    current = page_cache.generation(phases_scope(process.pk))
    key = f"phases:{process.pk}:{current}"
    rows = caches["local"].get(key) if current is not None else None
    if rows is None:
        rows = list(Phase.objects.filter(process=process).values())
        if current is not None:  # without the shared cache, nobody could tell this worker the phases changed
            caches["local"].set(key, rows, timeout=page_cache.PHASES_SECONDS)
    phases = process.phases.all()
    phases._result_cache = [Phase(**row) for row in rows]  # the model's ordering, as the query gave them
    phases._prefetch_done = True
    process._prefetched_objects_cache = getattr(process, "_prefetched_objects_cache", {}) | {"phases": phases}
    return process


def running_phase(process: Process, *, now: datetime | None = None) -> Phase | None:
    """The phase whose dates (Brussels calendar) contain `now`; reads the prefetched phases when there are."""
    phases = list(process.phases.all())
    index = running_index([phase.period for phase in phases], now or clock.now())
    return None if index is None else phases[index]


def phase_allows(process: Process, action: str, *, now: datetime | None = None) -> bool:
    phase = running_phase(process, now=now)
    return phase is not None and action in phase.allows


def next_phase(process: Process, *, now: datetime | None = None) -> Phase | None:
    now = now or clock.now()
    return next((phase for phase in process.phases.all() if phase.period.opens_at() > now), None)


def next_boundary(process: Process, *, now: datetime | None = None) -> datetime | None:
    """The next instant a phase of the process opens or closes: until then, what the process allows stays the same."""
    now = now or clock.now()
    instants = [
        instant
        for phase in process.phases.all()
        for instant in (phase.period.opens_at(), phase.period.closes_at())
        if instant > now
    ]
    return min(instants, default=None)


def phase_of_kind(process: Process, kind: str) -> Phase | None:
    """The process's phase of this kind (a vote, a ballot), from the prefetched phases when there are."""
    return next((phase for phase in process.phases.all() if phase.kind == kind), None)


def phase_has_opened(process: Process, kind: str, *, now: datetime | None = None) -> bool:
    phase = phase_of_kind(process, kind)
    return phase is not None and phase.period.opens_at() <= (now or clock.now())


def phase_has_ended(process: Process, kind: str, *, now: datetime | None = None) -> bool:
    phase = phase_of_kind(process, kind)
    return phase is not None and phase.period.closes_at() <= (now or clock.now())


def voting_has_opened(process: Process, *, now: datetime | None = None) -> bool:
    """A phase of the process where residents vote (a shortlist vote, a budget ballot) has opened."""
    if process.pk is None:
        return False
    now = now or clock.now()
    return any(phase.allows & VOTING and phase.period.opens_at() <= now for phase in process.phases.all())


def last_minute(phase: Phase) -> datetime:
    """The last minute a phase is open, Brussels time: what every "until …" shows (its last day, 23:59)."""
    return phase.period.closes_at() - timedelta(minutes=1)


def open_until(process: Process, action: str, *, now: datetime | None = None) -> datetime | None:
    """The last minute of the running phase when it allows `action` (a support, a ballot), else None: "you can
    change your vote until …"."""
    phase = running_phase(process, now=now)
    if phase is None or action not in phase.allows:
        return None
    return last_minute(phase)


class PlainNow(NamedTuple):
    text: str  # "Vote until 16 July", what comes next, or that the process has ended
    action: str  # the one thing it invites to do ("Vote"), or ""
    stage: int  # 0 open, 1 to come, 2 ended


def now_in_plain_words(process: Process, *, date_format: str = "j F") -> PlainNow:
    """What a process's card and its poster say it is doing, in the active language."""
    phase, upcoming = running_phase(process), next_phase(process)
    if phase is not None:
        kind = PHASE_KINDS[phase.kind]
        until = formats.date_format(last_minute(phase), date_format)
        return PlainNow(kind.card_text % {"until": until}, kind.action, 0)
    if upcoming is not None:
        day = formats.date_format(upcoming.first_day, date_format)
        return PlainNow(_("Next: %(phase)s, from %(day)s") % {"phase": upcoming.display_title, "day": day}, "", 1)
    return PlainNow(_("This process has ended. Everything posted stays readable."), "", 2)


PROCESS_BATCH = 200
# Seconds a count of participants is kept: a ballot or a volunteer (which do not make the process's pages stale, see
# common/page_cache.py) shows on the home page and the process page within this time; an idea, a comment or a
# support at once, as they raise the process's generation, under which the count is kept.
COUNT_SECONDS = 60


class Count(NamedTuple):
    people: int
    counted_at: datetime


def participant_counts(process_ids: list[int]) -> dict[int, Count]:
    """How many people took part in each process (`participants`), kept in the shared cache under the process's
    generation for COUNT_SECONDS: the home page reads them there, and counts only the processes whose count is
    missing or stale."""
    generations = page_cache.generations(process_ids)
    if generations is None:  # the shared cache does not answer: count
        now = clock.now()
        return {pk: Count(n, now) for pk, n in participants(process_ids).items()}
    keys = {pk: f"participants:{pk}:{generations[pk]}" for pk in process_ids}
    try:
        found = caches["default"].get_many(keys.values())
    except Exception:  # stopped answering since
        found = {}
    counts = {pk: Count(*found[key]) for pk, key in keys.items() if key in found}
    missing = [pk for pk in process_ids if pk not in counts]
    if missing:
        now = clock.now()
        fresh = participants(missing)
        counted = {pk: Count(fresh.get(pk, 0), now) for pk in missing}
        counts |= counted
        with contextlib.suppress(Exception):  # not kept: the next visitor counts again
            caches["default"].set_many({keys[pk]: tuple(count) for pk, count in counted.items()}, COUNT_SECONDS)
    return counts


def participants(process_ids: list[int]) -> dict[int, int]:
    """How many people took part in each process, whatever they did there (an idea, a comment, a support, a ballot,
    an answer to a lottery): one person counts once. A verified account counts as its person, and so does an account
    whose verification moved to the person's new account; accounts never verified count as themselves (nothing tells
    whose they are). A ballot kept without an account (on paper, or of an account since deleted) counts as its
    person unless one of the process's verified participants has its pseudonym: the same person, come back.

    One SQL statement counts them (COUNT DISTINCT of the person's digest, the ballot's pseudonym or the account);
    only for a process with ballots kept without an account are those ballots and the verified participants'
    digests read, to find the people counted twice."""
    counts: dict[int, int] = {}
    for start in range(0, len(process_ids), PROCESS_BATCH):
        counted = _count_people(process_ids[start : start + PROCESS_BATCH])
        counts |= {process_id: people for process_id, (people, _kept) in counted.items()}
        with_kept = [process_id for process_id, (_people, kept) in counted.items() if kept]
        if with_kept:
            for process_id, twice in _counted_twice(with_kept).items():
                counts[process_id] -= twice
    return counts


def _kept_ballots(process_ids: list[int]) -> Iterator[tuple[int, str, str]]:
    """(process, vote, pseudonym) of every ballot kept without an account, from each app that keeps such ballots."""
    for source in page.participant_sources():
        if source.kept_ballots:
            yield from source.kept_ballots(process_ids)


def _counted_twice(process_ids: list[int]) -> dict[int, int]:
    """How many ballots kept without an account are of a person who also took part with a verified account: their
    pseudonym in that vote is the one the person's digest gives."""
    kept = defaultdict(set)
    for process_id, vote, key in _kept_ballots(process_ids):
        kept[process_id].add((vote, key))
    digests = _people_digests(list(kept))
    twice = {}
    for process_id, ballots in kept.items():
        votes = {vote for vote, _key in ballots}
        known = {vote_pseudonym(digest, vote) for digest in digests.get(process_id, ()) for vote in votes}
        twice[process_id] = len({key for _vote, key in ballots if key in known})
    return twice


def _taking_part_sql(process_ids: list[int]) -> tuple[str, list, str]:
    """The rows of every source as one UNION ALL, with the person each account is: its verification's digest, or
    that of the verification it gave to a new account, or NULL; and the database to read them from (the replica for
    an anonymous visitor, as the querysets' router chose)."""
    rows = [rows for source in page.participant_sources() for rows in source.rows(process_ids)]
    union = rows[0].union(*rows[1:], all=True)
    connection = connections[union.db]
    sql, params = union.query.get_compiler(connection=connection).as_sql()
    quote = connection.ops.quote_name
    # Table names from the models; every value a parameter.
    joined = f"""
        SELECT taking_part.taking_part_process AS process, taking_part.taking_part_account AS account,
               taking_part.taking_part_key AS kept, COALESCE(verification.digest, moved.digest) AS digest
        FROM ({sql}) taking_part
        LEFT JOIN {quote(Verification._meta.db_table)} verification
            ON verification.user_id = taking_part.taking_part_account
        LEFT JOIN {quote(VerificationTransfer._meta.db_table)} moved
            ON moved.from_user_id = taking_part.taking_part_account AND moved.status = %s
    """  # noqa: S608
    return joined, [*params, VerificationTransfer.Status.APPROVED], union.db


def _count_people(process_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Per process: the people (a kept ballot's pseudonym counted as a person of its own) and the kept ballots."""
    if not page.participant_sources():
        return {}
    sql, params, database = _taking_part_sql(process_ids)
    # A digest and a pseudonym are 64 hexadecimal characters, an account's id a number: they never meet.
    person = "COALESCE(people.digest, 'kept:' || people.kept, CAST(people.account AS VARCHAR(20)))"
    with connections[database].cursor() as cursor:
        cursor.execute(
            f"SELECT people.process, COUNT(DISTINCT {person}), COUNT(people.kept) FROM ({sql}) people "  # noqa: S608
            "GROUP BY people.process",
            params,
        )
        return {process_id: (people, kept) for process_id, people, kept in cursor.fetchall()}


def _people_digests(process_ids: list[int]) -> dict[int, set[str]]:
    """The digests of the verified people who took part in each process with an account."""
    sql, params, database = _taking_part_sql(process_ids)
    digests = defaultdict(set)
    with connections[database].cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT people.process, people.digest FROM ({sql}) people WHERE people.digest IS NOT NULL",  # noqa: S608
            params,
        )
        for process_id, digest in cursor.fetchall():
            digests[process_id].add(digest)
    return digests


def people_taking_part(process_ids: list[int]) -> dict[int | str, set[int]]:
    """Every person who took part in any of the processes, once, with the accounts they took part from (none for a
    ballot kept without an account): what the City's participation indicators count. A person is their
    verification's digest, else their account's id; a kept ballot is the person whose pseudonym it bears in its vote
    when one of the verified participants is that person, else a person of its own."""
    people: dict[int | str, set[int]] = defaultdict(set)
    kept: set[str] = set()
    if not page.participant_sources():
        return {}
    for start in range(0, len(process_ids), PROCESS_BATCH):
        sql, params, database = _taking_part_sql(process_ids[start : start + PROCESS_BATCH])
        with connections[database].cursor() as cursor:
            cursor.execute(f"SELECT DISTINCT people.account, people.kept, people.digest FROM ({sql}) people", params)  # noqa: S608
            for account, key, digest in cursor.fetchall():
                if account is not None:
                    people[digest or account].add(account)
                elif key is not None:
                    kept.add(key)
    if kept:
        votes = {vote for _process, vote, key in _kept_ballots(process_ids) if key in kept}
        digests = [who for who in people if isinstance(who, str)]
        known = {vote_pseudonym(digest, vote): digest for digest in digests for vote in votes}
        for key in kept:
            people.setdefault(known.get(key, f"kept:{key}"), set())
    return dict(people)


def participant_accounts(process_id: int) -> list[int]:
    """The accounts of whoever took part in the process in any app (the people its news is for)."""
    if not page.participant_sources():
        return []
    sql, params, database = _taking_part_sql([process_id])
    with connections[database].cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT people.account FROM ({sql}) people WHERE people.account IS NOT NULL",  # noqa: S608
            params,
        )
        return sorted(account for (account,) in cursor.fetchall())


def rows_of(counted: "page.Counted") -> Coalesce:
    """An annotation for a process: how many rows its reverse relation `counted.relation` ("meetings") has, only
    those matching `counted.only` if given, as a subquery (one per count: joins of several would multiply each
    other's rows)."""
    field = Process._meta.get_field(counted.relation)
    rows = field.related_model._base_manager.filter(**{field.field.name: OuterRef("pk")})
    if counted.only is not None:
        rows = rows.filter(counted.only)
    number = rows.order_by().values(field.field.name).annotate(rows=models.Count("pk")).values("rows")
    return Coalesce(Subquery(number, output_field=IntegerField()), 0)


def counted(process: Process, name: str) -> int:
    """What `rows_of` counted under `name` with the process, or a count now when it was read without it."""
    number = getattr(process, f"counted_{name}", None)
    if number is not None:
        return number
    entry = page.counted_named(name)
    rows = getattr(process, entry.relation).all()
    return (rows if entry.only is None else rows.filter(entry.only)).count()
