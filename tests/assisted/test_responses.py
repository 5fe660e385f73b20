"""A facilitator enters a resident's questionnaire response with their consent, under the rules of an online
response: one per person, whoever enters it; a refusal saves nothing; the resident takes it over and changes it."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.accounts.verification import person_digest
from samen.assisted.models import Consent
from samen.common.privacy import personal_data
from samen.consultations.models import Response
from tests.assisted.conftest import PLACE, take_over_notice
from tests.consultations.conftest import consultation_at
from tests.factories import UserFactory
from tests.people import sign_up, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(db):
    """Laeken's consultation on cycling, open to verified residents."""
    return consultation_at("open", voters="any")


def assist(client, questionnaire, person, *, cycling="yes", agreed=True, name="Fatima", place=PLACE, **answers):
    """The facilitator's form for a questionnaire response, posted."""
    number, born = person
    data = {
        "national_number": number,
        "born_on": born.isoformat(),
        "resident_name": name,
        "place": place,
        "q_cycling": cycling,
        **answers,
    }
    if agreed:
        data["agreed"] = "on"
    return client.post(reverse("consultations:assisted", args=[questionnaire.process.slug]), data)


def answer(client, questionnaire, cycling):
    return client.post(reverse("consultations:answer", args=[questionnaire.process.slug]), {"q_cycling": cycling})


def test_a_facilitator_enters_answers_and_the_consent_says_who_what_when_where(
    client, facilitator, consultation, person
):
    client.force_login(facilitator)

    response = assist(client, consultation, person, name="Fatima B.", q_safety="4")

    assert response.status_code == 302
    saved = Response.objects.get()
    consent = saved.consent
    assert (saved.voter, saved.entered_by, saved.paper_reference, saved.answers) == (
        None,
        facilitator,
        "",
        {"cycling": "yes", "safety": 4},
    )
    assert (consent.facilitator, consent.action, consent.place, consent.resident_name) == (
        facilitator,
        "questionnaire_response",
        PLACE,
        "Fatima B.",
    )
    assert consent.process == consultation.process
    assert consent.digest == person_digest(*person)
    assert str(consultation.process.title) in consent.agreed_to
    assert not any(person[0] in str(value) for value in Consent.objects.values().get().values())


def test_without_the_resident_s_consent_nothing_is_saved_and_the_answers_are_kept(
    client, facilitator, consultation, person
):
    client.force_login(facilitator)

    response = assist(client, consultation, person, agreed=False, q_name_it="Green line")

    assert response.status_code == 422
    page = response.content.decode()
    assert "Record the resident&#x27;s consent: tick the box once they have agreed to it." in page
    assert 'value="Green line"' in page
    assert (Response.objects.count(), Consent.objects.count()) == (0, 0)


def test_a_refused_answer_comes_back_in_words_and_nothing_is_saved(client, facilitator, consultation, person):
    client.force_login(facilitator)

    response = assist(client, consultation, person, cycling="")

    assert response.status_code == 422
    assert "Answer this question: it is required." in response.content.decode()
    assert (Response.objects.count(), Consent.objects.count()) == (0, 0)


def test_one_identity_under_two_names_answers_once(client, facilitator, consultation, person):
    client.force_login(facilitator)
    assist(client, consultation, person, name="Fatima")

    response = assist(client, consultation, person, cycling="no", name="Someone else")

    assert response.status_code == 422
    assert "This person has already answered, online, on paper or with a facilitator" in response.content.decode()
    saved = Response.objects.get()
    assert (saved.answers, Consent.objects.count(), saved.consent.resident_name) == ({"cycling": "yes"}, 1, "Fatima")


def test_someone_not_on_the_census_list_is_refused(client, facilitator, consultation):
    client.force_login(facilitator)

    response = assist(client, consultation, ("85073003328", date(1985, 7, 30)))

    assert response.status_code == 422
    assert "This person is not on the lists of residents entitled to vote." in response.content.decode()
    assert (Response.objects.count(), Consent.objects.count()) == (0, 0)


def test_a_resident_who_answered_online_cannot_be_answered_for_by_a_facilitator(
    client, facilitator, consultation, person
):
    resident = sign_up(client, "fatima@example.org")
    verify(client, person)
    answer(client, consultation, "no")
    client.force_login(facilitator)

    response = assist(client, consultation, person, cycling="yes")

    assert response.status_code == 422
    saved = Response.objects.get()
    assert (saved.voter, saved.consent, saved.answers) == (resident, None, {"cycling": "no"})
    assert Consent.objects.count() == 0


def test_after_a_facilitator_answered_for_them_the_resident_cannot_answer_online_before_taking_over(
    client, facilitator, consultation, person
):
    client.force_login(facilitator)
    assist(client, consultation, person, cycling="yes")
    sign_up(client, "fatima@example.org")
    verify(client, person)

    response = answer(client, consultation, "no")

    assert response.status_code == 422
    assert take_over_notice(Consent.objects.get()) in response.content.decode()
    saved = Response.objects.get()
    assert (saved.voter, saved.answers) == (None, {"cycling": "yes"})


