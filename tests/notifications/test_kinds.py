"""What each kind covers: replies, a process's news for who took part in it, new processes where one chose."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from samen.ideas import services as idea_services
from samen.notifications.services import set_preferences, set_rhythm
from samen.processes import services as process_services
from samen.votes import services as vote_services
from tests.factories import UserFactory
from tests.notifications.conftest import outbox_to, run_worker
from tests.votes.conftest import shortlist_at

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lucas_and_ines_read_english(resident, outsider):
    """The subjects asserted here are new texts: in English, they stay true once translated."""
    for person in (resident, outsider):
        person.preferred_language = "en"
        person.save()


def test_a_reply_to_my_comment_tells_me_as_a_reply(idea, resident, outsider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        question = idea_services.add_comment(idea=idea, author=outsider, body="Where exactly?", language="en")
        idea_services.add_comment(idea=idea, author=resident, body="By the church.", language="en", parent=question)
    run_worker()

    assert [message.subject for message in outbox_to(outsider.email)] == [
        f"[Samen] A reply to your comment on “{idea.title}”"
    ]
    assert "By the church." in outbox_to(outsider.email)[0].body


def test_a_comment_on_my_idea_tells_me_once_even_when_i_follow_it(idea, resident, comment_on, following):
    following(resident)

    comment_on(idea)

    assert [message.subject for message in outbox_to(resident.email)] == [
        f"[Samen] New comment on your idea “{idea.title}”"
    ]


def test_an_author_who_stopped_replies_still_hears_of_the_idea_they_follow(idea, resident, comment_on, following):
    set_rhythm(user=resident, kind="replies", rhythm="never")
    following(resident)

    comment_on(idea)

    assert [message.subject for message in outbox_to(resident.email)] == [f"[Samen] New comment on “{idea.title}”"]


@pytest.fixture
def ended_vote(db):
    return shortlist_at("ended")


def test_a_vote_result_is_told_to_who_took_part_and_chose_to_hear_it(ended_vote, django_capture_on_commit_callbacks):
    author, other_author = [idea.author for idea in ended_vote.process.ideas.order_by("pk")[:2]]
    author.preferred_language = "en"
    author.save()
    set_rhythm(user=author, kind="process_news", rhythm="at_once")
    stranger = UserFactory(email="stranger@example.org")
    set_rhythm(user=stranger, kind="process_news", rhythm="at_once")

    with django_capture_on_commit_callbacks(execute=True):
        vote_services.count_votes(shortlist=ended_vote)
        vote_services.count_votes(shortlist=ended_vote)  # read again: no news
    run_worker()

    assert [message.to for message in mail.outbox] == [[author.email]]
    assert mail.outbox[0].subject == f"[Samen] The result of the vote on “{ended_vote.process.title_en}” is published"
    assert f"http://127.0.0.1:8000/en/processes/{ended_vote.process.slug}/results/" in mail.outbox[0].body
    assert outbox_to(other_author.email) == []


def test_a_published_shortlist_announces_the_vote_to_who_took_part(manager, django_capture_on_commit_callbacks):
    shortlist = shortlist_at("vote", published=False)
    author = shortlist.process.ideas.order_by("pk").first().author
    author.preferred_language = "en"
    author.save()
    set_rhythm(user=author, kind="process_news", rhythm="at_once")
    motivations = {entry.pk: {"nl": "Sterk", "fr": "Fort"} for entry in shortlist.entries.all()}

    with django_capture_on_commit_callbacks(execute=True):
        vote_services.publish_shortlist(shortlist=shortlist, motivations=motivations, actor=manager)
    run_worker()

    phase = shortlist.process.phases.get(kind="shortlist_vote")
    assert [message.subject for message in outbox_to(author.email)] == [
        f"[Samen] The shortlist of “{shortlist.process.title_en}” is published: "
        f"vote from {phase.first_day:%-d %B %Y} to {phase.last_day:%-d %B %Y}"
    ]


@pytest.fixture
def wants_new_processes(db):
    def person(email, codes, rhythm="at_once", topics=None):
        user = UserFactory(email=email, preferred_language="nl")
        set_preferences(user=user, rhythms={"new_processes": rhythm}, neighbourhood_codes=codes, topics=topics)
        return user

    return person


def _publish(django_capture_on_commit_callbacks, **place):
    process = process_services.create_process(
        slug="new-square", title={"nl": "Nieuw plein", "fr": "Nouvelle place", "en": "New square"}, **place
    )
    with django_capture_on_commit_callbacks(execute=True):
        process_services.publish_process(process=process)
        process_services.publish_process(process=process)  # published again: not new
    run_worker()
    return process


def test_a_neighbourhood_process_is_told_to_who_chose_that_neighbourhood(
    wants_new_processes, django_capture_on_commit_callbacks
):
    laeken = wants_new_processes("laeken@example.org", [20])
    ixelles = wants_new_processes("ixelles@example.org", [44])
    UserFactory(email="default@example.org")  # never asked: hears nothing

    _publish(django_capture_on_commit_callbacks, scope="neighbourhood", neighbourhood_code=20)

    assert [message.to for message in mail.outbox] == [[laeken.email]]
    assert mail.outbox[0].subject == "[Samen] Een nieuw proces: “Nieuw plein”"  # in her language
    assert outbox_to(ixelles.email) == []


def test_a_regional_process_is_told_to_everyone_who_chose_new_processes(
    wants_new_processes, django_capture_on_commit_callbacks
):
    wants_new_processes("laeken@example.org", [20])
    wants_new_processes("anywhere@example.org", [])
    wants_new_processes("never@example.org", [20], rhythm="never")

    _publish(django_capture_on_commit_callbacks)

    assert sorted(message.to[0] for message in mail.outbox) == ["anywhere@example.org", "laeken@example.org"]


def test_a_process_about_a_chosen_topic_is_told_wherever_it_is(wants_new_processes, django_capture_on_commit_callbacks):
    cyclist = wants_new_processes("cyclist@example.org", [], topics=["moving"])
    gardener = wants_new_processes("gardener@example.org", [], topics=["healthy"])
    neighbour = wants_new_processes("neighbour@example.org", [20], topics=["moving"])
    wants_new_processes("stopped@example.org", [], rhythm="never", topics=["moving"])

    _publish(django_capture_on_commit_callbacks, scope="neighbourhood", neighbourhood_code=20, topics=["moving"])

    assert sorted(message.to[0] for message in mail.outbox) == [cyclist.email, neighbour.email]  # each once
    assert outbox_to(gardener.email) == []


def test_a_vote_opening_today_is_told_once_to_who_took_part(django_capture_on_commit_callbacks):
    shortlist = shortlist_at("vote")
    phase = shortlist.process.phases.get(kind="shortlist_vote")
    phase.first_day = timezone.localdate()
    phase.save()
    author, quiet_author = [idea.author for idea in shortlist.process.ideas.order_by("pk")[:2]]
    author.preferred_language = "en"
    author.save()
    set_rhythm(user=author, kind="process_news", rhythm="at_once")
    stranger = UserFactory(email="stranger@example.org")
    set_rhythm(user=stranger, kind="process_news", rhythm="at_once")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("notifications_daily", stdout=io.StringIO())
        call_command("notifications_daily", stdout=io.StringIO())  # cron ran it twice: told once
    run_worker()

    assert [message.subject for message in outbox_to(author.email)] == [
        f"[Samen] The vote on “{shortlist.process.title_en}” is open until {phase.last_day:%-d %B %Y}"
    ]
    assert outbox_to(quiet_author.email) == []  # process news is off until chosen
    assert outbox_to(stranger.email) == []  # took no part


def test_a_vote_that_opened_yesterday_is_not_told_again_today(django_capture_on_commit_callbacks):
    shortlist = shortlist_at("vote")  # opened five days ago
    author = shortlist.process.ideas.order_by("pk").first().author
    set_rhythm(user=author, kind="process_news", rhythm="at_once")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("notifications_daily", stdout=io.StringIO())
    run_worker()

    assert outbox_to(author.email) == []
