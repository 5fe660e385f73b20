"""The freeze and the draw run on the task worker: the manager's request queues them and the manage page tells how
they go (queued, running, done, failed), so that LEXIMIN on a real pool never runs into the web server's timeout."""

from datetime import timedelta

import highspy
import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samen.panels import services
from samen.panels.models import LotteryJob
from tests.ideas.test_notifications import _run_worker
from tests.panels.conftest import QUOTAS, SEED

pytestmark = pytest.mark.django_db


def url(name, lottery):
    return reverse(f"panels:{name}", kwargs={"slug": lottery.process.slug})


def hhmm(instant) -> str:
    return timezone.localtime(instant).strftime("%H:%M")


@pytest.fixture
def draw_requested(client, manager, frozen_lottery, django_capture_on_commit_callbacks):
    """The manager has asked for the draw; the worker has not run yet."""
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("draw", frozen_lottery), {"seed": SEED})
    return frozen_lottery


def test_asking_for_the_draw_queues_it_and_draws_nothing_yet(
    client, manager, frozen_lottery, django_capture_on_commit_callbacks
):
    client.force_login(manager)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("draw", frozen_lottery), {"seed": SEED}, follow=True)

    job = LotteryJob.objects.get()
    page = response.content.decode()
    assert response.redirect_chain == [(url("manage", frozen_lottery), 302)]
    assert "Drawing the panel is queued: this page shows how it goes." in page
    assert f"Drawing the panel: queued at {hhmm(job.requested_at)}, waiting for the task worker…" in page
    assert "Refresh this page" in page
    assert 'name="seed"' not in page
    frozen_lottery.refresh_from_db()
    assert frozen_lottery.drawn_at is None
    assert frozen_lottery.volunteers.filter(selected=True).count() == 0
    assert DBTaskResult.objects.count() == 1


def test_the_worker_draws_the_panel_publishes_it_and_mails_the_volunteers(
    client, draw_requested, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _run_worker()
    _run_worker()  # the volunteers' mails, queued by the draw

    page = client.get(url("manage", draw_requested)).content.decode()
    job = LotteryJob.objects.get()
    draw_requested.refresh_from_db()
    assert f"Drawing the panel: done at {hhmm(job.finished_at)}." in page
    assert f"The panel was drawn with the seed “{SEED}” and is published." in page
    assert draw_requested.seed == SEED
    assert draw_requested.volunteers.filter(selected=True).count() == 4
    assert len(mail.outbox) == 12
    assert client.get(url("lottery", draw_requested)).context["recount"] != ""


def test_a_second_request_while_the_draw_is_queued_queues_nothing_more(
    client, draw_requested, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("draw", draw_requested), {"seed": "another seed"}, follow=True)
    _run_worker()

    assert "Drawing the panel is already under way." in response.content.decode()
    assert LotteryJob.objects.count() == 1
    assert DBTaskResult.objects.count() == 1
    draw_requested.refresh_from_db()
    assert draw_requested.seed == SEED


def test_the_page_says_what_the_running_draw_computes_and_htmx_polls_it(client, draw_requested):
    started = timezone.now()
    LotteryJob.objects.update(status=LotteryJob.Status.RUNNING, started_at=started)  # the worker, mid-draw

    page = client.get(url("manage", draw_requested)).content.decode()
    fragment = client.get(url("manage", draw_requested), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="lottery-job")

    running = f"Drawing the panel: started at {hhmm(started)}, computing the selection probabilities…"
    assert running in page
    assert 'hx-trigger="every 3s"' in page
    assert running in fragment.content.decode()
    assert "<h1>" not in fragment.content.decode()


def test_htmx_polling_reloads_the_page_once_the_draw_is_done(client, draw_requested):
    _run_worker()

    response = client.get(url("manage", draw_requested), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="lottery-job")

    assert response.headers["HX-Refresh"] == "true"


def test_quotas_no_panel_can_meet_are_explained_nothing_is_frozen_and_the_manager_starts_again(
    client, manager, answered_lottery, django_capture_on_commit_callbacks
):
    services.set_quotas(lottery=answered_lottery, manager=manager, bounds=QUOTAS | {("gender", "woman"): (3, 3)})
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("freeze", answered_lottery))

    _run_worker()

    page = client.get(url("manage", answered_lottery)).content.decode()
    job = LotteryJob.objects.get()
    assert response.status_code == 302
    assert f"Freezing the pool failed at {hhmm(job.finished_at)}: No panel meets these quotas" in page
    assert "Nothing was published: you can start again." in page
    assert "Freeze the pool</button>" in page
    answered_lottery.refresh_from_db()
    assert answered_lottery.pool_frozen_at is None
    assert set(answered_lottery.volunteers.values_list("pseudonym", flat=True)) == {""}

    services.set_quotas(lottery=answered_lottery, manager=manager, bounds=QUOTAS)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("freeze", answered_lottery))
    _run_worker()

    answered_lottery.refresh_from_db()
    assert answered_lottery.pool_frozen_at is not None
    assert client.get(url("pool_file", answered_lottery)).status_code == 200


