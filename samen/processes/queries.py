from collections import defaultdict
from datetime import datetime, timedelta
from typing import NamedTuple

from django.core.cache import caches
from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from samen.accounts.models import Verification, VerificationTransfer
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


ID_BATCH = 500


def _persons_of(accounts: list[int]) -> dict[int, str]:
    """The person (verification digest) of each verified account, or of one whose verification moved on."""
    person = {}
    # In batches: SQLite refuses a statement with more than 32,766 parameters (999 before SQLite 3.32).
    for start in range(0, len(accounts), ID_BATCH):
        batch = accounts[start : start + ID_BATCH]
        person |= dict(Verification.objects.filter(user_id__in=batch).values_list("user_id", "digest"))
        # An account whose verification moved to the person's new account (an approved transfer) is the same person.
        moved = VerificationTransfer.objects.filter(from_user_id__in=batch, status=VerificationTransfer.Status.APPROVED)
        for account, digest in moved.values_list("from_user_id", "digest"):
            person.setdefault(account, digest)
    return person


def _participations(process_ids: list[int]) -> list[tuple[int, int | str, int | None]]:
    """(process, person, account) for everything anyone did in the processes: the person is the verification's
    digest, else the account's id, else a paper ballot's pseudonym (no account)."""
    pairs = {pair for source in page.participant_sources() for pair in source(process_ids)}
    accounts = sorted({participant for _process, participant in pairs if isinstance(participant, int)})
    person = _persons_of(accounts)
    return [
        (process_id, person.get(participant, participant), participant if isinstance(participant, int) else None)
        for process_id, participant in pairs
    ]


def people_taking_part(process_ids: list[int]) -> dict[int | str, set[int]]:
    """Every person who took part in any of the processes, once, with the accounts they took part from (none for a
    paper ballot): what the City's participation indicators count."""
    people = defaultdict(set)
    for _process, who, account in _participations(process_ids):
        people[who].update([account] if account is not None else [])
    return dict(people)


def participants(process_ids: list[int]) -> dict[int, int]:
    """How many people took part in each process, whatever they did there (an idea, a comment, a support, a ballot,
    an answer to a lottery): one person counts once, and a verified account counts as its person, so that a resident
    whose verification moved from an old account to a new one is one participant. Accounts never verified count as
    themselves: nothing tells whose they are."""
    people = defaultdict(set)
    for process_id, who, _account in _participations(process_ids):
        people[process_id].add(who)
    return {process_id: len(who) for process_id, who in people.items()}


def participant_accounts(process_id: int) -> list[int]:
    """The accounts of whoever took part in the process in any app (the people its news is for)."""
    pairs = {pair for source in page.participant_sources() for pair in source([process_id])}
    return sorted({participant for _process, participant in pairs if isinstance(participant, int)})
