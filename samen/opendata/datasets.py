"""The public datasets: what each one holds, read from the database with public data only.

No column names a person: ideas and comments are counted and described, never signed (no author column at all),
and an idea's place is its neighbourhood, not its point on the map."""

import json

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q

from samen.budgets import services as budget_services
from samen.budgets.models import Budget
from samen.city.models import Indicator, IndicatorValue, Project, ProjectUpdate
from samen.city.queries import public_origin
from samen.ideas.models import Idea, Visibility
from samen.opendata import consultations, kinds
from samen.opendata.tables import Dataset, Table
from samen.opendata.tables import day as _day
from samen.opendata.tables import num as _num
from samen.processes.models import Phase, Process
from samen.votes import services as vote_services
from samen.votes.models import Shortlist

__all__ = ["DATASETS", "Dataset", "Table", "all_datasets"]


def _published_processes():
    return Process.objects.filter(status=Process.Status.PUBLISHED)


def processes() -> Dataset:
    published = _published_processes().order_by("pk")
    return Dataset(
        slug="processes",
        title={"nl": "Participatietrajecten", "fr": "Processus participatifs", "en": "Participation processes"},
        description={
            "nl": "De gepubliceerde participatietrajecten en hun fasen.",
            "fr": "Les processus participatifs publiés et leurs phases.",
            "en": "The published participation processes and their phases.",
        },
        tables=[
            Table(
                "processes",
                (
                    "id",
                    "slug",
                    "title_nl",
                    "title_fr",
                    "title_en",
                    "scope",
                    "municipality_nis",
                    "neighbourhood_code",
                    "created_at",
                ),
                [
                    (
                        p.pk,
                        p.slug,
                        p.title_nl,
                        p.title_fr,
                        p.title_en,
                        p.scope,
                        p.municipality_nis,
                        p.neighbourhood_code,
                        p.created_at.isoformat(),
                    )
                    for p in published
                ],
            ),
            Table(
                "phases",
                ("id", "process_id", "kind", "title_nl", "title_fr", "title_en", "first_day", "last_day"),
                [
                    (
                        ph.pk,
                        ph.process_id,
                        ph.kind,
                        ph.title_nl,
                        ph.title_fr,
                        ph.title_en,
                        ph.first_day.isoformat(),
                        ph.last_day.isoformat(),
                    )
                    for ph in Phase.objects.filter(process__in=published).order_by("process_id", "first_day", "pk")
                ],
            ),
        ],
    )


def ideas() -> Dataset:
    visible = (
        Idea.objects.filter(visibility=Visibility.PUBLISHED, process__status=Process.Status.PUBLISHED)
        .select_related("theme")
        .annotate(
            support_count=Count("supports", distinct=True),
            comment_count=Count("comments", filter=Q(comments__visibility=Visibility.PUBLISHED), distinct=True),
        )
        .order_by("pk")
    )
    return Dataset(
        slug="ideas",
        title={"nl": "Ideeën", "fr": "Idées", "en": "Ideas"},
        description={
            "nl": "De zichtbare ideeën van de gepubliceerde trajecten, met hun aantal steunbetuigingen en reacties; "
            "zonder auteurs.",
            "fr": "Les idées visibles des processus publiés, avec leur nombre de soutiens et de commentaires ; "
            "sans auteurs.",
            "en": "The visible ideas of the published processes, with their support and comment counts; "
            "without authors.",
        },
        tables=[
            Table(
                "ideas",
                (
                    "id",
                    "process_id",
                    "theme",
                    "title",
                    "body",
                    "language",
                    "neighbourhood_code",
                    "municipality_nis",
                    "support_count",
                    "comment_count",
                    "created_at",
                    "assisted",
                ),
                [
                    (
                        i.pk,
                        i.process_id,
                        i.theme.slug,
                        i.title,
                        i.body,
                        i.language,
                        i.neighbourhood_code,
                        i.municipality_nis,
                        i.support_count,
                        i.comment_count,
                        i.created_at.isoformat(),
                        i.assisted,
                    )
                    for i in visible
                ],
            )
        ],
    )


