import re
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from samen.accounts.models import User
from samen.budgets.models import BudgetResult, Proposal
from samen.city.models import ProjectUpdate
from samen.demo.loader import load_demo
from samen.demo.processes import DEMO_TOTP_SECRET
from samen.ideas.models import Comment, Idea, Support
from samen.panels.models import Council
from samen.processes.models import Process
from samen.processes.queries import running_phase
from samen.votes.models import Result

DEMO_SLUGS = ["brussels-hacks-the-crisis", "vieux-laeken-est", "place-bockstael", "pentagone-budget", "laeken-budget"]

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        Process.objects.count(),
        User.objects.count(),
        Idea.objects.count(),
        Comment.objects.count(),
        Support.objects.count(),
    )


def test_the_demo_has_an_open_idea_call_a_finished_one_and_one_in_its_vote():
    load_demo(seed=2020)

    call = Process.objects.get(slug="brussels-hacks-the-crisis")
    assert [t.name_en for t in call.themes.all()] == [
        "New way of working",
        "New way of learning",
        "Local commerce",
        "Culture & solidarity",
    ]
    phases = {slug: running_phase(Process.objects.get(slug=slug)).kind for slug in DEMO_SLUGS}
    assert phases == {
        "brussels-hacks-the-crisis": "follow_up",
        "vieux-laeken-est": "idea_collection",
        "place-bockstael": "shortlist_vote",
        "pentagone-budget": "follow_up",
        "laeken-budget": "budget_ballot",
    }
    # The 66 of ideas.json, and the one the demo's facilitator posted for a resident in the open call.
    assert (Idea.objects.filter(consent__isnull=True).count(), Idea.objects.count()) == (66, 67)
    assert Idea.objects.values("municipality_nis").distinct().count() >= 15
    assert set(Idea.objects.values_list("language", flat=True)) == {"nl", "fr", "en"}


def test_the_demo_call_ended_with_a_tie_for_the_second_seat_decided_by_the_jury():
    load_demo(seed=2020)

    result = Result.objects.get(shortlist__process__slug="brussels-hacks-the-crisis")
    (tie,) = result.outcome["ties"]
    assert result.outcome["ballots"] == 300
    assert len(result.outcome["winners"]) == 2
    assert (tie["decisive"], [step["method"] for step in tie["steps"]]) == (True, ["jury"])
    # The two winners are City projects carrying their progress reports (five between them).
    winners = [int(pk) for pk in result.outcome["winners"]]
    assert ProjectUpdate.objects.filter(project__idea_id__in=winners).count() == 5


def test_loading_the_demo_twice_adds_nothing(capsys, settings, client):
    settings.DEBUG = True
    call_command("seed_demo")
    first = _snapshot()

    call_command("seed_demo")

    out = capsys.readouterr().out
    assert _snapshot() == first
    assert "nothing added" in out
    assert f"add the secret {DEMO_TOTP_SECRET} to an authenticator app" in out
    # Each run prints a fresh code for the demo's letter (printed codes are not kept): the last one verifies.
    code = re.findall(r"on its way to sophie@demo\.samen\.brussels: its code is (\S+)", out)[-1]
    client.force_login(User.objects.get(email="sophie@demo.samen.brussels"))
    assert client.post(reverse("verify_code"), {"code-code": code}).status_code == 302


def test_the_demo_refuses_to_load_with_debug_off_and_creates_nothing(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError) as refusal:
        call_command("seed_demo")

    assert "runs only on a laptop, with DJANGO_DEBUG=true" in str(refusal.value)
    assert _snapshot() == (0, 0, 0, 0, 0)


def test_the_same_seed_gives_the_same_demo():
    load_demo(seed=7, today=date(2026, 11, 24))
    # The facilitator's idea is posted once (consents outlive processes): the drawn ideas are compared.
    drawn = Idea.objects.filter(consent__isnull=True).order_by("title")
    first = list(drawn.values_list("title", "latitude", "longitude", "neighbourhood_code"))
    Council.objects.all().delete()  # a council outlives its lottery's process (SET_NULL): remove it too
    Process.objects.all().delete()

    load_demo(seed=7, today=date(2026, 11, 24))

    again = list(drawn.values_list("title", "latitude", "longitude", "neighbourhood_code"))
    assert again == first


def test_demo_accounts_can_sign_in(client):
    load_demo()

    assert client.login(email="amina@demo.samen.brussels", password="samen-demo")


def test_the_demo_budget_is_closed_and_equal_shares_funds_other_projects_than_greedy(client):
    load_demo(seed=2020)

    response = client.get("/en/processes/pentagone-budget/budget/result/")

    outcome = BudgetResult.objects.get(budget__process__slug="pentagone-budget").outcome
    assert response.status_code == 200
    assert outcome["ballots"] == 320
    assert outcome["cost"] <= outcome["budget"]
    assert set(outcome["winners"]) != set(outcome["greedy"]["winners"])
    assert Proposal.objects.filter(budget__process__slug="pentagone-budget", status="not_feasible").count() == 4
