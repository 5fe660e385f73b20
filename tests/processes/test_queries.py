from datetime import UTC, date, datetime

import pytest
import time_machine

from samen.processes.queries import next_phase, phase_allows, running_phase, visible_processes
from tests.factories import PhaseFactory, ProcessFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hack_the_crisis():
    process = ProcessFactory()
    collection = PhaseFactory(
        process=process, kind="idea_collection", first_day=date(2020, 6, 5), last_day=date(2020, 6, 21)
    )
    jury = PhaseFactory(process=process, kind="information", first_day=date(2020, 6, 22), last_day=date(2020, 7, 30))
    return process, collection, jury


def test_the_collection_phase_runs_until_midnight_brussels_time(hack_the_crisis):
    process, collection, _jury = hack_the_crisis

    with time_machine.travel(datetime(2020, 6, 21, 21, 59, tzinfo=UTC), tick=False):  # 23:59 in Brussels
        assert running_phase(process) == collection
        assert phase_allows(process, "post_idea")


def test_posting_closes_at_brussels_midnight_and_the_next_phase_starts(hack_the_crisis):
    process, _collection, jury = hack_the_crisis

    with time_machine.travel(datetime(2020, 6, 21, 22, 0, 1, tzinfo=UTC), tick=False):  # 00:00:01 in Brussels
        assert running_phase(process) == jury
        assert not phase_allows(process, "post_idea")


def test_before_the_first_phase_nothing_runs_and_the_next_phase_is_known(hack_the_crisis):
    process, collection, _jury = hack_the_crisis

    with time_machine.travel(datetime(2020, 6, 1, 12, 0, tzinfo=UTC), tick=False):
        assert running_phase(process) is None
        assert next_phase(process) == collection
        assert not phase_allows(process, "support")


def test_after_the_last_phase_nothing_runs(hack_the_crisis):
    process, _collection, _jury = hack_the_crisis

    assert running_phase(process, now=datetime(2021, 1, 1, tzinfo=UTC)) is None


def test_drafts_are_visible_to_process_managers_only(resident, manager):
    published = ProcessFactory()
    draft = ProcessFactory(status="draft", title_nl="", title_fr="")

    assert list(visible_processes(resident)) == [published]
    assert set(visible_processes(manager)) == {published, draft}