def indicators() -> Dataset:
    return Dataset(
        slug="indicators",
        title={"nl": "Indicatoren van de Stad", "fr": "Indicateurs de la Ville", "en": "The City's indicators"},
        description={
            "nl": "De indicatoren van de smart-city-strategie 2030, hun nulmeting, doel en gemeten waarden.",
            "fr": "Les indicateurs de la stratégie smart city 2030, leur valeur de départ, leur objectif et "
            "leurs valeurs mesurées.",
            "en": "The indicators of the smart-city strategy 2030, their baseline, target and measured values.",
        },
        tables=[
            Table(
                "indicators",
                (
                    "id",
                    "slug",
                    "domain",
                    "name_nl",
                    "name_fr",
                    "name_en",
                    "unit",
                    "direction",
                    "baseline_value",
                    "baseline_date",
                    "target_value",
                    "target_date",
                    "source",
                    "source_url",
                    "kind",
                ),
                [
                    (
                        x.pk,
                        x.slug,
                        x.domain.slug,
                        x.name_nl,
                        x.name_fr,
                        x.name_en,
                        x.unit,
                        x.direction,
                        _num(x.baseline_value),
                        _day(x.baseline_date),
                        _num(x.target_value),
                        _day(x.target_date),
                        x.source,
                        x.source_url,
                        x.kind,
                    )
                    for x in Indicator.objects.select_related("domain").order_by("pk")
                ],
            ),
            Table(
                "values",
                ("indicator_id", "date", "value", "note"),
                [
                    (v.indicator_id, v.date.isoformat(), _num(v.value), v.note)
                    for v in IndicatorValue.objects.order_by("indicator_id", "date")
                ],
            ),
        ],
    )


def results() -> Dataset:
    """Vote and budget results as their pages publish them: only where an anonymous visitor may see them (a published
    process whose vote has ended, whose budget ballot has closed), counted the same way the pages count them."""
    anyone = AnonymousUser()
    vote_rows, jury_rows, tie_rows = [], [], []
    shortlists = Shortlist.objects.filter(process__status=Process.Status.PUBLISHED).select_related("process")
    for shortlist in shortlists.order_by("process_id"):
        if not anyone.has_perm("votes.view_published_shortlist", shortlist):
            continue
        titles = dict(shortlist.entries.values_list("idea_id", "idea__title"))
        # The jury's aggregates are public with the shortlist: a mean per idea, never a juror's own scores.
        jury_rows += [
            (shortlist.process_id, e.idea_id, titles[e.idea_id], e.position, e.jury_score, e.jurors)
            for e in shortlist.entries.order_by("position")
        ]
        if not anyone.has_perm("votes.view_results", shortlist):
            continue
        outcome = vote_services.count_votes(shortlist=shortlist).outcome
        tie_rows += [
            (
                shortlist.process_id,
                tie["votes"],
                " ".join(tie["candidates"]),
                tie["decisive"],
                " ".join(step["method"] for step in tie["steps"]),
            )
            for tie in outcome["ties"]
        ]
        for rank, idea in enumerate(outcome["ranking"], start=1):
            vote_rows.append(
                (
                    shortlist.process_id,
                    int(idea),
                    titles[int(idea)],
                    rank,
                    outcome["tallies"][idea],
                    idea in outcome["winners"],
                )
            )
    budget_rows, rule_rows = [], []
    budgets = Budget.objects.filter(process__status=Process.Status.PUBLISHED).select_related("process")
    for budget in budgets.order_by("process_id"):
        if not anyone.has_perm("budgets.view_result", budget.process):
            continue
        outcome = budget_services.count_budget(budget=budget).outcome
        rule_rows.append(
            (
                budget.process_id,
                outcome["budget"],
                outcome["rule"],
                outcome["ballots"],
                outcome.get("paper_ballots", 0),
                outcome.get("assisted_ballots", 0),
                outcome["share"],
                outcome["cost"],
                outcome["greedy"]["cost"],
                ",".join(outcome["tie_break"]["steps"]),
                outcome["tie_break"]["seed"],
            )
        )
        for proposal in budget.proposals.filter(pk__in=[int(pk) for pk in outcome["votes"]]).order_by("pk"):
            pid = str(proposal.pk)
            budget_rows.append(
                (
                    budget.process_id,
                    proposal.pk,
                    proposal.title_nl,
                    proposal.title_fr,
                    proposal.title_en,
                    proposal.neighbourhood_code,
                    proposal.cost,
                    outcome["votes"][pid],
                    pid in outcome["winners"],
                    pid in outcome["greedy"]["winners"],
                )
            )
    return Dataset(
        slug="results",
        title={
            "nl": "Uitslagen van stemmingen en budgetten",
            "fr": "Résultats des votes et des budgets",
            "en": "Vote and budget results",
        },
        description={
            "nl": "De uitslagen van de afgelopen stemmingen en participatieve budgetten, zoals hun pagina's ze tonen, "
            "en de gemiddelde score van de jury per idee op een gepubliceerde shortlist.",
            "fr": "Les résultats des votes et des budgets participatifs terminés, tels que leurs pages les publient, "
            "et la note moyenne du jury par idée d'une liste restreinte publiée.",
            "en": "The results of the votes and participatory budgets that have ended, as their pages publish them, "
            "and the jury's mean score per idea of a published shortlist.",
        },
        tables=[
            Table("votes", ("process_id", "idea_id", "idea_title", "rank", "votes", "winner"), vote_rows),
            Table("vote_ties", ("process_id", "votes", "idea_ids", "decisive", "tie_break_steps"), tie_rows),
            Table(
                "jury_aggregates",
                ("process_id", "idea_id", "idea_title", "position", "jury_score", "jury_size"),
                jury_rows,
            ),
            Table(
                "budget_counts",
                (
                    "process_id",
                    "amount",
                    "rule",
                    "ballots",
                    "paper_ballots",
                    "assisted_ballots",
                    "share",
                    "cost",
                    "greedy_cost",
                    "tie_break",
                    "lottery_seed",
                ),
                rule_rows,
            ),
            Table(
                "budgets",
                (
                    "process_id",
                    "proposal_id",
                    "title_nl",
                    "title_fr",
                    "title_en",
                    "neighbourhood_code",
                    "cost",
                    "votes",
                    "funded",
                    "funded_by_greedy",
                ),
                budget_rows,
            ),
        ],
    )


