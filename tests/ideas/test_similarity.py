import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from samen.ideas import services
from samen.ideas.models import Idea
from samen.ideas.similarity import similar_ideas

pytestmark = pytest.mark.django_db


@pytest.fixture
def bike_shed(open_process, resident):
    return services.create_idea(
        process=open_process,
        author=resident,
        theme=open_process.themes.first(),
        title="Een overdekte fietsenstalling aan het station",
        body="Veilig fietsen stallen.",
        language="nl",
    )


def test_a_french_title_finds_its_dutch_twin(open_process, bike_shed):
    found = similar_ideas(open_process, "Un parking vélo couvert à la gare")

    assert [idea for idea, _score in found] == [bike_shed]


def test_an_unrelated_title_finds_nothing(open_process, bike_shed):
    assert similar_ideas(open_process, "Cours de français pour adultes le samedi") == []


def test_hidden_ideas_are_never_suggested(open_process, bike_shed):
    bike_shed.visibility = "hidden"
    bike_shed.save()

    assert similar_ideas(open_process, "A covered bike shed at the station") == []


def test_ideas_of_other_processes_are_not_suggested(closed_process, bike_shed):
    assert similar_ideas(closed_process, "A covered bike shed at the station") == []


def test_the_hints_fragment_while_typing(client, open_process, bike_shed):
    response = client.get(
        reverse("ideas:similar", args=[open_process.slug]), {"title": "A covered bike shed at the station"}
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert f'href="{bike_shed.get_absolute_url()}"' in body
    assert 'name="seen_similar"' in body


@pytest.fixture
def within_one_minute():
    """The limiter counts per one-minute window: stop the clock so that 31 calls fall in the same one."""
    with time_machine.travel(timezone.now().replace(second=10), tick=False):
        yield


def _ask_for_hints(client, process, times: int, **request):
    """A title too short to need the encoder: the limit is the endpoint's, whatever it computes."""
    url = reverse("ideas:similar", args=[process.slug])
    return [client.get(url, {"title": "Bike"}, **request).status_code for _ in range(times)]


def test_the_hints_answer_429_from_the_31st_call_within_a_minute_from_one_address(
    client, open_process, within_one_minute
):
    statuses = _ask_for_hints(client, open_process, 31, REMOTE_ADDR="198.51.100.7")

    assert statuses == [200] * 30 + [429]


def test_a_limited_address_does_not_limit_another(client, open_process, within_one_minute):
    _ask_for_hints(client, open_process, 31, REMOTE_ADDR="198.51.100.7")

    statuses = _ask_for_hints(client, open_process, 1, REMOTE_ADDR="198.51.100.8")

    assert statuses == [200]


def test_a_signed_in_person_is_limited_whichever_address_they_call_from(
    client, open_process, outsider, within_one_minute
):
    client.force_login(outsider)

    statuses = [_ask_for_hints(client, open_process, 1, REMOTE_ADDR=f"198.51.100.{n}")[0] for n in range(31)]

    assert statuses == [200] * 30 + [429]


def test_the_limit_lifts_a_minute_later(client, open_process):
    with time_machine.travel(timezone.now().replace(second=10), tick=False) as clock:
        _ask_for_hints(client, open_process, 31, REMOTE_ADDR="198.51.100.7")
        clock.shift(60)

        statuses = _ask_for_hints(client, open_process, 1, REMOTE_ADDR="198.51.100.7")

    assert statuses == [200]


def test_without_javascript_a_twin_shows_a_preview_before_publishing(client, open_process, bike_shed, outsider):
    client.force_login(outsider)
    form = {
        "title": "A covered bike shed at the station",
        "body": "Bikes get stolen there.",
        "theme": open_process.themes.first().pk,
        "language": "en",
    }

    preview = client.post(reverse("ideas:create", args=[open_process.slug]), form)
    saved_after_preview = Idea.objects.count()
    published = client.post(reverse("ideas:create", args=[open_process.slug]), form | {"seen_similar": "1"})

    assert preview.status_code == 200
    assert "Ideas like yours already exist." in preview.content.decode()
    assert saved_after_preview == 1
    assert published.status_code == 302
    assert Idea.objects.count() == 2


def test_a_title_without_twin_publishes_at_once(client, open_process, bike_shed, outsider):
    client.force_login(outsider)
    form = {"title": "Free French lessons on Saturday mornings", "body": "For adults.", "language": "en"}

    response = client.post(
        reverse("ideas:create", args=[open_process.slug]), form | {"theme": open_process.themes.first().pk}
    )

    assert response.status_code == 302
