"""City services report what became of each funded project; its author is mailed, everyone reads the news."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from samen.accounts.models import User
from samen.budgets import services
from samen.budgets.models import BudgetBallot, ProgressUpdate
from samen.common import clock
from tests.budgets.conftest import budget_at, proposals_of
from tests.factories import UserFactory
from tests.ideas.test_notifications import _run_worker

pytestmark = pytest.mark.django_db

BOTH_LANGUAGES = {"status": "in_progress", "text_nl": "De bouw is begonnen.", "text_fr": "Le chantier a commencé."}


def counted_budget(funded: int):
    """A closed 100,000 € budget of three projects costing 90,000 € / `funded` each: one voter chose the first
    `funded`, which the count funded, and what is left buys no other. The voter has an e-mail address too, so that a
    test can see it is not used."""
    budget = budget_at("closed")
    budget.proposals.update(estimated_cost=90_000 // funded, cost=90_000 // funded)
    voter = UserFactory(email="voter@example.org")
    BudgetBallot.objects.create(budget=budget, voter=voter).proposals.set(proposals_of(budget)[:funded])
    services.count_budget(budget=budget)
    return budget


@pytest.fixture
def budget():
    return counted_budget(2)


def _post_url(proposal):
    return reverse("budgets:progress_new", args=[proposal.budget.process.slug, proposal.pk])


def test_a_manager_reports_progress_and_only_the_author_is_mailed_in_their_language(
    client, budget, manager, django_capture_on_commit_callbacks
):
    funded = proposals_of(budget)[0]
    User.objects.filter(pk=funded.author_id).update(email="jan@example.org", preferred_language="nl")
    client.force_login(manager)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_post_url(funded), BOTH_LANGUAGES)
    sent_during_request = len(mail.outbox)
    _run_worker()

    assert response.status_code == 302
    assert response["Location"] == reverse("budgets:follow_up", args=[budget.process.slug])
    assert sent_during_request == 0
    assert [message.to for message in mail.outbox] == [["jan@example.org"]]
    assert "In uitvoering" in mail.outbox[0].subject
    assert "De bouw is begonnen." in mail.outbox[0].body
    assert f"/nl/processes/{budget.process.slug}/budget/follow-up/#project-{funded.pk}" in mail.outbox[0].body
    assert ProgressUpdate.objects.get().author == manager


@pytest.mark.parametrize("who", ["outsider", "resident"])
def test_only_process_managers_report_progress_and_nothing_is_saved(client, budget, who, request):
    client.force_login(request.getfixturevalue(who))

    response = client.post(_post_url(proposals_of(budget)[0]), BOTH_LANGUAGES)

    assert response.status_code == 403
    assert ProgressUpdate.objects.count() == 0
    assert mail.outbox == []


def test_progress_on_an_unfunded_project_is_refused_and_nothing_is_saved(client, budget, manager):
    unfunded = proposals_of(budget)[2]
    client.force_login(manager)

    response = client.post(_post_url(unfunded), BOTH_LANGUAGES)

    assert response.status_code == 422
    assert "Progress is reported for funded projects only." in response.content.decode()
    assert ProgressUpdate.objects.count() == 0


def test_an_update_without_french_is_refused_and_the_french_field_is_named(client, budget, manager):
    client.force_login(manager)

    response = client.post(
        _post_url(proposals_of(budget)[0]), {"status": "planned", "text_nl": "Gepland.", "text_en": "Planned."}
    )

    assert response.status_code == 422
    assert response.context["form"].errors == {
        "text_fr": ["Write the French version too: Brussels publishes in Dutch and French."]
    }
    assert "What happened (French)</a>: Write the French version too" in response.content.decode()
    assert ProgressUpdate.objects.count() == 0


def test_nobody_reports_progress_before_the_ballot_is_counted(manager):
    budget = budget_at("ballot")

    with pytest.raises(PermissionDenied):
        services.post_progress(
            proposal=proposals_of(budget)[0], author=manager, status="planned", text={"nl": "x", "fr": "x"}
        )

    assert ProgressUpdate.objects.count() == 0


def test_the_follow_up_page_lists_the_funded_projects_with_their_news_newest_first(client, budget, manager):
    trees, fountain, repair_stand = proposals_of(budget)
    for days_ago, status, english in ((30, "planned", "Ordered."), (2, "delivered", "Planted.")):
        with clock.replaying(timezone.now() - timedelta(days=days_ago)):
            services.post_progress(
                proposal=trees,
                author=manager,
                status=status,
                text={"nl": "Klaar.", "fr": "Prêt.", "en": english},
            )

    page = client.get(reverse("budgets:follow_up", args=[budget.process.slug])).content.decode()

    assert page.index("Planted.") < page.index("Ordered.")
    assert trees.title in page
    assert fountain.title in page
    assert "No news yet." in page  # the fountain's
    assert repair_stand.title not in page  # not funded


def test_the_result_page_and_the_process_page_link_to_the_follow_up(client, budget):
    follow_up = reverse("budgets:follow_up", args=[budget.process.slug])

    result_page = client.get(reverse("budgets:result", args=[budget.process.slug])).content.decode()
    budget_page = client.get(reverse("budgets:budget", args=[budget.process.slug])).content.decode()

    assert f'href="{follow_up}"' in result_page
    assert f'href="{follow_up}"' in budget_page


def test_there_is_no_follow_up_before_the_ballot_closes(client):
    budget = budget_at("ballot")

    response = client.get(reverse("budgets:follow_up", args=[budget.process.slug]))

    assert response.status_code == 404


@pytest.mark.parametrize("funded", [1, 3])
def test_the_follow_up_page_takes_as_many_queries_for_one_project_as_for_three(
    client, manager, funded, django_assert_num_queries
):
    budget = counted_budget(funded)
    for proposal in proposals_of(budget)[:funded]:
        services.post_progress(proposal=proposal, author=manager, status="planned", text={"nl": "x", "fr": "x"})

    with django_assert_num_queries(6):
        response = client.get(reverse("budgets:follow_up", args=[budget.process.slug]))

    assert response.status_code == 200
