"""The demo's facilitator entered budget ballots, signatures, questionnaire responses, an idea and a comment for census
residents; `make run` says so."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from samen.accounts.models import User
from samen.assisted.models import Consent
from samen.budgets.models import BudgetBallot
from samen.consultations.models import Response
from samen.ideas.models import Comment, Idea
from samen.initiatives.models import Signature

pytestmark = pytest.mark.django_db


def test_the_demo_facilitator_entered_ballots_and_signatures_and_seed_demo_prints_it(capsys, settings, client):
    settings.DEBUG = True

    call_command("seed_demo")

    out = capsys.readouterr().out
    assert "facilitator@demo.samen.brussels" in out
    assert (
        "facilitator@demo.samen.brussels entered 3 budget ballots in laeken-budget, 2 signatures and 2 questionnaire "
        "responses in place-du-jeu-de-balle" in out
    )
    facilitator = User.objects.get(email="facilitator@demo.samen.brussels")
    assert facilitator.role == "facilitator"
    assert (
        BudgetBallot.objects.filter(consent__facilitator=facilitator, budget__process__slug="laeken-budget").count()
        == 3
    )
    assert Signature.objects.filter(consent__facilitator=facilitator, withdrawn_at__isnull=True).count() == 2
    assisted = Response.objects.filter(consent__facilitator=facilitator)
    assert set(assisted.values_list("questionnaire__process__slug", flat=True)) == {"place-du-jeu-de-balle"}
    assert assisted.count() == 2
    assert "The facilitator also posted 1 idea and 1 comment for residents" in out
    assert Idea.objects.filter(consent__facilitator=facilitator, author=None).count() == 1
    assert Comment.objects.filter(consent__facilitator=facilitator, author=None).count() == 1
    assert set(Consent.objects.values_list("place", flat=True)) == {"Espace public numérique, Laeken"}
    client.force_login(User.objects.get(email="admin@demo.samen.brussels"))
    assert "Mme Janssens" in client.get(reverse("assisted:audit")).content.decode()
