"""How many people took part, on the home page's cards: people, not accounts, whatever their accounts became (moved,
deleted) and however they voted (online, on paper); counted in the database, kept a short while."""

from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from samen.budgets.models import BudgetBallot, Proposal
from samen.common import clock
from samen.ideas import services as idea_services
from samen.processes import queries
from tests.budgets.conftest import budget_at, proposals_of
from tests.factories import IdeaFactory, UserFactory
from tests.initiatives.conftest import Census
from tests.people import delete_account, sign_up, verify
from tests.texts import shows
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def census():
    return Census(UserFactory(role="administrator", is_staff=True))


@pytest.fixture
def verified_budget():
    budget = budget_at("ballot")
    budget.process.voters = "any"
    budget.process.save()
    return budget


def _card(client, title) -> str:
    page = client.get(reverse("processes:list")).content.decode()
    return next(card for card in page.split('<li class="card">') if str(title) in card)


def _vote(client, budget, proposal):
    response = client.post(reverse("budgets:ballot", args=[budget.process.slug]), {"projects": [str(proposal.pk)]})
    assert response.status_code == 302


def _propose(budget, author):
    """The account's other part in the process: a project it proposed."""
    Proposal.objects.create(
        budget=budget, author=author, title_nl="Bank", title_fr="Banc", title_en="Bench", estimated_cost=1000
    )


def test_a_deleted_accounts_budget_ballot_and_the_person_back_verified_count_once(client, verified_budget, census):
    person = census.add(date(1985, 3, 14))
    sign_up(client, "nadia@example.org")
    verify(client, person)
    _vote(client, verified_budget, proposals_of(verified_budget)[0])
    delete_account(client)
    again = sign_up(client, "nadia.again@example.org")
    verify(client, person)
    _propose(verified_budget, again)
    proposers = set(verified_budget.proposals.exclude(author=again).values_list("author_id", flat=True))

    kept = BudgetBallot.objects.get()
    assert (kept.voter, len(kept.voter_key)) == (None, 64)
    assert shows(_card(client, verified_budget.process.title), f"{len(proposers) + 1} people took part")


def test_a_deleted_accounts_ballot_still_counts_its_person_and_others_count_apart(client, verified_budget, census):
    sign_up(client, "nadia@example.org")
    verify(client, census.add(date(1985, 3, 14)))
    _vote(client, verified_budget, proposals_of(verified_budget)[0])
    delete_account(client)
    sign_up(client, "jan@example.org")
    verify(client, census.add(date(1990, 6, 1)))
    _propose(verified_budget, UserFactory())  # someone else, never verified

    assert queries.participants([verified_budget.process.pk]) == {verified_budget.process.pk: 3 + 1 + 1}


def test_a_paper_ballot_of_a_person_who_also_proposed_online_counts_once(client, verified_budget, census, manager):
    number, born = census.add(date(1985, 3, 14))
    nadia = sign_up(client, "nadia@example.org")
    verify(client, (number, born))
    _propose(verified_budget, nadia)
    client.force_login(manager)
    client.post(
        reverse("budgets:paper_ballot", args=[verified_budget.process.slug]),
        {
            "paper_reference": "A-017",
            "national_number": number,
            "born_on": born.isoformat(),
            "projects": [proposals_of(verified_budget)[0].pk],
        },
    )

    assert BudgetBallot.objects.get().paper_reference == "A-017"
    assert queries.participants([verified_budget.process.pk]) == {verified_budget.process.pk: 3 + 1}


def test_processes_counted_in_several_batches_each_count_their_people(open_process, closed_process, monkeypatch):
    monkeypatch.setattr(queries, "PROCESS_BATCH", 1)
    resident = UserFactory()
    IdeaFactory(process=open_process, theme=open_process.themes.first(), author=resident)
    IdeaFactory(process=closed_process, theme=closed_process.themes.first(), author=resident)
    IdeaFactory(process=closed_process, theme=closed_process.themes.first(), author=UserFactory())

    assert queries.participants([open_process.pk, closed_process.pk]) == {open_process.pk: 1, closed_process.pk: 2}


