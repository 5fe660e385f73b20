"""The attacks of issue 13, replayed through the web pages as an attacker would: each test is one way one person
could count twice or learn what they should not, and asserts that nothing counts twice and nothing leaks.

Finer cases of each defence live beside their code (tests/accounts/test_verification.py, tests/votes/test_one_person.py,
tests/budgets/test_one_person.py, tests/initiatives/test_one_person.py); this module keeps the attacker's view whole.
"""

import csv
import io
from datetime import date, timedelta

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from samen.accounts.models import Verification, VerificationAttempt, VerificationLetter
from samen.accounts.verification import upload_census
from samen.algorithms.budgets.pabulib import parse_pabulib
from samen.budgets.models import BudgetBallot
from samen.common import clock
from samen.demo.identities import invented_document_number
from samen.votes.models import Ballot
from tests.budgets.conftest import budget_at, proposals_of
from tests.factories import UserFactory
from tests.initiatives.conftest import Census
from tests.people import approve_transfer, delete_account, sign_up, verify
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db
REFUSAL = "We could not verify you with these details."


@pytest.fixture
def administrator():
    return UserFactory(role="administrator", is_staff=True, is_superuser=True)


@pytest.fixture
def census(administrator):
    return Census(administrator)


@pytest.fixture
def nadia(census):
    """A resident of the City on its census list: her national number and birth date."""
    return census.add(date(1985, 3, 14))


@pytest.fixture
def register(administrator):
    """The City's census list with Nadia's address, for letters: her national number and birth date."""
    upload_census(
        municipality_nis="21004",
        uploader=administrator,
        text="national_number,birth_date,postcode,name,address\n"
        "85031410025,1985-03-14,1020,Nadia,Rue Marie-Christine 1|1020 Laeken\n",
    )
    return "85031410025", date(1985, 3, 14)


@pytest.fixture
def budget():
    """Laeken's budget, its ballot open to verified residents (the default of a new process)."""
    return budget_at("ballot", voters="any")


def _budget_vote(client, budget, *proposals):
    return client.post(reverse("budgets:ballot", args=[budget.process.slug]), {"projects": [p.pk for p in proposals]})


def _counted_budget_ballots(client, budget) -> list[tuple[str, ...]]:
    """After the ballot closes, the ballots of the open .pb file anyone downloads to recount."""
    with time_machine.travel(clock.now() + timedelta(days=6)):
        response = client.get(reverse("budgets:export", args=[budget.process.slug]))
    assert response.status_code == 200
    return [ballot.projects for ballot in parse_pabulib(response.content.decode()).ballots]


def test_guessing_national_numbers_is_stopped_and_every_refusal_reads_the_same(client, census, nadia):
    """Number + birth date is only the number: the serial has a thousand values per birth date."""
    client.force_login(UserFactory())
    born = nadia[1]
    pages = [
        client.post(
            reverse("verify_letter"),
            {"letter-national_number": f"{born:%y%m%d}{serial:03d}00", "letter-born_on": born.isoformat()},
        )
        for serial in range(12)
    ]

    assert [page.status_code for page in pages] == [422] * 10 + [429] * 2
    refusals = {page.content.decode().split('role="alert"', 1)[1].split("</div>", 1)[0] for page in pages[:10]}
    assert len(refusals) == 1
    assert REFUSAL in refusals.pop()
    assert not Verification.objects.exists()
    assert VerificationAttempt.objects.count() == 12
    assert not VerificationAttempt.objects.filter(digest__contains=f"{born:%y%m%d}").exists()


def test_knowing_a_neighbour_s_number_sends_a_letter_to_the_neighbour_not_a_verification(
    client, register, administrator
):
    intruder = UserFactory()
    client.force_login(intruder)
    client.post(
        reverse("verify_letter"), {"letter-national_number": register[0], "letter-born_on": register[1].isoformat()}
    )
    client.force_login(administrator)
    client.post(reverse("letters"), {"municipality_nis": "21004"})
    client.force_login(intruder)

    guessed_code = client.post(reverse("verify_code"), {"code-code": "ABCDE-23456"})

    assert guessed_code.status_code == 422
    assert not Verification.objects.exists()
    assert VerificationLetter.objects.get().status == "sent"  # to Rue Marie-Christine, where the intruder is not


