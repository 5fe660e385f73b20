"""Writes on processes: used by the admin's twin paths, the demo loader and the tests."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samen.algorithms.timeline import Period, first_overlap
from samen.common.services import Texts, translated_columns
from samen.processes import notifications
from samen.processes.models import Phase, Process, Theme
from samen.processes.phases import PHASE_KINDS


def create_process(
    *,
    slug: str,
    title: Texts,
    description: Texts | None = None,
    scope: str = Process.Scope.REGION,
    municipality_nis: str = "",
    neighbourhood_code: int | None = None,
    voters: str = Process.Voters.VERIFIED,
    topics: list[str] | None = None,
) -> Process:
    """A draft process; publish it once its texts, themes and phases are in place. Its ballots are for verified
    residents of its scope unless `voters` says otherwise ("": any signed-in account). `topics`: the Region-wide
    topics it is about (common/topics.py)."""
    process = Process(
        slug=slug,
        scope=scope,
        voters=voters,
        topics=sorted(topics or []),
        municipality_nis=municipality_nis,
        neighbourhood_code=neighbourhood_code,
        **translated_columns("title", title),
        **translated_columns("description", description),
    )
    process.full_clean()
    process.save()
    return process


def add_theme(*, process: Process, slug: str, name: Texts, position: int = 0) -> Theme:
    theme = Theme(process=process, slug=slug, position=position, **translated_columns("name", name))
    theme.full_clean()
    theme.save()
    return theme


def add_phase(*, process: Process, kind: str, first_day: date, last_day: date, title: Texts | None = None) -> Phase:
    """Add a dated phase; phases of one process never share a day."""
    if kind not in PHASE_KINDS:
        raise ValidationError(_("Unknown kind of phase."), code="unknown_phase_kind")
    phase = Phase(
        process=process, kind=kind, first_day=first_day, last_day=last_day, **translated_columns("title", title)
    )
    phase.full_clean()
    with transaction.atomic():
        existing = list(Phase.objects.select_for_update().filter(process=process))
        periods = [p.period for p in existing] + [Period(first_day, last_day)]
        if first_overlap(periods):
            raise ValidationError(_("Phases may not overlap: choose days no other phase uses."), code="phases_overlap")
        phase.save()
    return phase


def publish_process(*, process: Process) -> Process:
    """Publish; the database refuses a published process without a Dutch and a French title. Residents who chose to
    hear of new processes in its place hear of it once, when it is first published."""
    first_time = process.status != Process.Status.PUBLISHED
    process.status = Process.Status.PUBLISHED
    process.full_clean()
    process.save(update_fields=["status"])
    if first_time:
        notifications.announce_published(process)
    return process
