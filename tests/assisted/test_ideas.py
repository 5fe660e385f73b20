"""A facilitator posts ideas and comments for residents met in person: with the resident's consent and on the census
lists, under the same phase and moderation as online; shown without a name, counted apart, taken over later."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samen.accounts.models import CensusEntry
from samen.assisted import queries as assisted_queries
from samen.assisted.models import Consent
from samen.assisted.services import take_over
from samen.ideas import services
from samen.ideas.models import Comment, Follow, Idea, Visibility
from tests.assisted.conftest import PLACE, given
from tests.conftest import process_in
from tests.factories import IdeaFactory
from tests.ideas.test_notifications import _run_worker
from tests.people import sign_up, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def collecting(db):
    return process_in("open")


def _post(facilitator, process, person, **changes):
    arguments = {
        "process": process,
        "facilitator": facilitator,
        "consent": given(person),
        "theme": process.themes.first(),
        "title": "A bench by the canal",
        "body": "Older people need to sit down on the way to the market.",
        "language": "fr",
    } | changes
    return services.post_assisted_idea(**arguments)


def _form(person, *, agreed=True, **changes) -> dict:
    number, born = person
    data = {"national_number": number, "born_on": born.isoformat(), "resident_name": "Fatima", "place": PLACE}
    if agreed:
        data["agreed"] = "on"
    return data | changes


def test_an_assisted_idea_has_no_author_and_its_consent_says_who_entered_it(facilitator, collecting, person):
    idea = _post(facilitator, collecting, person)

    consent = Consent.objects.get()
    assert (idea.author, idea.entered_by, idea.consent, idea.visibility) == (None, facilitator, consent, "published")
    assert (consent.action, consent.facilitator, consent.process, consent.place) == (
        "idea",
        facilitator,
        collecting,
        PLACE,
    )
    assert not Follow.objects.exists()  # the facilitator does not follow the resident's idea


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"agreed": False}, "no_consent"),
        ({"place": " "}, "no_place"),
    ],
)
def test_without_a_whole_consent_nothing_is_saved(facilitator, collecting, person, changes, code):
    with pytest.raises(ValidationError) as refusal:
        _post(facilitator, collecting, person, consent=given(person, **changes))

    assert refusal.value.code == code
    assert (Idea.objects.count(), Consent.objects.count()) == (0, 0)


def test_a_person_not_on_the_census_lists_is_refused(facilitator, collecting, census):
    number, born = census.add(date(1950, 6, 2))
    CensusEntry.objects.all().delete()  # the same person, once their municipality's list is replaced without them

    with pytest.raises(ValidationError) as refusal:
        _post(facilitator, collecting, (number, born))

    assert refusal.value.code == "not_on_census"
    assert (Idea.objects.count(), Consent.objects.count()) == (0, 0)


def test_outside_the_idea_phase_the_facilitator_is_refused(facilitator, person):
    closed = process_in("past")

    with pytest.raises(PermissionDenied):
        _post(facilitator, closed, person)

    assert (Idea.objects.count(), Consent.objects.count()) == (0, 0)


def test_an_account_that_is_not_a_facilitator_is_refused(outsider, collecting, person):
    with pytest.raises(PermissionDenied):
        _post(outsider, collecting, person)

    assert (Idea.objects.count(), Consent.objects.count()) == (0, 0)


def test_under_pre_moderation_an_assisted_idea_waits_for_a_moderator(facilitator, collecting, person):
    collecting.premoderation = True
    collecting.save()

    idea = _post(facilitator, collecting, person)

    assert idea.visibility == Visibility.PENDING


def test_an_assisted_comment_says_only_that_it_was_posted_with_a_facilitator(
    client, facilitator, collecting, person, resident
):
    idea = IdeaFactory(process=collecting, theme=collecting.themes.first(), author=resident)
    client.force_login(facilitator)

    response = client.post(
        reverse("ideas:assisted_comment", args=[idea.pk]), _form(person, body="Yes, and shade too.", language="fr")
    )
    client.logout()
    page = client.get(idea.get_absolute_url()).content.decode()

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert (comment.author, comment.entered_by, comment.consent.action) == (None, facilitator, "comment")
    assert "Posted with a facilitator" in page
    assert "Fatima" not in page
    assert facilitator.display_name not in page


def test_the_idea_s_author_hears_of_an_assisted_comment(
    django_capture_on_commit_callbacks, facilitator, collecting, person, resident
):
    resident.preferred_language = "en"
    resident.save()
    idea = IdeaFactory(process=collecting, theme=collecting.themes.first(), author=resident)
    Follow.objects.create(idea=idea, follower=resident)

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_assisted(
            idea=idea, facilitator=facilitator, consent=given(person), body="Yes, and shade too.", language="fr"
        )
    _run_worker()

    assert [message.to for message in mail.outbox] == [[resident.email]]
    assert "A resident, with a facilitator, commented on your idea" in mail.outbox[0].body
    assert facilitator.display_name not in mail.outbox[0].body


def test_an_assisted_comment_on_a_closed_process_is_refused(facilitator, person, resident):
    closed = process_in("past")
    idea = IdeaFactory(process=closed, theme=closed.themes.first(), author=resident)

    with pytest.raises(PermissionDenied):
        services.comment_assisted(idea=idea, facilitator=facilitator, consent=given(person), body="Late", language="fr")

    assert (Comment.objects.count(), Consent.objects.count()) == (0, 0)


def test_the_facilitator_s_form_posts_the_idea_and_the_list_counts_it_apart(client, facilitator, collecting, person):
    IdeaFactory(process=collecting, theme=collecting.themes.first())
    client.force_login(facilitator)
    data = _form(
        person,
        title="A bench by the canal",
        body="Older people need to sit down.",
        theme=str(collecting.themes.first().pk),
        language="fr",
        neighbourhood_code="",
    )

    response = client.post(reverse("ideas:assisted_idea", args=[collecting.slug]), data)
    client.logout()
    page = client.get(collecting.get_absolute_url()).content.decode()

    assert response.status_code == 302
    assert Idea.objects.filter(consent__isnull=False, author=None).count() == 1
    assert "1 of 2 ideas was posted with a facilitator." in page
    assert "Posted with a facilitator" in page


def test_a_form_without_consent_comes_back_with_its_reason_and_saves_nothing(client, facilitator, collecting, person):
    client.force_login(facilitator)
    data = _form(person, agreed=False, title="A bench", body="Text", theme=str(collecting.themes.first().pk))
    data["language"] = "fr"

    response = client.post(reverse("ideas:assisted_idea", args=[collecting.slug]), data)

    assert response.status_code == 422
    assert "Record the resident&#x27;s consent" in response.content.decode()
    assert (Idea.objects.count(), Consent.objects.count()) == (0, 0)


def test_a_resident_cannot_open_the_facilitator_s_forms(client, resident, collecting, person):
    idea = IdeaFactory(process=collecting, theme=collecting.themes.first())
    client.force_login(resident)

    pages = [
        client.get(reverse("ideas:assisted_idea", args=[collecting.slug])),
        client.post(reverse("ideas:assisted_idea", args=[collecting.slug]), _form(person, title="x", body="y")),
        client.post(reverse("ideas:assisted_comment", args=[idea.pk]), _form(person, body="y", language="fr")),
    ]

    assert [page.status_code for page in pages] == [403, 403, 403]
    assert (Idea.objects.count(), Comment.objects.count(), Consent.objects.count()) == (1, 0, 0)


def test_the_start_page_offers_the_process_collecting_ideas(client, facilitator, collecting):
    client.force_login(facilitator)

    page = client.get(reverse("assisted:start")).content.decode()

    assert reverse("ideas:assisted_idea", args=[collecting.slug]) in page


def test_the_verified_resident_takes_over_their_idea_and_comment(client, facilitator, collecting, person, resident):
    idea = _post(facilitator, collecting, person)
    other = IdeaFactory(process=collecting, theme=collecting.themes.first(), author=resident)
    comment = services.comment_assisted(
        idea=other, facilitator=facilitator, consent=given(person), body="Shade too.", language="fr"
    )
    fatima = sign_up(client, "fatima@example.org")
    verify(client, person)
    fatima.refresh_from_db()

    described = {row.what for row in assisted_queries.entered_for(fatima)}
    report = take_over(user=fatima)

    idea.refresh_from_db()
    comment.refresh_from_db()
    assert described == {"Idea “A bench by the canal”", f"Comment on “{other.title}”"}
    assert (report.taken, report.clashes) == (2, [])
    assert (idea.author, comment.author) == (fatima, fatima)
    assert set(Follow.objects.filter(follower=fatima).values_list("idea_id", flat=True)) == {idea.pk, other.pk}
    assert "Posted with a facilitator" not in client.get(idea.get_absolute_url()).content.decode()


def test_open_data_and_the_api_mark_an_assisted_idea(client, facilitator, collecting, person):
    assisted = _post(facilitator, collecting, person)
    online = IdeaFactory(process=collecting, theme=collecting.themes.first())

    answers = {pk: client.get(f"/api/v1/ideas/{pk}").json()["assisted"] for pk in (assisted.pk, online.pk)}

    assert answers == {assisted.pk: True, online.pk: False}
