"""The initiatives' pages as residents, promoters, City staff and outsiders use them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.initiatives import services
from samen.initiatives.models import Initiative, TimelineEvent

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
