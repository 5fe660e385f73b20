"""The initiatives' pages as residents, promoters, City staff and outsiders use them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samen.accounts.models import Verification
from samen.initiatives import services
from samen.initiatives.models import Initiative, TimelineEvent
from tests.ideas.test_notifications import _run_worker

pytestmark = pytest.mark.django_db


def url(name, initiative, **kwargs):
    return reverse(f"initiatives:{name}", kwargs={"pk": initiative.pk, **kwargs})


def test_a_verified_resident_signs_from_the_page_and_sees_the_count(client, collecting, census):
    signer = census.verified()
    client.force_login(signer)

    response = client.post(url("sign", collecting))
    page = client.get(url("detail", collecting)).content.decode()

    assert response.status_code == 302
    assert "1 signature of 3 needed" in page
    assert "You have signed this initiative." in page


def test_signing_twice_is_refused_with_a_message_and_counts_once(client, collecting, census):
    signer = census.verified()
    client.force_login(signer)
    client.post(url("sign", collecting))

    response = client.post(url("sign", collecting))

    assert response.status_code == 422
    assert "You have already signed this initiative." in response.content.decode()
    assert services.count(collecting) == 1


def test_an_unverified_resident_is_told_to_verify_and_nothing_counts(client, collecting, resident):
    client.force_login(resident)

    response = client.post(url("sign", collecting))

    assert response.status_code == 422
    assert "Verify that you are a resident before you sign." in response.content.decode()
    assert services.count(collecting) == 0


def test_a_resident_of_another_municipality_is_told_why_and_nothing_counts(client, collecting, census):
    person = census.verified()
    Verification.objects.filter(user=person).update(municipality_nis="21009")  # Ixelles
    client.force_login(person)

    response = client.post(url("sign", collecting))

    assert response.status_code == 422
    assert "Only residents of" in response.content.decode()
    assert services.count(collecting) == 0


def test_an_unverified_resident_who_starts_an_initiative_is_sent_to_verify_first(client, resident, kind):
    client.force_login(resident)

    response = client.get(reverse("initiatives:new"), follow=True)

    assert response.redirect_chain[0] == (f"{reverse('verify')}?next=/en/initiatives/new/", 302)
    assert "Only a verified resident can start an initiative." in response.content.decode()
    posted = client.post(reverse("initiatives:new"), {"kind": kind.pk, "title_nl": "Titel", "text_nl": "Tekst"})
    assert posted.status_code == 302
    assert not Initiative.objects.exists()


def test_drafts_are_hidden_from_everyone_but_promoters_and_staff(client, draft, outsider, manager):
    assert client.get(url("detail", draft)).status_code == 404
    client.force_login(outsider)
    assert client.get(url("detail", draft)).status_code == 404
    client.force_login(draft.author)
    assert client.get(url("detail", draft)).status_code == 200
    client.force_login(manager)
    assert client.get(url("detail", draft)).status_code == 200


def test_an_outsider_cannot_edit_submit_review_enter_paper_or_decide(client, outsider, submitted, transmitted):
    client.force_login(outsider)

    responses = [
        client.post(url("edit", submitted), {"title_nl": "Gekaapt"}),
        client.post(url("submit", submitted)),
        client.post(url("invite", submitted), {"email": outsider.email}),
        client.post(url("review", submitted), {"admit": "yes"}),
        client.get(url("paper", transmitted)),
        client.post(
            url("event", transmitted), {"kind": "council", "day": "2026-12-01", "title_nl": "x", "title_fr": "x"}
        ),
        client.post(url("decide", transmitted), {"decision": "adopted", "decided_on": timezone.localdate()}),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404, 404, 403, 403, 403]
    submitted.refresh_from_db()
    transmitted.refresh_from_db()
    assert submitted.status == Initiative.Status.SUBMITTED
    assert transmitted.status == Initiative.Status.TRANSMITTED
    assert not TimelineEvent.objects.exists()


def test_staff_type_in_a_paper_sheet_and_see_the_refused_lines(client, collecting, census, manager):
    number, born = census.add(timezone.localdate().replace(year=1975))
    client.force_login(manager)

    response = client.post(
        url("paper", collecting),
        {"reference": "S-7", "lines": f"{number}; {born.isoformat()}; Amina\n85073003329; 1985-07-30; Typo\n"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Sheet S-7: 1 signatures counted, 1 lines refused." in page
    assert "line 2 (Typo): This national number is not valid" in page
    assert services.count(collecting) == 1


def test_a_malformed_paper_line_is_refused_naming_the_line_and_nothing_counts(client, collecting, manager):
    client.force_login(manager)

    response = client.post(url("paper", collecting), {"reference": "S-8", "lines": "93051822361, 1993-05-18\n"})

    assert response.status_code == 422
    assert "Line 1: expected national number; birth date; name." in response.content.decode()
    assert not collecting.sheets.exists()


def test_the_council_countdown_and_an_overdue_initiative_in_red_on_the_lists(client, transmitted):
    countdown = client.get(url("detail", transmitted)).content.decode()
    Initiative.objects.filter(pk=transmitted.pk).update(transmitted_on=timezone.localdate() - timedelta(days=400))

    overdue_list = client.get(reverse("initiatives:overdue")).content.decode()
    index = client.get(reverse("initiatives:index")).content.decode()

    deadline = services.deadline_of(transmitted)
    assert f"Before the council: {(deadline - timezone.localdate()).days} days left to vote" in countdown
    assert transmitted.title in overdue_list
    assert '<p class="overdue"><strong>Overdue</strong>' in index


def test_staff_record_the_councils_decision_from_the_page(client, transmitted, manager):
    client.force_login(manager)

    response = client.post(
        url("decide", transmitted),
        {"decision": "adopted", "decided_on": timezone.localdate().isoformat(), "votes_for": 31, "votes_against": 8},
    )

    transmitted.refresh_from_db()
    assert response.status_code == 302
    assert (transmitted.status, transmitted.decision, transmitted.votes_for) == ("decided", "adopted", 31)
    assert "31 for, 8 against, 0 abstentions" in client.get(url("detail", transmitted)).content.decode()


@pytest.mark.parametrize("initiatives", [1, 3])
def test_the_list_of_initiatives_costs_the_same_queries_for_one_or_three(
    client, kind, census, manager, initiatives, django_assert_num_queries
):
    from tests.initiatives.conftest import initiative_at

    for _ in range(initiatives):
        initiative = initiative_at("collecting", kind=kind, census=census, manager=manager)
        services.sign(initiative=initiative, user=census.verified())

    with django_assert_num_queries(1):  # no session: one query, the initiatives with their kinds and counts
        response = client.get(reverse("initiatives:index"))

    assert response.content.decode().count("1 signature of 3 needed") == initiatives


# Inviting promoters


def test_an_invited_resident_reads_the_draft_and_joins_the_committee_through_the_pages(client, draft, census):
    invitee = census.verified(email="sara@example.org", display_name="Sara")
    client.force_login(draft.author)
    client.post(url("invite", draft), {"email": "Sara@example.org"})
    client.force_login(invitee)

    draft_page = client.get(url("detail", draft))
    invitation = draft.promoters.get(user=invitee)
    accepted = client.post(url("accept", draft, promoter_pk=invitation.pk))

    assert draft_page.status_code == 200
    assert "Join the committee" in draft_page.content.decode()
    assert accepted.status_code == 302
    assert list(draft.promoters.filter(accepted_at__isnull=False).values_list("user__email", flat=True)) == [
        draft.author.email,
        "sara@example.org",
    ]


def _invite(client, initiative, email):
    """The author's invitation and the page they come back to, with the address typed replaced by ADDRESS."""
    response = client.post(url("invite", initiative), {"email": email}, follow=True)
    said = [str(message).replace(email, "ADDRESS") for message in response.context["messages"]]
    return response.redirect_chain, said


