"""Why the outcome is what it is, for one voter: what their share paid for, and why a project they wanted lost.

Everything follows from the outcome alone: under Equal Shares a supporter pays, in each round, the round's price
times their utility for the project, or all they have left if less (`Outcome.rounds`). So any voter's payments, and
what a project's supporters had left at the end, can be recomputed exactly by anyone from the published ballots.
The text and JSON that `samen pb` prints are written here too, so the command and the web pages say the same.
"""

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from samen.algorithms.budgets.election import COST, Election, Money, Outcome, ballot_utilities, exact, grouped
from samen.algorithms.budgets.greedy import greedy_order
from samen.algorithms.budgets.pabulib import money_text
from samen.algorithms.budgets.tiebreak import tie_break_text
from samen.algorithms.ties import TieBreak, natural_key


@dataclass(frozen=True)
class Payment:
    project: str
    amount: Money  # what this voter paid towards it
    cost: Money


@dataclass(frozen=True)
class Unfunded:
    project: str
    cost: Money
    supporters_left: Money | None  # what its supporters had left together when Equal Shares stopped (None: greedy)
    left_at_turn: Money | None  # greedy rules: what was left of the budget when its turn came


@dataclass(frozen=True)
class VoterExplanation:
    voter_id: str
    rule: str
    share: Money | None  # the voter's share in the Equal Shares run that decided (None for greedy)
    payments: tuple[Payment, ...]  # the funded projects this voter helped pay for, in the order they were funded
    by_greedy: tuple[str, ...]  # wanted projects funded by votes (greedy rule or completion), not from the shares
    unfunded: tuple[Unfunded, ...]  # wanted projects that were not funded

    @property
    def spent(self) -> Money:
        return exact(sum((payment.amount for payment in self.payments), Fraction(0)))

    @property
    def left(self) -> Money | None:
        return None if self.share is None else exact(self.share - self.spent)


def _pay(budget: Fraction, utilities: dict[str, Money], outcome: Outcome) -> tuple[list[Fraction], Fraction]:
    """What a ballot pays in each round, and what it has left at the end (utility 1 per project with cost
    utilities, where a round's price is per supporter)."""
    paid = []
    for round_ in outcome.rounds:
        amount = min(budget, round_.price * utilities[round_.project]) if round_.project in utilities else Fraction(0)
        paid.append(amount)
        budget -= amount
    return paid, budget


def supporters_left(election: Election, outcome: Outcome, project_id: str) -> Money:
    """What the supporters of a project had left together when Equal Shares stopped."""
    funded = {round_.project for round_ in outcome.rounds}
    share = Fraction(outcome.share or 0)
    patterns: Counter = Counter()
    for named, voters in grouped(election, outcome.utility).items():
        chosen = dict.fromkeys(named, 1) if outcome.utility == COST else dict(named)
        if project_id in chosen:
            patterns[tuple(sorted((p, v) for p, v in chosen.items() if p in funded))] += voters
    total = sum((voters * _pay(share, dict(pattern), outcome)[1] for pattern, voters in patterns.items()), Fraction(0))
    return exact(total)


def _greedy_turns(election: Election, outcome: Outcome) -> dict[str, Money]:
    """For the projects the greedy pass skipped: what was left of the budget when their turn came."""
    chosen = [round_.project for round_ in outcome.rounds]
    left = outcome.budget - sum(election.project(p).cost for p in chosen)
    turns: dict[str, Money] = {}
    for project_id in greedy_order(election, outcome.utility, outcome.tie_order, chosen):
        cost = election.project(project_id).cost
        if cost <= left:
            left -= cost
        else:
            turns[project_id] = left
    return turns


def explain_voter(election: Election, outcome: Outcome, voter_id: str) -> VoterExplanation:
    """How one voter's share was spent, and why each project they wanted and did not get was not funded."""
    ballot = election.ballot(voter_id)
    utilities = ballot_utilities(election, ballot, outcome.utility)
    wanted = set(ballot.projects) if outcome.utility == COST else set(utilities)
    if outcome.utility == COST:
        utilities = dict.fromkeys(utilities, 1)
    winners = set(outcome.winners)
    payments: list[Payment] = []
    if outcome.share is not None:
        paid, _ = _pay(Fraction(outcome.share), utilities, outcome)
        payments = [
            Payment(round_.project, exact(amount), election.project(round_.project).cost)
            for round_, amount in zip(outcome.rounds, paid, strict=True)
            if round_.project in utilities
        ]
    by_shares = {round_.project for round_ in outcome.rounds}
    turns = _greedy_turns(election, outcome) if outcome.rule in ("greedy", "mes-add1-greedy") else {}
    unfunded = [
        Unfunded(
            project.id,
            project.cost,
            supporters_left(election, outcome, project.id) if outcome.share is not None else None,
            turns.get(project.id),
        )
        for project in election.projects
        if project.id in wanted and project.id not in winners
    ]
    by_greedy = tuple(p for p in outcome.winners if p in wanted and p not in by_shares)
    return VoterExplanation(voter_id, outcome.rule, outcome.share, tuple(payments), by_greedy, tuple(unfunded))


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def shown(amount: Fraction | int) -> str:
    """An amount for people: exact when it has at most two decimals, else rounded to cents with a '~'."""
    cents = round(Fraction(amount), 2)
    text = f"{float(cents):.2f}".removesuffix(".00")
    return text if cents == amount else f"~{text}"


