"""The count after the ballot closes: Equal Shares funds the minority's project where greedy would not, both are
shown, and the open .pb export recounts to the same result with Samen and with pabutools."""

import pytest
from django.urls import reverse
from pabutools.election import Cost_Sat, parse_pabulib
from pabutools.rules import completion_by_rule_combination, greedy_utilitarian_welfare, method_of_equal_shares

from samen.algorithms.budgets.equal_shares import equal_shares
from samen.algorithms.budgets.pabulib import parse_pabulib as samen_parse
from samen.budgets import services
from samen.budgets.models import Budget, BudgetBallot, BudgetResult, Proposal
from tests.budgets.conftest import budget_at
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_budget():
    """120,000 €, six voters: four want the square (60,000 €), three of them the playground too (40,000 €), two
    others only the fountain (30,000 €). Greedy: square, playground. Equal Shares: each voter holds 20,000 €; the
    four pay 15,000 € each for the square and have too little left for the playground; the two pay the fountain."""
    budget = budget_at("closed")
    Budget.objects.filter(pk=budget.pk).update(amount=120_000)
    budget.refresh_from_db()
    budget.proposals.all().delete()
    square, playground, fountain = (
        Proposal.objects.create(
            budget=budget,
            title_nl=t,
            title_fr=t,
            title_en=t,
            description_nl="x",
            description_fr="x",
            estimated_cost=cost,
            cost=cost,
            status="feasible",
            neighbourhood_code=code,
        )
        for t, cost, code in (("Square", 60_000, 20), ("Playground", 40_000, 20), ("Fountain", 30_000, 19))
    )
    for chosen in ([square, playground],) * 3 + ([square], [fountain]):
        BudgetBallot.objects.create(budget=budget, voter=UserFactory()).proposals.set(chosen)
    paper = BudgetBallot.objects.create(budget=budget, entered_by=UserFactory(), paper_reference="A-001")
    paper.proposals.set([fountain])
    return budget, square, playground, fountain


def test_equal_shares_funds_the_minority_project_and_the_page_shows_greedy_beside_it(client, closed_budget):
    budget, square, playground, fountain = closed_budget

    page = client.get(reverse("budgets:result", args=[budget.process.slug])).content.decode()

    outcome = BudgetResult.objects.get().outcome
    assert outcome["winners"] == [str(square.pk), str(fountain.pk)]
    assert outcome["greedy"]["winners"] == [str(square.pk), str(playground.pk)]
    assert (outcome["cost"], outcome["ballots"]) == (90_000, 6)
    assert "6 ballots were counted, of which 1 on paper." in page
    assert "What the greedy rule would have chosen" in page
    assert "VIEUX LAEKEN EST" in page.upper()


def test_there_is_no_result_before_the_ballot_closes(client, ballot_budget):
    response = client.get(reverse("budgets:result", args=[ballot_budget.process.slug]))

    assert response.status_code == 404
    assert BudgetResult.objects.count() == 0


def test_the_pb_export_recounts_to_the_published_result_with_samen_and_with_pabutools(client, closed_budget, tmp_path):
    budget = closed_budget[0]
    published = client.get(reverse("budgets:result", args=[budget.process.slug])) and BudgetResult.objects.get()
    exported = client.get(reverse("budgets:export", args=[budget.process.slug])).content.decode()
    path = tmp_path / "budget.pb"
    path.write_text(exported, encoding="utf-8")

    ours = equal_shares(samen_parse(exported), completion="add1-greedy")
    instance, profile = parse_pabulib(str(path))
    theirs = completion_by_rule_combination(
        instance,
        profile,
        [method_of_equal_shares, greedy_utilitarian_welfare],
        [{"sat_class": Cost_Sat, "voter_budget_increment": 1}, {"sat_class": Cost_Sat}],
    )

    assert list(ours.winners) == published.outcome["winners"]
    assert sorted(project.name for project in theirs) == sorted(published.outcome["winners"])
    assert "@" not in exported


def test_the_pb_export_says_which_ballots_were_on_paper(client, closed_budget, tmp_path):
    budget = closed_budget[0]
    client.get(reverse("budgets:result", args=[budget.process.slug]))

    exported = client.get(reverse("budgets:export", args=[budget.process.slug])).content.decode()
    path = tmp_path / "budget.pb"
    path.write_text(exported, encoding="utf-8")

    methods = [ballot.extra["voting_method"] for ballot in samen_parse(exported).ballots]
    assert sorted(methods) == ["internet"] * 5 + ["paper"]
    assert samen_parse(exported).meta["num_paper_votes"] == "1"
    _instance, profile = parse_pabulib(str(path))
    assert len(profile) == 6


def test_the_rule_is_shown_before_the_ballot_opens(client, ballot_budget):
    page = client.get(reverse("budgets:ballot", args=[ballot_budget.process.slug])).content.decode()

    assert "Counting rule, fixed before the ballot opens: Method of Equal Shares (with completion)." in page


def test_counting_twice_gives_one_result(closed_budget):
    budget = closed_budget[0]

    first = services.count_budget(budget=budget)
    second = services.count_budget(budget=budget)

    assert first.pk == second.pk
    assert BudgetResult.objects.count() == 1


def test_a_voter_reads_how_their_share_was_spent_and_why_a_project_lost(client, closed_budget):
    budget, _square, playground, fountain = closed_budget
    fountain_voter = BudgetBallot.objects.filter(proposals=fountain).first().voter
    playground_voter = BudgetBallot.objects.filter(proposals=playground).first().voter
    url = reverse("budgets:result", args=[budget.process.slug])

    client.force_login(fountain_voter)
    minority = client.get(url).content.decode().replace("\xa0", " ")
    client.force_login(playground_voter)
    majority = client.get(url).content.decode().replace("\xa0", " ")

    assert "You paid 15,000 € towards “Fountain” (30,000 € in all)." in minority
    assert "You paid 15,000 € towards “Square” (60,000 € in all)." in majority
    assert "“Playground” (40,000 €) was not funded: its supporters had only" in majority
