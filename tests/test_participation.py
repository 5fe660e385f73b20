""" "My participation" (issue 16): one page where a resident sees everything they did and what became of it, and
nobody else's."""

from datetime import timedelta

import pytest
from django.urls import reverse

from samen.budgets import services as budget_services
from samen.common import clock
from samen.ideas import services as idea_services
from samen.initiatives import services as initiative_services
from samen.votes import services as vote_services
from tests.budgets.conftest import budget_at, proposals_of
from tests.factories import IdeaFactory
from tests.initiatives.conftest import census, initiative_at, kind  # noqa: F401 (fixtures)
from tests.panels.conftest import lottery_at
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db


def _page(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("my_participation"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(client):
    response = client.get(reverse("my_participation"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_an_account_that_did_nothing_is_told_where_to_start(client, resident):
    page = _page(client, resident)

    assert "You have not taken part in anything yet." in page


def test_my_idea_my_support_my_vote_and_my_budget_ballot_with_what_i_can_still_change(client, resident, open_process):
    open_process.voters = ""  # any signed-in account supports
    open_process.save()
    theme = open_process.themes.first()
    mine = idea_services.create_idea(
        process=open_process, author=resident, theme=theme, title="Benches on Place Flagey", body="x", language="fr"
    )
    theirs = IdeaFactory(process=open_process, theme=theme, title="A fountain in the park")
    idea_services.support_idea(idea=theirs, resident=resident)
    shortlist = shortlist_at("vote")
    chosen = ideas_of(shortlist)[0]
    vote_services.cast_ballot(shortlist=shortlist, voter=resident, idea_ids=[chosen.pk])
    budget = budget_at("ballot")
    trees = proposals_of(budget)[0]
    budget_services.cast_budget_ballot(budget=budget, voter=resident, proposal_ids=[trees.pk])

    page = _page(client, resident)

    assert "Benches on Place Flagey" in page
    assert mine.get_absolute_url() in page
    assert "0 supports, 0 comments" in page
    assert "A fountain in the park" in page
    assert "You can withdraw your support until" in page
    assert f"You chose: {chosen.title}" in page
    assert "You can change your vote until" in page
    assert "You chose: Trees on the square" in page
    assert "You can change your choice until" in page


def test_nobody_else_sees_my_ballot_on_their_page(client, resident, outsider):
    shortlist = shortlist_at("vote")
    chosen = ideas_of(shortlist)[1]
    vote_services.cast_ballot(shortlist=shortlist, voter=resident, idea_ids=[chosen.pk])

    page = _page(client, outsider)

    assert chosen.title not in page
    assert "Votes I took part in" not in page


def test_my_signature_is_withdrawable_until_the_collection_closes_and_my_committee_shows_its_next_step(
    client,
    kind,  # noqa: F811 (the initiatives' fixture)
    census,  # noqa: F811
    manager,
):
    initiative = initiative_at("collecting", kind=kind, census=census, manager=manager)
    signer = census.verified()
    initiative_services.sign(initiative=initiative, user=signer)

    signed = _page(client, signer)
    committee = _page(client, initiative.author)

    assert "More trees in Laeken" in signed  # the English title, the page being in English
    assert "You can withdraw your signature until" in signed
    assert "Initiatives whose committee I sit on" in committee
    assert "Collect signatures until" in committee


def test_a_volunteer_sees_their_chance_and_their_place_on_the_reserve_list(client, manager):
    lottery = lottery_at("drawn", manager)
    drawn = lottery.volunteers.filter(selected=True).first()
    waiting = lottery.volunteers.filter(selected=False).order_by("reserve_rank").first()

    assert "You were drawn. Welcome to the panel!" in _page(client, drawn.user)
    assert f"You are number {waiting.reserve_rank} on the reserve list" in _page(client, waiting.user)
    assert "Your chance of being drawn was" in _page(client, waiting.user)


def test_a_counted_vote_says_so_and_leads_to_its_result(client, resident):
    shortlist = shortlist_at("vote")
    vote_services.cast_ballot(shortlist=shortlist, voter=resident, idea_ids=[ideas_of(shortlist)[0].pk])
    with clock.replaying(clock.now() + timedelta(days=10)):  # the vote has ended and is counted
        vote_services.count_votes(shortlist=shortlist)
        page = _page(client, resident)

    assert "The vote is counted." in page
    assert reverse("votes:results", args=[shortlist.process.slug]) in page
