"""Freezing the pool and drawing the panel run on the task worker (`db_worker`), never inside the manager's request.

The request records a `LotteryJob` and queues it; the worker runs the very services a test or the demo calls
(`freeze_pool`, `draw_lottery`), each in one transaction under the lottery's row lock, so a job that fails or a worker
that dies publishes nothing, and a draw stored once is never stored again.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from samen.common import clock, phrases
from samen.common.services import require_perm
from samen.panels.models import Lottery, LotteryJob
from samen.panels.services.lottery import check_can_draw, check_can_freeze, draw_lottery, freeze_pool

logger = logging.getLogger(__name__)


def _start(*, lottery: Lottery, manager, kind: str, language: str, seed: str = "") -> tuple[LotteryJob, bool]:
    """The lottery's job queued or running, or a new one queued: (job, created). A second request while one is under
    way gets that one (the unique constraint settles requests that race); a lost one is marked failed and replaced."""
    now = clock.now()
    with transaction.atomic():
        active = LotteryJob.objects.select_for_update().filter(lottery=lottery, status__in=LotteryJob.ACTIVE).first()
        if active is not None and not active.lost(now):
            return active, False
        if active is not None:
            active.status, active.finished_at = LotteryJob.Status.FAILED, now
            active.failure = _("The task worker gave no news for a long time: this attempt was abandoned.")
            active.save(update_fields=["status", "finished_at", "failure"])
        try:
            with transaction.atomic():
                job = LotteryJob.objects.create(
                    lottery=lottery, kind=kind, seed=seed, requested_by=manager, language=language, requested_at=now
                )
        except IntegrityError:
            return LotteryJob.objects.get(lottery=lottery, status__in=LotteryJob.ACTIVE), False
        transaction.on_commit(lambda: run_lottery_job.enqueue(job.pk))
    return job, True


def request_freeze(*, lottery: Lottery, manager, language: str) -> tuple[LotteryJob, bool]:
    """Queue the pool's freeze; whether a panel meets the quotas is the worker's to find out."""
    require_perm(manager, "panels.manage_lottery", lottery.process)
    check_can_freeze(lottery)
    return _start(lottery=lottery, manager=manager, kind=LotteryJob.Kind.FREEZE, language=language)


def request_draw(*, lottery: Lottery, manager, seed: str, language: str) -> tuple[LotteryJob, bool]:
    """Queue the draw with the seed the manager entered; while it is queued or running, a second request draws
    nothing more."""
    require_perm(manager, "panels.manage_lottery", lottery.process)
    seed = seed.strip()
    check_can_draw(lottery, seed)
    return _start(lottery=lottery, manager=manager, kind=LotteryJob.Kind.DRAW, language=language, seed=seed)


def _run(job: LotteryJob) -> str:
    """Run the job's service; the reason it refused or failed, in the manager's language, or "" when it is done."""
    manager = job.requested_by
    try:
        if manager is None:
            raise PermissionDenied(phrases.not_allowed)
        if job.kind == LotteryJob.Kind.FREEZE:
            freeze_pool(lottery=job.lottery, manager=manager)
        else:
            draw_lottery(lottery=job.lottery, manager=manager, seed=job.seed)
    except ValidationError as refusal:
        return " ".join(refusal.messages)
    except PermissionDenied:
        return str(phrases.not_allowed)
    except Exception as error:  # the solver's, or anything else: the job must end, and say so, not stay "running"
        logger.exception("Lottery job %s failed", job.pk)
        return _("The computation stopped with an error (%(error)s). Nothing was published.") % {
            "error": str(error) or type(error).__name__
        }
    return ""


@task()
def run_lottery_job(job_id: int) -> str:
    """Run a queued job once: a job already taken (a task queued twice, or one abandoned and replaced) is left."""
    with transaction.atomic():
        job = LotteryJob.objects.select_for_update().filter(pk=job_id, status=LotteryJob.Status.QUEUED).first()
        if job is None:
            return "skipped"
        job.status, job.started_at = LotteryJob.Status.RUNNING, clock.now()
        job.save(update_fields=["status", "started_at"])
    with translation.override(job.language):
        failure = _run(job)
    status = LotteryJob.Status.FAILED if failure else LotteryJob.Status.DONE
    LotteryJob.objects.filter(pk=job.pk).update(status=status, failure=failure, finished_at=clock.now())
    return status