def test_a_resident_whose_answers_a_facilitator_entered_is_sent_to_take_them_over_not_shown_an_empty_form(
    client, facilitator, consultation, person
):
    client.force_login(facilitator)
    assist(client, consultation, person, cycling="yes")
    sign_up(client, "fatima@example.org")
    unverified = client.get(reverse("consultations:answer", args=[consultation.process.slug])).content.decode()
    verify(client, person)

    page = client.get(reverse("consultations:answer", args=[consultation.process.slug])).content.decode()
    client.post(reverse("assisted:mine"))
    taken = client.get(reverse("consultations:answer", args=[consultation.process.slug])).content.decode()

    assert "was entered for you with a facilitator" not in unverified
    assert take_over_notice(Consent.objects.get()) in page
    assert 'class="questionnaire"' not in page
    assert "was entered for you with a facilitator" not in taken
    assert 'class="questionnaire"' in taken
    assert "Change my answers" in taken


def test_the_resident_takes_their_response_over_and_changes_it_online(client, facilitator, consultation, person):
    client.force_login(facilitator)
    assist(client, consultation, person, cycling="yes")
    resident = sign_up(client, "fatima@example.org")
    verify(client, person)

    page = client.get(reverse("assisted:mine"))
    taken = client.post(reverse("assisted:mine"), follow=True)
    changed = answer(client, consultation, "no")

    assert "Answers to the questionnaire of “" in page.content.decode()
    assert "1 contribution is now your account&#x27;s: you can change it online." in taken.content.decode()
    assert changed.status_code == 302
    saved = Response.objects.get()
    assert (saved.voter, saved.answers, saved.consent.taken_over_by) == (resident, {"cycling": "no"}, resident)


def test_the_results_say_how_many_responses_were_entered_with_a_facilitator(
    client, facilitator, consultation, person, census
):
    client.force_login(facilitator)
    assist(client, consultation, person, cycling="yes")
    client.force_login(census.verified(born=date(1985, 3, 14)))
    answer(client, consultation, "no")
    yesterday = timezone.localdate() - timedelta(days=1)
    consultation.process.phases.update(first_day=yesterday - timedelta(days=10), last_day=yesterday)

    page = client.get(reverse("consultations:results", args=[consultation.process.slug])).content.decode()

    assert "2 responses were counted." in page
    assert "1 of 2 responses was entered with a facilitator." in page


@pytest.mark.parametrize("role", ["outsider", "resident", "manager"])
def test_only_a_facilitator_may_enter_answers(client, consultation, person, role):
    users = {
        "outsider": UserFactory(),
        "resident": UserFactory(),
        "manager": UserFactory(role="process_manager", is_staff=True),
    }
    client.force_login(users[role])

    shown = client.get(reverse("consultations:assisted", args=[consultation.process.slug]))
    sent = assist(client, consultation, person)

    assert (shown.status_code, sent.status_code) == (403, 403)
    assert (Response.objects.count(), Consent.objects.count()) == (0, 0)


def test_a_facilitator_cannot_enter_answers_once_the_consultation_has_ended(client, facilitator, person):
    ended = consultation_at("ended", voters="any")
    client.force_login(facilitator)

    response = assist(client, ended, person)

    assert response.status_code == 403
    assert Response.objects.count() == 0


def test_the_facilitator_s_start_page_offers_the_open_consultation(client, facilitator, consultation):
    client.force_login(facilitator)

    page = client.get(reverse("assisted:start")).content.decode()

    assert reverse("consultations:assisted", args=[consultation.process.slug]) in page


def test_the_facilitator_s_export_counts_the_responses_entered_apart_from_paper_ones(
    client, facilitator, consultation, person
):
    client.force_login(facilitator)
    assist(client, consultation, person)

    work = personal_data(facilitator)["consultation_staff_work"]

    assert (work["assisted_responses_entered"], work["paper_responses_entered"]) == (1, 0)


def test_an_account_that_already_answered_unverified_keeps_its_response_and_is_told(client, facilitator, person):
    """In a consultation open to any signed-in account, the account's unverified response and the person's assisted
    one clash on one response per account: the take-over reports it and moves nothing."""
    open_to_all = consultation_at("open")
    resident = sign_up(client, "fatima@example.org")
    answer(client, open_to_all, "no")
    client.force_login(facilitator)
    assist(client, open_to_all, person, cycling="yes")
    client.force_login(resident)
    verify(client, person)

    taken = client.post(reverse("assisted:mine"), follow=True)

    assert "stay as the facilitator entered them: this account already has answers there." in taken.content.decode()
    assert Response.objects.get(consent__isnull=False).voter is None
    assert Consent.objects.get().taken_over_by is None


def test_the_process_page_offers_the_facilitator_the_assisted_form(client, facilitator, consultation, resident):
    link = reverse("consultations:assisted", args=[consultation.process.slug])
    client.force_login(facilitator)
    theirs = client.get(consultation.process.get_absolute_url()).content.decode()
    client.force_login(resident)
    others = client.get(consultation.process.get_absolute_url()).content.decode()

    assert (link in theirs, link in others) == (True, False)