RULE_NAMES = {
    "greedy": "greedy by votes",
    "mes": "Equal Shares",
    "mes-add1": "Equal Shares, shares raised by Add1",
    "mes-add1-greedy": "Equal Shares, shares raised by Add1, then greedy",
}


def outcome_text(name: str, election: Election, outcome: Outcome, tie_break: TieBreak | None = None) -> str:
    """The outcome for people, as `samen pb` prints it: the winners in order, with their cost and name."""
    unit = f" {election.meta['currency']}" if election.meta.get("currency") else ""
    ballots = len(election.ballots)
    if tie_break is not None:
        ties = tie_break_text(tie_break)
    elif list(outcome.tie_order) == sorted(outcome.tie_order, key=natural_key):
        ties = "the smaller project id"
    else:
        ties = "the given order"
    lines = [
        f"{name}: {plural(ballots, 'ballot')}, {plural(len(election.projects), 'project')}, "
        f"budget {shown(election.budget)}{unit}",
        f"rule {outcome.rule} ({RULE_NAMES[outcome.rule]}), {outcome.utility} utilities, ties to {ties}",
    ]
    if outcome.share is not None:
        raised = Fraction(outcome.share) - Fraction(election.budget) / ballots
        added = f" + {shown(raised)} by Add1" if raised else ""
        lines.append(f"each voter's share: {shown(outcome.share)}{unit} (the budget / {ballots}{added})")
    names = {project.id: project.name for project in election.projects}
    for rank, project_id in enumerate(outcome.winners, start=1):
        cost = election.project(project_id).cost
        how = " (greedy completion)" if project_id in outcome.completed else ""
        lines.append(f"{rank:>3}. {project_id}  {shown(cost)}{unit}  {names[project_id][:60]}{how}".rstrip())
    lines.append(
        f"{plural(len(outcome.winners), 'project')} selected: total cost {shown(outcome.cost)}{unit}, "
        f"leftover {shown(outcome.leftover)}{unit}"
    )
    return "\n".join(lines)


def explanation_text(explanation: VoterExplanation, currency: str) -> str:
    unit = f" {currency}" if currency else ""
    if explanation.share is None:
        lines = [f"voter {explanation.voter_id} (greedy rule: projects are funded by votes, there are no shares)"]
    else:
        lines = [f"voter {explanation.voter_id}: a share of {shown(explanation.share)}{unit}"]
    for payment in explanation.payments:
        cost = f"(cost {shown(payment.cost)}{unit})"
        if payment.amount:
            lines.append(f"  paid {shown(payment.amount)}{unit} towards {payment.project} {cost}")
        else:
            lines.append(f"  {payment.project} {cost} was funded once this share was spent")
    if explanation.share is not None:
        lines.append(f"  spent {shown(explanation.spent)}{unit}, left {shown(explanation.left or 0)}{unit}")
    if explanation.by_greedy:
        lines.append(f"  funded by votes, not from the shares: {', '.join(explanation.by_greedy)}")
    for project in explanation.unfunded:
        reasons = []
        if project.supporters_left is not None:
            reasons.append(
                f"its supporters had {shown(project.supporters_left)}{unit} left together, less than its cost"
            )
        if project.left_at_turn is not None:
            reasons.append(f"only {shown(project.left_at_turn)}{unit} of the budget was left when its turn came")
        lines.append(f"  not funded: {project.project} (cost {shown(project.cost)}{unit}): {'; '.join(reasons)}")
    return "\n".join(lines)


def explanation_json(explanation: VoterExplanation) -> dict:
    def money(amount: Fraction | int | None) -> str | None:
        return None if amount is None else money_text(amount)

    return {
        "voter": explanation.voter_id,
        "share": money(explanation.share),
        "payments": [
            {"project": p.project, "paid": money(p.amount), "cost": money(p.cost)} for p in explanation.payments
        ],
        "spent": money(explanation.spent),
        "left": money(explanation.left),
        "funded_by_votes": list(explanation.by_greedy),
        "not_funded": [
            {
                "project": u.project,
                "cost": money(u.cost),
                "supporters_left": money(u.supporters_left),
                "left_at_turn": money(u.left_at_turn),
            }
            for u in explanation.unfunded
        ],
    }
