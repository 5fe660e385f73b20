"""Reads shared by the lottery's services and views: the published files, quota suggestions, who sits where."""

import math

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from samen.panels.features import FEATURES, NEIGHBOURHOOD
from samen.panels.models import Council, Lottery, Seat, Volunteer
from samen.processes.models import Process
from samen.processes.page import Outcome, taking_part
from samen.processes.queries import phase_has_ended

REGISTRATION = "volunteer_registration"
POOL_ID = "id"
HOUSEHOLD = "household"


def lottery_of(process) -> Lottery | None:
    try:
        return process.lottery
    except Lottery.DoesNotExist:
        return None


def registration_has_ended(lottery: Lottery) -> bool:
    return phase_has_ended(lottery.process, REGISTRATION)


def categories_of(lottery: Lottery) -> list[str]:
    """The categories the quotas balance, in their order: the published pool file has one column per category."""
    return list(dict.fromkeys(quota.category for quota in lottery.quotas.all()))


def quota_values(lottery: Lottery) -> dict[str, list[str]]:
    """Every value a quota can be set on: the declared features' values, and the register's neighbourhoods."""
    values = {category: list(feature.values) for category, feature in FEATURES.items() if feature.values}
    values[NEIGHBOURHOOD] = sorted(lottery.population.get(NEIGHBOURHOOD, {}), key=int)
    return values


def suggested_quotas(lottery: Lottery) -> dict[tuple[str, str], tuple[int, int]]:
    """Each value's share of the register, times the seats, one seat either side; no bounds where the register is
    silent (declared features it does not hold)."""
    k = lottery.panel_size
    suggestions = {}
    for category, values in quota_values(lottery).items():
        counts = lottery.population.get(category, {})
        total = sum(counts.values())
        for value in values:
            if total:
                target = k * counts.get(value, 0) / total
                suggestions[category, value] = (max(0, math.floor(target) - 1), min(k, math.ceil(target) + 1))
            else:
                suggestions[category, value] = (0, k)
    return suggestions


def pool_volunteers(lottery: Lottery) -> QuerySet[Volunteer]:
    return lottery.volunteers.select_related("invitation", "user")


def _pseudonym_key(volunteer: Volunteer) -> int:
    return int(volunteer.pseudonym)


def pool_csv(lottery: Lottery) -> str:
    """The anonymised pool the panel is drawn from: pseudonym, one column per quota category, and a household
    pseudonym when at most one person per address may sit. Names, addresses and accounts never appear."""
    categories = categories_of(lottery)
    volunteers = sorted(pool_volunteers(lottery).exclude(pseudonym=""), key=_pseudonym_key)
    header = [POOL_ID, *categories, *([HOUSEHOLD] if lottery.households else [])]
    lines = [",".join(header)]
    for volunteer in volunteers:
        row = [volunteer.pseudonym, *(volunteer.features.get(category, "") for category in categories)]
        lines.append(",".join([*row, *([volunteer.household] if lottery.households else [])]))
    return "\n".join(lines) + "\n"


def pool_counts(lottery: Lottery, volunteers=None) -> list[tuple[str, str, int]]:
    """How many volunteers of the frozen pool fall in each group of each quota category: what the published pool
    file adds up to, without its pseudonyms. `volunteers`: the pool's volunteers when already fetched."""
    categories = categories_of(lottery)
    if volunteers is None:
        volunteers = lottery.volunteers.exclude(pseudonym="").only("features")
    counts: dict[tuple[str, str], int] = {}
    for volunteer in volunteers:
        for category in categories:
            key = (category, str(volunteer.features.get(category, "")))
            counts[key] = counts.get(key, 0) + 1
    return [(category, value, counts[category, value]) for category, value in sorted(counts)]


def quotas_csv(lottery: Lottery) -> str:
    rows = [f"{q.category},{q.value},{q.minimum},{q.maximum}" for q in lottery.quotas.all()]
    return "\n".join(["category,value,min,max", *rows]) + "\n"


def recount_command(lottery: Lottery) -> str:
    households = f" --household-column {HOUSEHOLD}" if lottery.households else ""
    return (
        f"samen sortition --pool pool.csv --quotas quotas.csv --k {lottery.panel_size} --id-column {POOL_ID}"
        f"{households} --seed '{lottery.seed}' --json"
    )


def council_members(council: Council) -> list[Seat]:
    return list(
        council.seats.filter(status__in=[Seat.Status.HELD, Seat.Status.OFFERED]).select_related("volunteer__invitation")
    )


def seat_of(council: Council, user) -> Seat | None:
    if not user.is_authenticated:
        return None
    return council.seats.filter(volunteer__user=user).exclude(status=Seat.Status.DECLINED).first()


def council_budgets(council: Council):
    """The participatory budgets of the council's neighbourhoods, newest first."""
    return (
        Process.objects.filter(
            status=Process.Status.PUBLISHED, budget__isnull=False, neighbourhood_code__in=council.neighbourhood_codes
        )
        .select_related("budget")
        .order_by("-created_at")
    )


def participants(process_ids: list[int]):
    """(process, account) for whoever answered the lottery's invitation (for the process's card)."""
    volunteers = Volunteer.objects.filter(lottery__process_id__in=process_ids, user__isnull=False)
    return [taking_part(volunteers, process="lottery__process_id", account="user_id")]


def recent_outcomes(limit: int) -> list[Outcome]:
    """The latest panels drawn by lot in published processes (for the home page)."""
    lotteries = (
        Lottery.objects.filter(process__status="published", drawn_at__isnull=False)
        .select_related("process")
        .order_by("-drawn_at")[:limit]
    )
    return [
        Outcome(
            title=str(lottery.process.title),
            url=reverse("panels:lottery", args=[lottery.process.slug]),
            when=lottery.drawn_at,
            summary=_("The panel is drawn by lot: see who sits on it and recount the draw."),
        )
        for lottery in lotteries
    ]
