"""The home page shows what is happening: each process's phase in plain words, until when, how many people took
part (people, not accounts) and its one action; the signed-in resident's neighbourhood first."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samen.accounts.models import VerificationTransfer
from samen.accounts.verification import decide_transfer, verify_with_document
from samen.budgets import services as budget_services
from samen.demo.identities import invented_document_number
from samen.ideas import services as idea_services
from samen.processes.models import Process
from samen.votes import services as vote_services
from tests.budgets.conftest import budget_at
from tests.conftest import process_in
from tests.factories import IdeaFactory, UserFactory
from tests.initiatives.conftest import Census
from tests.texts import shows
from tests.votes.conftest import shortlist_at

pytestmark = pytest.mark.django_db


def _home(client) -> str:
    return client.get(reverse("processes:list")).content.decode()


def _card_of(page: str, title: str) -> str:
    return next(card for card in page.split('<li class="card">') if title in card)


def test_an_open_idea_call_says_until_when_and_invites_to_post(client, open_process):
    card = _card_of(_home(client), open_process.title)

    assert re.search(r"Post ideas until \d{1,2} \w+", card)
    assert ">Post an idea<" in card


def test_a_process_that_has_ended_says_so_and_invites_nothing(client, closed_process):
    card = _card_of(_home(client), closed_process.title)

    assert "This process has ended." in card
    assert 'class="button"' not in card


def test_a_person_who_posted_commented_and_supported_counts_once_and_two_people_twice(client, open_process, resident):
    open_process.voters = ""  # any signed-in account supports
    open_process.save()
    theme = open_process.themes.first()
    idea = idea_services.create_idea(
        process=open_process, author=resident, theme=theme, title="Trees", body="x", language="en"
    )
    idea_services.add_comment(idea=idea, author=resident, body="And benches.", language="en")
    idea_services.support_idea(idea=idea, resident=resident)
    assert shows(_card_of(_home(client), open_process.title), "1 person took part")

    idea_services.support_idea(idea=idea, resident=UserFactory())
    assert shows(_card_of(_home(client), open_process.title), "2 people took part")


def test_the_old_and_the_new_account_of_one_verified_resident_count_as_one_person(client, open_process):
    administrator = UserFactory(role="administrator", is_staff=True)
    census = Census(administrator)
    number, born = census.add(date(1985, 4, 2))
    old, new = UserFactory(), UserFactory()
    proof = {"national_number": number, "born_on": born, "document_number": invented_document_number(number)}
    verify_with_document(user=old, **proof)
    with pytest.raises(ValidationError):  # the second proof files a transfer for an administrator to decide
        verify_with_document(user=new, **proof)
    decide_transfer(transfer=VerificationTransfer.objects.get(), administrator=administrator, approve=True)
    theme = open_process.themes.first()
    IdeaFactory(process=open_process, theme=theme, author=old)
    IdeaFactory(process=open_process, theme=theme, author=new)

    assert shows(_card_of(_home(client), open_process.title), "1 person took part")


def test_the_signed_in_residents_neighbourhood_comes_first_with_a_badge(client, open_process):
    elsewhere = open_process
    laeken = process_in("open")
    Process.objects.filter(pk=laeken.pk).update(scope="neighbourhood", neighbourhood_code=20, title_en="Laeken park")
    client.force_login(UserFactory(neighbourhood_code=20))

    page = _home(client)

    assert page.index("Laeken park") < page.index(str(elsewhere.title))
    assert "In your neighbourhood" in _card_of(page, "Laeken park")
    assert "In your neighbourhood" not in _card_of(page, str(elsewhere.title))


def test_recent_results_and_decisions_of_published_processes_newest_first(client):
    shortlist = shortlist_at("ended")
    vote_services.count_votes(shortlist=shortlist)
    budget = budget_at("closed")
    budget_services.count_budget(budget=budget)
    hidden = budget_at("closed")
    Process.objects.filter(pk=hidden.process.pk).update(status="draft", title_en="A draft budget")
    budget_services.count_budget(budget=hidden)

    page = _home(client)
    section = page.split("Recent results and decisions", 1)[1]

    assert str(shortlist.process.title) in section
    assert str(budget.process.title) in section
    assert "A draft budget" not in section
    assert section.index(str(budget.process.title)) < section.index(str(shortlist.process.title))
