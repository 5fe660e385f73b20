"""Writes on the City's dashboard (a value entered by staff, a CSV file of values imported, the computed
participation indicators stored) and on its projects (created, updated, followed)."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samen.city import notifications
from samen.city.computed import COMPUTATIONS
from samen.city.models import Domain, ImportJob, Indicator, IndicatorValue, Project, ProjectFollow, ProjectUpdate
from samen.common import clock
from samen.common.images import prepare_image
from samen.common.services import Texts, require_perm, translated_columns

COLUMNS = ("indicator", "date", "value")
PROGRESS_EVERY = 100  # lines between two progress saves of an import


def parse_value(text: str) -> Decimal:
    """A number as staff type it: "12.5", "12,5", "-3"; refused as `not_a_number` otherwise."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or abs(value) >= Decimal("1e11"):
        raise ValidationError(_("The value is not a number: “%(text)s”."), code="not_a_number", params={"text": text})
    return value


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            _("The date is not a date written as YYYY-MM-DD: “%(text)s”."), code="bad_date", params={"text": text}
        ) from None


def _refuse_computed(indicator: Indicator) -> None:
    if indicator.kind == Indicator.Kind.COMPUTED:
        raise ValidationError(
            _("The platform computes “%(name)s”: its values are not entered by hand."),
            code="computed",
            params={"name": indicator.name},
        )


def _save_value(*, indicator: Indicator, on: date, value: Decimal, note: str) -> IndicatorValue:
    """Save one value; the unique constraint refuses a second value on the same date, even under a race."""
    try:
        with transaction.atomic():
            return IndicatorValue.objects.create(indicator=indicator, date=on, value=value, note=note.strip()[:300])
    except IntegrityError:
        raise ValidationError(
            _("“%(name)s” already has a value on %(date)s."),
            code="duplicate_date",
            params={"name": indicator.name, "date": on.isoformat()},
        ) from None


def record_value(*, indicator: Indicator, staff, on: date, value: Decimal, note: str = "") -> IndicatorValue:
    """A value that staff enter by hand."""
    require_perm(staff, "city.manage_indicators", indicator)
    _refuse_computed(indicator)
    return _save_value(indicator=indicator, on=on, value=value, note=note)


@dataclass
class ImportReport:
    saved: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)


def _rows(content: str) -> tuple[list[str], list[tuple[int, dict]]]:
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    reader.fieldnames = header
    return header, [(reader.line_num, row) for row in reader]


def check_header(content: str) -> int:
    """The number of lines to import; refuses a file without the columns indicator, date and value."""
    header, rows = _rows(content)
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise ValidationError(
            _("The file needs the columns indicator, date and value (and optionally note) on its first line."),
            code="bad_header",
        )
    return len(rows)


def import_values(*, content: str, progress=lambda done, total: None) -> ImportReport:
    """Save each good line of a CSV file (indicator, date, value, note); each refused line is reported with its
    number and reason, and nothing is saved twice: a date the indicator already has is refused, so importing the
    same file again saves nothing."""
    check_header(content)
    _header, rows = _rows(content)
    indicators = {indicator.slug: indicator for indicator in Indicator.objects.all()}
    report = ImportReport()
    for done, (number, row) in enumerate(rows, start=1):
        try:
            slug = (row.get("indicator") or "").strip()
            indicator = indicators.get(slug)
            if indicator is None:
                raise ValidationError(
                    _("There is no indicator “%(slug)s”."), code="unknown_indicator", params={"slug": slug}
                )
            _refuse_computed(indicator)
            on = parse_date(row.get("date") or "")
            value = parse_value(row.get("value") or "")
            _save_value(indicator=indicator, on=on, value=value, note=row.get("note") or "")
            report.saved += 1
        except ValidationError as refusal:
            report.refused.append((number, " ".join(refusal.messages)))
        if done % PROGRESS_EVERY == 0:
            progress(done, len(rows))
    progress(len(rows), len(rows))
    return report


def start_import(*, staff, content: str, language: str) -> ImportJob:
    """Record the upload as a job after checking its first line; the caller runs it now or queues it."""
    require_perm(staff, "city.manage_indicators", None)
    total = check_header(content)
    return ImportJob.objects.create(content=content, total_lines=total, language=language)


