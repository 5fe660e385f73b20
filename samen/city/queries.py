"""Reads of the City's dashboard (where each indicator stands against its target, summed up per domain) and of its
projects (filtered by domain, status and neighbourhood)."""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from samen.algorithms.indicators import Point, Track, track
from samen.city.models import Domain, Indicator, IndicatorValue, Project
from samen.common.geography import neighbourhoods
from samen.ideas.models import Visibility
from samen.initiatives.queries import PRIVATE as PRIVATE_INITIATIVES
from samen.processes.models import Process


@dataclass(frozen=True)
class Standing:
    indicator: Indicator
    values: list[IndicatorValue]
    track: Track
    expected: Fraction | None  # on the latest value's date, by the straight line to the target

    @property
    def latest(self) -> IndicatorValue | None:
        return self.values[-1] if self.values else None

    @property
    def gap(self) -> Decimal | None:
        """How much is still to gain to reach the target (0 once reached), in the indicator's unit."""
        target = self.indicator.target_value
        if target is None or self.latest is None:
            return None
        higher = self.indicator.direction == Indicator.Direction.HIGHER
        remaining = target - self.latest.value if higher else self.latest.value - target
        return max(remaining, Decimal(0))


def standing_of(indicator: Indicator) -> Standing:
    """Where the indicator stands; reads its prefetched values when there are."""
    values = sorted(indicator.values.all(), key=lambda value: value.date)
    baseline = (
        Point(indicator.baseline_date, indicator.baseline_value) if indicator.baseline_value is not None else None
    )
    target = Point(indicator.target_date, indicator.target_value) if indicator.target_value is not None else None
    verdict, expected = track(
        higher_is_better=indicator.direction == Indicator.Direction.HIGHER,
        baseline=baseline,
        target=target,
        values=[Point(value.date, value.value) for value in values],
    )
    return Standing(indicator, values, verdict, expected)


@dataclass(frozen=True)
class DomainSummary:
    domain: Domain
    standings: list[Standing]

    def count(self, verdict: str) -> int:
        return sum(1 for standing in self.standings if standing.track == verdict)

    @property
    def on_track(self) -> int:
        return self.count(Track.ON_TRACK)

    @property
    def off_track(self) -> int:
        return self.count(Track.OFF_TRACK)

    @property
    def no_data(self) -> int:
        return self.count(Track.NO_DATA)


def dashboard() -> list[DomainSummary]:
    """Every domain and foundation with its indicators' standings, in three queries whatever their number."""
    indicators = Indicator.objects.select_related("objective").prefetch_related(
        Prefetch("values", queryset=IndicatorValue.objects.only("indicator_id", "date", "value"))
    )
    domains = Domain.objects.prefetch_related(Prefetch("indicators", queryset=indicators))
    return [DomainSummary(domain, [standing_of(i) for i in domain.indicators.all()]) for domain in domains]


def indicator_for_page(slug: str) -> Indicator:
    """The indicator with its values and the projects serving it (in one query, however many)."""
    serving = Project.objects.order_by("title_fr", "pk").only("slug", "status", "title_nl", "title_fr", "title_en")
    return get_object_or_404(
        Indicator.objects.select_related("domain", "objective").prefetch_related(
            "values", Prefetch("projects", queryset=serving)
        ),
        slug=slug,
    )


@dataclass(frozen=True)
class ProjectFilters:
    """The list's filters as a visitor chose them; an unknown value is dropped (the list shows everything)."""

    domain: str = ""
    status: str = ""
    neighbourhood: int | None = None

    @classmethod
    def from_query(cls, query) -> "ProjectFilters":
        domain = query.get("domain", "")
        status = query.get("status", "")
        code = query.get("neighbourhood", "")
        return cls(
            domain=domain if Domain.objects.filter(slug=domain).exists() else "",
            status=status if status in Project.Status.values else "",
            neighbourhood=int(code) if code.isdigit() and int(code) in neighbourhoods() else None,
        )


def projects(filters: ProjectFilters):
    """The projects the filters let through, with what their list and map show, in a fixed number of queries."""
    found = Project.objects.select_related("domain").prefetch_related("places")
    if filters.domain:
        found = found.filter(domain__slug=filters.domain)
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.neighbourhood is not None:
        found = found.filter(places__neighbourhood_code=filters.neighbourhood)
    return found.order_by("domain__foundation", "domain__position", "title_fr", "pk")


def public_origin(project: Project) -> dict:
    """The participation that shaped the project, as far as it is public (for the API and the open data): the
    process's address if published, the winning idea's number if visible too, the funded proposal's, the citizens'
    initiative's once public, a council's advice. Reads the project's process, idea, proposal and initiative."""
    public = project.process is not None and project.process.status == Process.Status.PUBLISHED
    idea, proposal, initiative = project.idea, project.proposal, project.initiative
    return {
        "process": project.process.slug if public else None,
        "idea": idea.pk if public and idea is not None and idea.visibility == Visibility.PUBLISHED else None,
        "proposal": proposal.pk if public and proposal is not None else None,
        "initiative": initiative.pk
        if initiative is not None and initiative.status not in PRIVATE_INITIATIVES
        else None,
        "advice_url": project.advice_url,
    }
