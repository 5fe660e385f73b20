"""What the API answers, field by field: public data only. Texts the City writes in several languages come as an
object {"nl", "fr", "en"}; a resident's words come once, in the language they were written in."""

import datetime as dt

from ninja import Schema


class Texts(Schema):
    nl: str
    fr: str
    en: str


def texts(obj, name: str) -> Texts:
    return Texts(**{language: getattr(obj, f"{name}_{language}", "") or "" for language in ("nl", "fr", "en")})


class Page(Schema):
    count: int
    next: str | None
    previous: str | None


class ThemeOut(Schema):
    slug: str
    name: Texts


class PhaseOut(Schema):
    kind: str
    title: Texts
    first_day: dt.date
    last_day: dt.date


class ProcessOut(Schema):
    slug: str
    title: Texts
    description: Texts
    status: str
    scope: str
    municipality_nis: str | None
    neighbourhood_code: int | None
    topics: list[str]
    themes: list[ThemeOut]
    phases: list[PhaseOut]
    created_at: dt.datetime
    url: str


class ProcessPage(Page):
    results: list[ProcessOut]


class IdeaOut(Schema):
    id: int
    process: str
    theme: str
    title: str
    text: str
    language: str
    latitude: float | None
    longitude: float | None
    neighbourhood_code: int | None
    municipality_nis: str | None
    created_at: dt.datetime
    support_count: int
    comment_count: int
    # Posted by a facilitator for a resident met in person (samen/assisted); never who.
    assisted: bool
    url: str


class IdeaPage(Page):
    results: list[IdeaOut]


class CommentOut(Schema):
    id: int
    idea: int
    parent: int | None
    text: str
    language: str
    created_at: dt.datetime


class CommentPage(Page):
    results: list[CommentOut]


class DomainOut(Schema):
    slug: str
    name: Texts
    foundation: bool
    position: int


class ValueOut(Schema):
    date: dt.date
    value: float


class IndicatorOut(Schema):
    slug: str
    domain: str
    objective: Texts | None
    name: Texts
    unit: str
    direction: str
    baseline_value: float | None
    baseline_date: dt.date | None
    target_value: float | None
    target_date: dt.date | None
    source: str
    source_url: str
    kind: str
    values: list[ValueOut]
    url: str


class IndicatorPage(Page):
    results: list[IndicatorOut]


class DomainPage(Page):
    results: list[DomainOut]


class Error(Schema):
    detail: str


class Index(Schema):
    licence: str
    openapi: str
    processes: str
    domains: str
    indicators: str
    votes: str
    budgets: str
    lotteries: str
    initiatives: str
    projects: str
    meetings: str
    consultations: str


# Votes: the jury's aggregates once the shortlist is published, the result once the vote has ended.


class EntryOut(Schema):
    idea: int
    title: str
    language: str
    position: int
    jury_score: str  # the exact fraction out of 10, as the recount file has it
    jury_score_out_of_10: float
    jurors: int
    motivation: Texts


class TieStepOut(Schema):
    method: str
    values: list[list[str]]  # [id, value] in the order the step put them


class VoteTieOut(Schema):
    votes: int
    candidates: list[int]
    decisive: bool
    steps: list[TieStepOut]


class TieBreakOut(Schema):
    steps: list[str]
    seed: str


class VoteRankOut(Schema):
    idea: int
    rank: int
    votes: int
    winner: bool


class VoteResultOut(Schema):
    counted_at: dt.datetime
    ballots: int
    winners: list[int]
    ranking: list[VoteRankOut]
    ties: list[VoteTieOut]
    tie_break: TieBreakOut
    ballots_url: str


class VoteOut(Schema):
    process: str
    winners: int
    max_choices: int
    tie_break: str
    lottery_seed: str
    published_at: dt.datetime
    vote_first_day: dt.date | None
    vote_last_day: dt.date | None
    shortlist: list[EntryOut]
    result: VoteResultOut | None
    url: str


class VotePage(Page):
    results: list[VoteOut]


class VoteBallotOut(Schema):
    ballot: int
    choices: list[int]


class VoteBallotPage(Page):
    results: list[VoteBallotOut]


# Budgets: the rules from the start, the result by both rules once the ballot has closed.


class ProjectOut(Schema):
    id: int
    title: Texts
    neighbourhood_code: int | None
    cost: int
    votes: int
    funded: bool
    funded_by_greedy: bool


class BudgetTieOut(Schema):
    stage: str
    projects: list[int]
    method: str
    decisive: bool


class BudgetResultOut(Schema):
    counted_at: dt.datetime
    ballots: int
    paper_ballots: int
    assisted_ballots: int  # entered by a facilitator for a resident met in person (counted in `ballots`)
    rule: str
    share: str | None  # each voter's share under the Method of Equal Shares, an exact fraction of euros
    cost: int
    greedy_cost: int
    winners: list[int]
    greedy_winners: list[int]
    projects: list[ProjectOut]
    ties: list[BudgetTieOut]
    tie_break: TieBreakOut
    ballots_url: str


class BudgetOut(Schema):
    process: str
    amount: int
    ballot_kind: str
    max_projects: int
    rule: str
    tie_break: str
    lottery_seed: str
    ballot_first_day: dt.date | None
    ballot_last_day: dt.date | None
    result: BudgetResultOut | None
    url: str


class BudgetPage(Page):
    results: list[BudgetOut]


class BudgetBallotOut(Schema):
    ballot: int
    projects: list[int]
    voting_method: str


class BudgetBallotPage(Page):
    results: list[BudgetBallotOut]


# Lotteries: the pool and the quotas once frozen, the draw once drawn; pseudonyms only, as the published files.


class StratumOut(Schema):
    category: str
    value: str
    volunteers: int


class QuotaOut(Schema):
    category: str
    value: str
    minimum: int
    maximum: int


class ProbabilityOut(Schema):
    id: str
    probability: float


class PanelOut(Schema):
    probability: float
    panel: list[str]


class DrawOut(Schema):
    method: str
    k: int
    seed: str
    min_probability: float
    estimated: bool
    probabilities: list[ProbabilityOut]
    unselectable: list[str]
    distribution: list[PanelOut]
    panel: list[str]


class LotteryOut(Schema):
    process: str
    panel_size: int
    invitations: int
    stratify_invitations: bool
    households: bool
    seed_announcement: Texts
    volunteers: int
    invitations_drawn_at: dt.datetime | None
    pool_frozen_at: dt.datetime | None
    drawn_at: dt.datetime | None
    pool: list[StratumOut]
    quotas: list[QuotaOut]
    draw: DrawOut | None
    url: str


class LotteryPage(Page):
    results: list[LotteryOut]


# Citizens' initiatives: where each public one stands on its clock, and how many signatures it has.


class InitiativeKindOut(Schema):
    name: Texts
    municipality_nis: str
    threshold: int
    collection_months: int
    council_months: int


class EventOut(Schema):
    kind: str
    day: dt.date
    title: Texts
    link: str


class InitiativeOut(Schema):
    id: int
    title: Texts
    text: Texts
    reasons: Texts
    kind: InitiativeKindOut
    status: str
    stage: str
    signatures: int
    threshold: int
    collection_starts: dt.date | None
    collection_ends: dt.date | None
    transmitted_on: dt.date | None
    council_deadline: dt.date | None
    days_left: int | None
    overdue: bool
    decision: str
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    decided_on: dt.date | None
    minutes_url: str
    events: list[EventOut]
    url: str


class InitiativePage(Page):
    results: list[InitiativeOut]
