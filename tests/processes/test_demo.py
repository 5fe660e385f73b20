from datetime import date

import pytest
from django.core.management import call_command

from samen.accounts.models import User
from samen.ideas.models import Comment, Idea, Support
from samen.processes.demo.loader import load_demo
from samen.processes.models import Process
from samen.processes.queries import running_phase

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        Process.objects.count(),
        User.objects.count(),
        Idea.objects.count(),
        Comment.objects.count(),
        Support.objects.count(),
    )


def test_the_demo_has_the_hack_the_crisis_call_open_with_four_themes_and_sixty_ideas():
    load_demo(seed=2020)

    call = Process.objects.get(slug="brussels-hacks-the-crisis")
    assert [t.name_en for t in call.themes.all()] == [
        "New way of working",
        "New way of learning",
        "Local commerce",
        "Culture & solidarity",
    ]
    assert running_phase(call).kind == "idea_collection"
    assert Idea.objects.count() == 60
    assert Idea.objects.values("municipality_nis").distinct().count() >= 15
    assert set(Idea.objects.values_list("language", flat=True)) == {"nl", "fr", "en"}


def test_loading_the_demo_twice_adds_nothing(capsys):
    call_command("seed_demo")
    first = _snapshot()

    call_command("seed_demo")

    assert _snapshot() == first
    assert "nothing added" in capsys.readouterr().out


def test_the_same_seed_gives_the_same_demo():
    load_demo(seed=7, today=date(2026, 11, 24))
    first = list(Idea.objects.order_by("title").values_list("title", "latitude", "longitude", "neighbourhood_code"))
    Process.objects.all().delete()

    load_demo(seed=7, today=date(2026, 11, 24))

    again = list(Idea.objects.order_by("title").values_list("title", "latitude", "longitude", "neighbourhood_code"))
    assert again == first


def test_demo_accounts_can_sign_in(client):
    load_demo()

    assert client.login(email="amina@demo.samen.brussels", password="samen-demo")
