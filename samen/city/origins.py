"""Where a City project comes from: a winning idea of a vote or a funded proposal of a participatory budget becomes a
project in one step, keeping its history (the project links to it, and whoever followed it follows the project)."""

from dataclasses import dataclass

from samen.budgets import queries as budget_queries
from samen.budgets.models import Proposal
from samen.city.models import Domain, Project
from samen.ideas.models import Follow, Idea
from samen.votes import queries as vote_queries
from samen.votes import services as vote_services


@dataclass(frozen=True)
class Outcome:
    """A decision of a process that a City project carries out: a winning idea or a funded proposal."""

    idea: Idea | None = None
    proposal: Proposal | None = None

    @property
    def title(self) -> str:
        return self.idea.title if self.idea else self.proposal.title

    @property
    def process(self):
        return self.idea.process if self.idea else self.proposal.budget.process


def winning_idea_ids(process) -> list[int]:
    shortlist = vote_queries.shortlist_of(process)
    if shortlist is None or not vote_queries.vote_has_ended(shortlist):
        return []
    return [int(pk) for pk in vote_services.count_votes(shortlist=shortlist).outcome["winners"]]


def funded_proposal_ids(process) -> list[int]:
    budget = budget_queries.budget_of(process)
    return budget_queries.funded_ids(budget) if budget else []


def outcomes_without_project(process) -> list[Outcome]:
    """The process's winning ideas and funded proposals that are not City projects yet, in the order decided."""
    winners, funded = winning_idea_ids(process), funded_proposal_ids(process)
    ideas = Idea.objects.filter(pk__in=winners, city_project__isnull=True).in_bulk()
    proposals = Proposal.objects.filter(pk__in=funded, city_project__isnull=True).in_bulk()
    return [Outcome(idea=ideas[pk]) for pk in winners if pk in ideas] + [
        Outcome(proposal=proposals[pk]) for pk in funded if pk in proposals
    ]


def outcome_of(*, process, idea_id: int | None = None, proposal_id: int | None = None) -> Outcome | None:
    """The process's winning idea or funded proposal with that number that is not a City project yet, or None."""
    waiting = outcomes_without_project(process)
    return next(
        (o for o in waiting if (o.idea and o.idea.pk == idea_id) or (o.proposal and o.proposal.pk == proposal_id)),
        None,
    )


FALLBACK_DOMAIN = "participative-exemplary"  # the strategy's domain of participation itself


def domain_for(process) -> Domain | None:
    """The first of the process's topics that names a strategy domain, else the domain of participation."""
    domains = {domain.slug: domain for domain in Domain.objects.all()}
    return next((domains[t] for t in process.topics or [] if t in domains), domains.get(FALLBACK_DOMAIN))


def draft_project(outcome: Outcome) -> Project:
    """The project as the form proposes it: the idea's words (in its author's language, in both official columns
    for staff to translate) or the proposal's, its place, its cost."""
    process = outcome.process
    if outcome.idea:
        idea = outcome.idea
        return Project(
            title_nl=idea.title,
            title_fr=idea.title,
            description_nl=idea.body,
            description_fr=idea.body,
            latitude=idea.latitude,
            longitude=idea.longitude,
            domain=domain_for(process),
            process=process,
            idea=idea,
        )
    proposal = outcome.proposal
    return Project(
        title_nl=proposal.title_nl,
        title_fr=proposal.title_fr,
        title_en=proposal.title_en,
        description_nl=proposal.description_nl,
        description_fr=proposal.description_fr,
        description_en=proposal.description_en,
        budget_planned=proposal.cost or proposal.estimated_cost,
        domain=domain_for(process),
        process=process,
        proposal=proposal,
    )


def followers_of(outcome: Outcome) -> list[int]:
    """Who heard of it before: an idea's followers (its author among them), a proposal's author."""
    if outcome.idea:
        return list(Follow.objects.filter(idea=outcome.idea).values_list("follower_id", flat=True))
    return [outcome.proposal.author_id] if outcome.proposal.author_id else []
