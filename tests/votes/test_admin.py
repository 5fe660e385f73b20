"""The rules of a vote are announced before it opens; after that, the admin shows them but cannot change them."""

import pytest
from django.urls import reverse

from tests.votes.conftest import shortlist_at

pytestmark = pytest.mark.django_db


def _rules_form(shortlist, **overrides):
    data = {
        "size": shortlist.size,
        "winners": shortlist.winners,
        "max_choices": shortlist.max_choices,
        "hide_running_counts": "on",
        "tie_break": shortlist.tie_break,
        "lottery_seed": shortlist.lottery_seed,
        "criteria-TOTAL_FORMS": "0",
        "criteria-INITIAL_FORMS": "0",
        "jury-TOTAL_FORMS": "0",
        "jury-INITIAL_FORMS": "0",
    }
    return data | overrides


def test_the_lottery_seed_can_change_before_the_vote_opens(client, manager):
    shortlist = shortlist_at("jury")
    client.force_login(manager)

    response = client.post(
        reverse("admin:votes_shortlist_change", args=[shortlist.pk]), _rules_form(shortlist, lottery_seed="New draw")
    )

    shortlist.refresh_from_db()
    assert response.status_code == 302
    assert shortlist.lottery_seed == "New draw"


def test_the_announced_tie_break_cannot_change_once_the_vote_has_opened(client, manager, vote_shortlist):
    announced = vote_shortlist.lottery_seed
    client.force_login(manager)

    client.post(
        reverse("admin:votes_shortlist_change", args=[vote_shortlist.pk]),
        _rules_form(vote_shortlist, lottery_seed="A luckier draw", tie_break="lottery", winners=3),
    )

    vote_shortlist.refresh_from_db()
    assert (vote_shortlist.lottery_seed, vote_shortlist.tie_break, vote_shortlist.winners) == (
        announced,
        "jury,lottery",
        2,
    )


def test_a_resident_cannot_open_the_vote_rules_in_the_admin(client, resident, vote_shortlist):
    client.force_login(resident)

    response = client.get(reverse("admin:votes_shortlist_change", args=[vote_shortlist.pk]))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