def test_a_failing_solver_is_explained_publishes_nothing_and_the_draw_can_start_again(
    client, draw_requested, monkeypatch, django_capture_on_commit_callbacks
):
    def stopped(highs):
        raise RuntimeError("time limit reached")

    with monkeypatch.context() as patch:
        patch.setattr(highspy._Highs, "run", stopped)
        _run_worker()

    page = client.get(url("manage", draw_requested)).content.decode()
    assert "Drawing the panel failed at" in page
    assert "The computation stopped with an error (time limit reached). Nothing was published." in page
    draw_requested.refresh_from_db()
    assert (draw_requested.drawn_at, draw_requested.outcome, draw_requested.seed) == (None, None, "")
    assert draw_requested.volunteers.filter(selected=True).count() == 0
    assert client.get(url("draw_file", draw_requested)).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("draw", draw_requested), {"seed": SEED})
    _run_worker()

    draw_requested.refresh_from_db()
    assert draw_requested.volunteers.filter(selected=True).count() == 4


def test_a_draw_lost_with_its_worker_can_be_started_again_and_draws_once(
    client, draw_requested, django_capture_on_commit_callbacks
):
    LotteryJob.objects.update(status=LotteryJob.Status.RUNNING, started_at=timezone.now())  # then the worker died

    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        page = client.get(url("manage", draw_requested)).content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url("draw", draw_requested), {"seed": SEED})
        _run_worker()

    assert "no news from the task worker since" in page
    assert "Draw the panel</button>" in page
    assert list(LotteryJob.objects.values_list("status", flat=True)) == ["done", "failed"]
    draw_requested.refresh_from_db()
    assert draw_requested.volunteers.filter(selected=True).count() == 4


def test_the_freeze_failure_is_explained_in_the_language_the_manager_asked_in(
    client, manager, answered_lottery, django_capture_on_commit_callbacks
):
    services.set_quotas(lottery=answered_lottery, manager=manager, bounds=QUOTAS | {("gender", "woman"): (3, 3)})
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("freeze", answered_lottery).replace("/en/", "/nl/"))

    _run_worker()

    assert LotteryJob.objects.get().failure.startswith("Geen enkel panel voldoet aan deze quota")


def test_an_outsider_cannot_ask_for_the_freeze_or_the_draw_and_nothing_is_queued(
    client, outsider, frozen_lottery, answered_lottery, django_capture_on_commit_callbacks
):
    client.force_login(outsider)

    with django_capture_on_commit_callbacks(execute=True):
        responses = [
            client.post(url("freeze", answered_lottery)),
            client.post(url("draw", frozen_lottery), {"seed": SEED}),
        ]

    assert [response.status_code for response in responses] == [403, 403]
    assert LotteryJob.objects.count() == 0
    assert DBTaskResult.objects.count() == 0