def test_an_account_verified_as_one_person_cannot_re_verify_as_another(client, census, nadia):
    other = census.add(date(1990, 6, 2))
    sign_up(client, "nadia@example.org")
    verify(client, nadia)

    response = verify(client, other)

    assert response.status_code == 422
    assert REFUSAL in response.content.decode()
    assert Verification.objects.get().born_on == nadia[1]


def test_deleting_the_account_and_voting_again_changes_the_one_ballot(client, budget, nadia):
    trees, fountain, _repair = proposals_of(budget)
    sign_up(client, "nadia@example.org")
    verify(client, nadia)
    _budget_vote(client, budget, trees)
    delete_account(client)
    sign_up(client, "nadia.again@example.org")
    verify(client, nadia)

    _budget_vote(client, budget, fountain)

    assert _counted_budget_ballots(client, budget) == [(str(fountain.pk),)]


def test_a_second_account_after_a_transfer_does_not_add_a_ballot(client, administrator, nadia):
    shortlist = shortlist_at("vote", voters="any")
    first, second = ideas_of(shortlist)[:2]
    vote = reverse("votes:shortlist", args=[shortlist.process.slug])
    sign_up(client, "nadia@example.org")
    verify(client, nadia)
    client.post(vote, {"ideas": [first.pk]})
    sign_up(client, "nadia.new@example.org")
    verify(client, nadia)
    approve_transfer(administrator)

    client.post(vote, {"ideas": [second.pk]})

    assert [list(ballot.entries.values_list("idea", flat=True)) for ballot in Ballot.objects.all()] == [[second.pk]]


def test_voting_online_then_on_paper_counts_once(client, budget, nadia, manager):
    trees, fountain, _repair = proposals_of(budget)
    sign_up(client, "nadia@example.org")
    verify(client, nadia)
    _budget_vote(client, budget, trees)
    client.force_login(manager)

    paper = client.post(
        reverse("budgets:paper_ballot", args=[budget.process.slug]),
        {
            "paper_reference": "A-017",
            "national_number": nadia[0],
            "born_on": nadia[1].isoformat(),
            "projects": [fountain.pk],
        },
    )

    assert paper.status_code == 422
    assert _counted_budget_ballots(client, budget) == [(str(trees.pk),)]


def test_an_administrator_without_verification_cannot_vote(client, budget, administrator):
    trees, _fountain, _repair = proposals_of(budget)
    client.force_login(administrator)

    response = _budget_vote(client, budget, trees)

    assert response.status_code == 403
    assert not BudgetBallot.objects.exists()


def test_a_verify_link_cannot_send_a_resident_to_another_site(client, census, nadia):
    client.force_login(UserFactory())

    response = client.post(
        reverse("verify_document") + "?next=//evil.example/login",
        {
            "document-national_number": nadia[0],
            "document-born_on": nadia[1].isoformat(),
            "document-document_number": invented_document_number(nadia[0]),
        },
    )

    assert response.status_code == 302
    assert response.url == reverse("profile")


def test_a_title_written_as_a_formula_stays_text_in_the_published_shortlist(client):
    shortlist = shortlist_at("ended")
    idea = ideas_of(shortlist)[0]
    idea.title = '=HYPERLINK("https://evil.example","click")'
    idea.save()

    response = client.get(reverse("votes:shortlist_csv", args=[shortlist.process.slug]))

    titles = [row["title"] for row in csv.DictReader(io.StringIO(response.content.decode()))]
    assert f"'{idea.title}" in titles
    assert idea.title not in titles


@override_settings(SAMEN_VERIFY_RATE_ACCOUNT="100/h", SAMEN_VERIFY_RATE_CLIENT="100/h")
def test_a_code_cannot_be_guessed_before_the_letter_is_blocked(client, register, administrator):
    resident = UserFactory()
    client.force_login(resident)
    client.post(
        reverse("verify_letter"), {"letter-national_number": register[0], "letter-born_on": register[1].isoformat()}
    )
    client.force_login(administrator)
    client.post(reverse("letters"), {"municipality_nis": "21004"})
    client.force_login(resident)

    answers = [client.post(reverse("verify_code"), {"code-code": f"AAAAA-{n:05d}"}).status_code for n in range(8)]

    assert answers == [422] * 8
    assert VerificationLetter.objects.get().status == "closed"
    assert not Verification.objects.exists()