def run_import(job: ImportJob) -> ImportJob:
    """Import a job's file once (a job already started is left), saving its progress as it goes."""
    # One UPDATE claims the job: a task queued twice, or a page reloaded, finds it taken.
    taken = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.QUEUED).update(status=ImportJob.Status.RUNNING)
    if not taken:
        return job

    def progress(done, total):
        ImportJob.objects.filter(pk=job.pk).update(lines_done=done)

    try:
        report = import_values(content=job.content, progress=progress)
    except ValidationError as refusal:
        report = ImportReport(refused=[(1, " ".join(refusal.messages))])
        status = ImportJob.Status.FAILED
    else:
        status = ImportJob.Status.DONE
    ImportJob.objects.filter(pk=job.pk).update(
        status=status, saved=report.saved, refused=report.refused, finished_at=clock.now(), content=""
    )
    job.refresh_from_db()
    return job


def add_computed_indicator(*, code: str, domain: Domain, position: int = 0) -> Indicator:
    """The indicator of a computation (computed.py), created once, in `domain`."""
    computation = COMPUTATIONS[code]
    indicator, _created = Indicator.objects.get_or_create(
        code=code,
        defaults={
            "slug": code,
            "domain": domain,
            "kind": Indicator.Kind.COMPUTED,
            "unit": computation.unit,
            "direction": computation.direction,
            "source": "Samen",
            "position": position,
            **{f"name_{language}": text for language, text in computation.name.items()},
        },
    )
    return indicator


def compute_indicators(*, today: date | None = None) -> dict[str, Decimal | None]:
    """Store today's value of every computed indicator (run by the `compute_indicators` command, never by a page):
    run twice a day, the second run replaces the first."""
    today = today or clock.today()
    results = {}
    for indicator in Indicator.objects.filter(kind=Indicator.Kind.COMPUTED):
        computation = COMPUTATIONS.get(indicator.code)
        measure = computation.compute(today) if computation else None
        results[indicator.code] = measure.value if measure else None
        if measure is not None:
            IndicatorValue.objects.update_or_create(
                indicator=indicator,
                date=today,
                defaults={"value": measure.value, "breakdown": {k: str(v) for k, v in measure.breakdown.items()}},
            )
    return results


# City projects -------------------------------------------------------------------------------------------------


def post_update(
    *, project: Project, author, status: str, text: Texts, link: str = "", photo=None, invented: bool = False
) -> ProjectUpdate:
    """A step of the project's timeline, dated by the Brussels clock (the demo replays past ones); the project takes
    its status, and its followers are told by e-mail in their language, through the task worker."""
    require_perm(author, "city.post_project_update", project)
    if status not in Project.Status.values:
        raise ValidationError(_("Choose one of the statuses."), code="bad_status")
    update = ProjectUpdate(
        project=project, author=author, status=status, link=link, invented=invented, **translated_columns("text", text)
    )
    if photo:
        update.photo = prepare_image(photo)
    update.full_clean()
    with transaction.atomic():
        update.save()
        project.status = status
        if status == Project.Status.COMPLETED and not project.completed_on:
            project.completed_on = clock.today()
        if status == Project.Status.ABANDONED and not (project.abandoned_reason_nl and project.abandoned_reason_fr):
            project.abandoned_reason_nl, project.abandoned_reason_fr = update.text_nl, update.text_fr
            project.abandoned_reason_en = update.text_en
        project.save()
    notifications.announce_update(update)
    return update


def follow_project(*, project: Project, follower) -> ProjectFollow:
    require_perm(follower, "city.follow_project", project)
    follow, _created = ProjectFollow.objects.get_or_create(project=project, follower=follower)
    return follow


def unfollow_project(*, project: Project, follower) -> None:
    ProjectFollow.objects.filter(project=project, follower=follower).delete()


def create_project(*, staff, project: Project, followers=()) -> Project:
    """A new City project (typed by staff, or made in one step from a winning idea or a funded proposal: then
    `followers` are those who followed it there, so they keep hearing of it)."""
    require_perm(staff, "city.manage_projects", None)
    if not project.slug:
        project.slug = _free_slug(project.title_fr or project.title_nl)
    try:
        project.full_clean(validate_unique=False)  # the one-to-one links are checked by the database below
    except ValidationError as refusal:
        raise ValidationError(refusal.messages) from None  # the form names its own fields; here, what is wrong
    try:
        with transaction.atomic():
            project.save()
            ProjectFollow.objects.bulk_create(
                [ProjectFollow(project=project, follower_id=pk) for pk in set(followers)], ignore_conflicts=True
            )
    except IntegrityError:  # the idea or the proposal became a project a moment ago (one-to-one)
        raise ValidationError(_("This is already a City project."), code="already_a_project") from None
    return project


def _free_slug(title: str) -> str:
    base = slugify(title)[:60].strip("-") or "project"
    slug, n = base, 1
    while Project.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
