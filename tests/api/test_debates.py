"""/api/v1/processes/{slug}/debates: a published process's debates with the published arguments counted per side
and the conclusion once closed; never who argued or supported, never a hidden argument."""

from datetime import timedelta

import pytest

from samen.common import clock
from samen.debates.models import ArgumentSupport
from samen.ideas.models import Visibility
from samen.processes.models import Process
from tests.debates.conftest import make_argument, make_debate
from tests.factories import ProcessFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/processes/{slug}/debates"


def test_each_debate_counts_the_published_arguments_per_side_and_names_nobody(client, check):
    process = ProcessFactory(slug="bockstael")
    debate = make_debate(process=process)
    author = UserFactory(email="arno.argues@example.org", display_name="Arno Argues")
    pro = make_argument(debate, side="for", author=author, text="Room for the market")
    make_argument(debate, side="for")
    make_argument(debate, side="against", text="Shops need cars")
    make_argument(debate, side="against", visibility=Visibility.HIDDEN, text="Hidden insult")
    for _ in range(2):
        ArgumentSupport.objects.create(argument=pro, resident=UserFactory())

    response = client.get(LIST.format(slug="bockstael"))

    data = check(response, LIST)
    [found] = data["results"]
    assert found["arguments_for"] == {"arguments": 2, "supports": 2}
    assert found["arguments_against"] == {"arguments": 1, "supports": 0}
    assert found["question"]["fr"] == "La place Bockstael doit-elle devenir piétonne ?"
    assert (found["closed_at"], found["conclusion"]) == (None, None)
    assert found["url"].endswith(f"/processes/bockstael/debates/{debate.pk}/")
    body = response.content.decode()
    for personal in ("arno.argues@example.org", "Arno Argues", "Hidden insult", "Room for the market"):
        assert personal not in body


def test_a_closed_debate_gives_its_conclusion_newest_debate_first(client, check):
    process = ProcessFactory(slug="bockstael")
    older = make_debate(process=process, closed=True, opened_at=clock.now() - timedelta(days=30))
    newer = make_debate(process=process)

    data = check(client.get(LIST.format(slug="bockstael")), LIST)

    assert [d["id"] for d in data["results"]] == [newer.pk, older.pk]
    assert data["results"][1]["conclusion"]["nl"] == "Het plein wordt autovrij op zondag."


def test_a_draft_or_unknown_process_is_a_404(client):
    make_debate(process=ProcessFactory(slug="secret", status=Process.Status.DRAFT))

    assert client.get(LIST.format(slug="secret")).status_code == 404
    assert client.get(LIST.format(slug="nowhere")).status_code == 404


def test_the_list_is_paged_within_bounds(client, check):
    process = ProcessFactory(slug="bockstael")
    for _ in range(3):
        make_debate(process=process)

    data = check(client.get(LIST.format(slug="bockstael"), {"limit": 1, "offset": 1}), LIST)

    assert (data["count"], len(data["results"])) == (3, 1)
    assert client.get(LIST.format(slug="bockstael"), {"limit": 1000}).status_code == 422


@pytest.mark.parametrize("debates", [1, 3])
def test_the_list_asks_the_database_the_same_number_of_times_for_one_or_three(
    client, django_assert_num_queries, debates
):
    process = ProcessFactory(slug="bockstael")
    for _ in range(debates):
        make_argument(make_debate(process=process))

    with django_assert_num_queries(3):
        assert client.get(LIST.format(slug="bockstael")).status_code == 200
