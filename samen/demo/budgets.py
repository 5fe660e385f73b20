"""The demo's participatory budgets (CC0, written for the demo), replayed through the services.

"Pentagone" is closed: 25 proposals (four refused, with the City's reasons) and 320 knapsack ballots from three
groups of neighbours with different wishes, so that Equal Shares and the greedy rule fund different projects; City
services report the progress of three funded projects.
"Laeken" is in its ballot phase, so that a visitor can vote.
"""

import json
import random
from pathlib import Path

from samen.budgets import services
from samen.budgets.models import Proposal
from samen.city import services as city_services
from samen.city.origins import Outcome
from samen.demo.city import project_from
from samen.demo.votes import demo_voters, replaying_during

HERE = Path(__file__).resolve().parent
AMOUNTS = {"pentagone-budget": 250_000, "laeken-budget": 120_000}
# Who votes how in the Pentagone: the share of voters and the neighbourhoods whose projects they favour.
GROUPS = [(0.45, {8}), (0.30, {9, 10}), (0.25, {1, 2, 3, 4, 5, 7})]


def _proposals(process, people: dict, manager, rng: random.Random) -> list[Proposal]:
    # A fixed seed, not a drawn one: the demo is the same on every run.
    budget = services.create_budget(
        process=process, amount=AMOUNTS[process.slug], lottery_seed=f"samen-demo-{process.slug}"
    )
    rows = json.loads((HERE / "budget_proposals.json").read_text(encoding="utf-8"))["budgets"][process.slug]
    authors = sorted(people)
    proposals = []
    with replaying_during(process, "proposal_submission"):
        for title_fr, title_nl, text_fr, text_nl, code, estimate, *_review in rows:
            french = rng.random() < 0.6  # residents write in one language; the City adds the other
            texts = ({"fr": title_fr}, {"fr": text_fr}) if french else ({"nl": title_nl}, {"nl": text_nl})
            proposals.append(
                services.submit_proposal(
                    budget=budget,
                    author=people[rng.choice(authors)],
                    title=texts[0],
                    description=texts[1],
                    estimated_cost=estimate,
                    neighbourhood_code=code,
                )
            )
    with replaying_during(process, "feasibility_review"):
        for proposal, (title_fr, title_nl, text_fr, text_nl, _code, _estimate, cost, *reason) in zip(
            proposals, rows, strict=True
        ):
            services.review_proposal(
                proposal=proposal,
                reviewer=manager,
                feasible=cost is not None,
                cost=cost,
                title={"fr": title_fr, "nl": title_nl},
                description={"fr": text_fr, "nl": text_nl},
                reason={"fr": reason[0], "nl": reason[1]} if reason else None,
            )
    return proposals


def _knapsack(feasible: list[Proposal], favoured: set[int], amount: int, rng: random.Random) -> list[int]:
    """A voter's ballot: favoured projects first, in their own order, then a few others, within the budget."""
    liked = [p for p in feasible if p.neighbourhood_code in favoured and rng.random() < 0.8]
    others = [p for p in feasible if p.neighbourhood_code not in favoured and rng.random() < 0.15]
    rng.shuffle(liked)
    chosen, spent = [], 0
    for proposal in liked + others:
        if spent + proposal.cost <= amount:
            chosen.append(proposal.pk)
            spent += proposal.cost
    return chosen or [min(feasible, key=lambda p: p.cost).pk]


def _ballots(process, proposals: list[Proposal], count: int, prefix: str, rng: random.Random) -> None:
    budget = process.budget
    feasible = [p for p in proposals if p.status == Proposal.Status.FEASIBLE]
    voters = demo_voters(prefix, count)
    for index, voter in enumerate(voters):
        share = index / count
        favoured = next(codes for limit, codes in _cumulative(GROUPS) if share < limit)
        ids = _knapsack(feasible, favoured, budget.amount, rng)
        services.cast_budget_ballot(budget=budget, voter=voter, proposal_ids=ids)


def _cumulative(groups):
    total = 0.0
    for share, codes in groups:
        total += share
        yield total, codes


def _progress(process, proposals: list[Proposal], manager) -> None:
    """Counted the day after the ballot closed; each update is posted on its day of the follow-up."""
    with replaying_during(process, "follow_up"):
        funded = set(services.count_budget(budget=process.budget).outcome["winners"])
    projects = json.loads((HERE / "budget_progress.json").read_text(encoding="utf-8"))[process.slug]
    for project in projects:
        proposal = proposals[project["row"]]
        if str(proposal.pk) not in funded:  # another --seed, other winners
            continue
        city_project = project_from(Outcome(proposal=proposal), manager=manager)
        for update in project["updates"]:
            with replaying_during(process, "follow_up", days=update["day"]):
                city_services.post_update(
                    project=city_project,
                    author=manager,
                    status=update["status"],
                    text={language: update[language] for language in ("nl", "fr", "en")},
                    link=update["link"],
                    invented=True,
                )


def past_budget(process, ideas, *, people: dict, manager, rng: random.Random) -> None:
    proposals = _proposals(process, people, manager, rng)
    with replaying_during(process, "budget_ballot"):
        _ballots(process, proposals, 320, "pentagone", rng)
    _progress(process, proposals, manager)


def open_budget(process, ideas, *, people: dict, manager, rng: random.Random) -> None:
    proposals = _proposals(process, people, manager, rng)
    _ballots(process, proposals, 30, "laeken", rng)


STORIES = {"past_budget": past_budget, "open_budget": open_budget}