def test_the_author_gets_the_same_answer_whether_the_address_has_an_account_or_not(client, draft, census):
    census.verified(email="sara@example.org", display_name="Sara")
    client.force_login(draft.author)

    with_account = _invite(client, draft, "sara@example.org")
    without_account = _invite(client, draft, "nobody@example.org")

    assert with_account == without_account
    assert with_account[0] == [(url("detail", draft), 302)]


def test_an_invitees_name_stays_hidden_from_the_committee_until_they_accept(client, draft, census):
    census.verified(email="sara@example.org", display_name="Sara Invitee")
    client.force_login(draft.author)

    response = client.post(url("invite", draft), {"email": "sara@example.org"}, follow=True)

    assert "Sara Invitee" not in response.content.decode()


def test_both_an_account_and_an_address_without_one_receive_an_invitation(
    client, draft, census, django_capture_on_commit_callbacks
):
    census.verified(email="sara@example.org", display_name="Sara")
    client.force_login(draft.author)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("invite", draft), {"email": "sara@example.org"})
        client.post(url("invite", draft), {"email": "nobody@example.org"})
    _run_worker()

    assert sorted(message.to[0] for message in mail.outbox) == ["nobody@example.org", "sara@example.org"]
    assert {message.subject for message in mail.outbox} == {  # both in French, the author's language
        "[Samen] Vous êtes invité à devenir promoteur de l'initiative « Plus d'arbres à Laeken »"
    }
    sign_up_mail = next(message for message in mail.outbox if message.to == ["nobody@example.org"])
    assert "/fr/account/signup/" in sign_up_mail.body


def test_inviting_the_same_person_twice_answers_the_same_and_keeps_one_invitation(client, draft, census):
    invitee = census.verified(email="sara@example.org", display_name="Sara")
    client.force_login(draft.author)

    first = _invite(client, draft, "sara@example.org")
    second = _invite(client, draft, "SARA@example.org")

    assert first == second
    assert draft.promoters.filter(user=invitee).count() == 1


def test_an_author_cannot_mail_invitations_to_a_crowd(client, draft):
    client.force_login(draft.author)

    statuses = [client.post(url("invite", draft), {"email": f"n{n}@example.org"}).status_code for n in range(21)]

    assert statuses == [302] * 20 + [429]


def test_an_outsider_cannot_invite_to_a_draft_and_nothing_is_saved(client, draft, outsider):
    client.force_login(outsider)

    response = client.post(url("invite", draft), {"email": outsider.email})

    assert response.status_code == 404
    assert list(draft.promoters.values_list("user", flat=True)) == [draft.author.pk]