def test_a_support_shows_at_once_and_a_ballot_within_the_promised_time(client, open_process):
    open_process.voters = ""  # any signed-in account supports
    open_process.save()
    open_budget = budget_at("ballot")  # any signed-in account votes
    idea = IdeaFactory(process=open_process, theme=open_process.themes.first(), author=UserFactory())
    budget_title = open_budget.process.title
    with time_machine.travel(clock.now(), tick=False) as traveller:
        assert shows(_card(client, open_process.title), "1 person took part")
        assert shows(_card(client, budget_title), "3 people took part")
        idea_services.support_idea(idea=idea, resident=UserFactory())
        client.force_login(UserFactory())
        _vote(client, open_budget, proposals_of(open_budget)[0])

        assert shows(_card(client, open_process.title), "2 people took part")  # a support: at once
        traveller.shift(timedelta(seconds=queries.COUNT_SECONDS - 1))
        assert shows(_card(client, budget_title), "3 people took part")  # a ballot: kept count
        traveller.shift(timedelta(seconds=1))
        assert shows(_card(client, budget_title), "4 people took part")


def _process_page(process) -> str:
    """The page as an anonymous visitor gets it (from the page cache once stored)."""
    response = Client().get(process.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def _now_section(page: str) -> str:
    return page.split('id="now-title"', 1)[1].split("</section>", 1)[0]


def test_the_process_page_leads_with_what_to_do_until_when_and_how_many_took_part(client, open_process):
    IdeaFactory(process=open_process, theme=open_process.themes.first(), author=UserFactory())

    now = _now_section(_process_page(open_process))

    assert "You can post ideas, comment on them and support them until " in now
    assert shows(now, "1 person took part")
    assert shows(_card(client, open_process.title), "1 person took part")  # the card's count


def test_the_stored_process_page_shows_a_ballot_within_the_promised_time_and_a_support_at_once(client):
    budget = budget_at("ballot")  # any signed-in account votes
    with time_machine.travel(clock.now(), tick=False) as traveller:
        assert shows(_now_section(_process_page(budget.process)), "3 people took part")
        client.force_login(UserFactory())
        _vote(client, budget, proposals_of(budget)[0])

        traveller.shift(timedelta(seconds=queries.COUNT_SECONDS - 1))
        assert shows(_now_section(_process_page(budget.process)), "3 people took part")  # the stored page
        traveller.shift(timedelta(seconds=1))
        assert shows(_now_section(_process_page(budget.process)), "4 people took part")


def test_a_support_shows_at_once_on_the_stored_process_page(open_process):
    open_process.voters = ""  # any signed-in account supports
    open_process.save()
    idea = IdeaFactory(process=open_process, theme=open_process.themes.first(), author=UserFactory())
    with time_machine.travel(clock.now(), tick=False):
        assert shows(_now_section(_process_page(open_process)), "1 person took part")
        idea_services.support_idea(idea=idea, resident=UserFactory())

        assert shows(_now_section(_process_page(open_process)), "2 people took part")


def test_a_deleted_accounts_vote_ballot_and_the_person_back_with_an_idea_count_once(client, census):
    shortlist = shortlist_at("vote")
    shortlist.process.voters = "any"
    shortlist.process.save()
    person = census.add(date(1985, 3, 14))
    sign_up(client, "nadia@example.org")
    verify(client, person)
    voted = client.post(
        reverse("votes:shortlist", args=[shortlist.process.slug]), {"ideas": [ideas_of(shortlist)[0].pk]}
    )
    assert voted.status_code == 302
    delete_account(client)
    before = queries.participants([shortlist.process.pk])
    again = sign_up(client, "nadia.again@example.org")
    verify(client, person)
    IdeaFactory(process=shortlist.process, theme=shortlist.process.themes.first(), author=again)

    assert queries.participants([shortlist.process.pk]) == before


def test_the_citys_indicators_count_a_deleted_accounts_ballot_and_the_person_back_as_one_person(
    client, verified_budget, census
):
    person = census.add(date(1985, 3, 14))
    sign_up(client, "nadia@example.org")
    verify(client, person)
    _vote(client, verified_budget, proposals_of(verified_budget)[0])
    delete_account(client)
    again = sign_up(client, "nadia.again@example.org")
    verify(client, person)
    _propose(verified_budget, again)
    others = set(verified_budget.proposals.exclude(author=again).values_list("author_id", flat=True))

    people = queries.people_taking_part([verified_budget.process.pk])

    assert len(people) == len(others) + 1
    assert {again.pk} in people.values()
    assert queries.participant_accounts(verified_budget.process.pk) == sorted(others | {again.pk})