def projects() -> Dataset:
    """The City's projects and their timelines: an update's text, status and link, never its author; a project's
    followers are nobody's business. The origin columns name only what is public (city.queries.public_origin)."""
    found = (
        Project.objects.select_related("domain", "process", "idea", "proposal", "initiative")
        .prefetch_related("places", Prefetch("indicators", queryset=Indicator.objects.order_by("pk").only("slug")))
        .order_by("pk")
    )
    rows = []
    for p in found:
        origin = public_origin(p)
        rows.append(
            (
                p.pk,
                p.slug,
                p.title_nl,
                p.title_fr,
                p.title_en,
                p.description_nl,
                p.description_fr,
                p.description_en,
                p.domain.slug,
                p.status,
                _day(p.starts_on),
                _day(p.ends_on),
                _day(p.completed_on),
                p.abandoned_reason_nl,
                p.abandoned_reason_fr,
                p.abandoned_reason_en,
                _num(p.budget_planned),
                _num(p.budget_spent),
                p.department,
                p.latitude,
                p.longitude,
                json.dumps(p.area, separators=(",", ":")) if p.area else None,
                " ".join(str(code) for code in sorted(place.neighbourhood_code for place in p.places.all())),
                " ".join(indicator.slug for indicator in p.indicators.all()),
                origin["process"],
                origin["idea"],
                origin["proposal"],
                origin["initiative"],
                origin["advice_url"],
                p.invented,
            )
        )
    return Dataset(
        slug="projects",
        title={"nl": "Projecten van de Stad", "fr": "Projets de la Ville", "en": "The City's projects"},
        description={
            "nl": "De projecten van de Stad: domein, status, data, budget, plaats, dienst, herkomst en hun "
            "tijdlijn van nieuws.",
            "fr": "Les projets de la Ville : domaine, statut, dates, budget, lieu, service, origine et leur "
            "fil d'actualités.",
            "en": "The City's projects: domain, status, dates, budget, place, department, origin and their "
            "timeline of updates.",
        },
        tables=[
            Table(
                "projects",
                (
                    "id",
                    "slug",
                    "title_nl",
                    "title_fr",
                    "title_en",
                    "description_nl",
                    "description_fr",
                    "description_en",
                    "domain",
                    "status",
                    "starts_on",
                    "ends_on",
                    "completed_on",
                    "abandoned_reason_nl",
                    "abandoned_reason_fr",
                    "abandoned_reason_en",
                    "budget_planned",
                    "budget_spent",
                    "department",
                    "latitude",
                    "longitude",
                    "area_geojson",
                    "neighbourhood_codes",
                    "indicators",
                    "process",
                    "idea_id",
                    "proposal_id",
                    "initiative_id",
                    "advice_url",
                    "written_for_the_demo",
                ),
                rows,
            ),
            Table(
                "project_updates",
                (
                    "project_id",
                    "published_at",
                    "status",
                    "text_nl",
                    "text_fr",
                    "text_en",
                    "link",
                    "photo_url",
                    "written_for_the_demo",
                ),
                [
                    (
                        u.project_id,
                        u.published_at.isoformat(),
                        u.status,
                        u.text_nl,
                        u.text_fr,
                        u.text_en,
                        u.link,
                        _photo_url(u.photo),
                        u.invented,
                    )
                    for u in ProjectUpdate.objects.order_by("project_id", "published_at", "pk")
                ],
            ),
        ],
    )


def _photo_url(photo) -> str | None:
    if not photo:
        return None
    return photo.url if photo.url.startswith(("http://", "https://")) else settings.SITE_URL + photo.url


DATASETS = (
    processes,
    ideas,
    indicators,
    results,
    kinds.ballots,
    kinds.lotteries,
    kinds.initiatives,
    projects,
)


def all_datasets() -> list[Dataset]:
    return [make() for make in DATASETS] + consultations.consultations()
