"""Lotteries in the API: the pool per group and the quotas once the pool is frozen, the draw once drawn, under the
pseudonyms of the published pool file, as pool.csv, quotas.csv and draw.json publish them; never a name."""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from samen.api import schemas as s
from samen.api.shared import check_limit, last_modified, page, site
from samen.panels import queries as panel_queries
from samen.panels.models import Lottery, Volunteer
from samen.processes.models import Process

router = Router()


def _lotteries():
    return (
        Lottery.objects.filter(process__status=Process.Status.PUBLISHED)
        .select_related("process")
        .annotate(volunteer_count=Count("volunteers", distinct=True))
        .prefetch_related(
            "quotas",
            Prefetch(
                "volunteers",
                queryset=Volunteer.objects.exclude(pseudonym="").only("pk", "lottery_id", "features"),
                to_attr="pool",
            ),
        )
    )


def _lottery_out(lottery: Lottery) -> dict:
    frozen = lottery.pool_frozen_at is not None
    outcome = lottery.outcome if lottery.drawn_at else None
    return {
        "process": lottery.process.slug,
        "panel_size": lottery.panel_size,
        "invitations": lottery.invitations,
        "stratify_invitations": lottery.stratify_invitations,
        "households": lottery.households,
        "seed_announcement": s.texts(lottery, "seed_announcement"),
        "volunteers": lottery.volunteer_count,
        "invitations_drawn_at": lottery.invitations_drawn_at,
        "pool_frozen_at": lottery.pool_frozen_at,
        "drawn_at": lottery.drawn_at,
        "pool": [
            {"category": category, "value": value, "volunteers": n}
            for category, value, n in panel_queries.pool_counts(lottery, lottery.pool)
        ]
        if frozen
        else [],
        "quotas": [
            {"category": q.category, "value": q.value, "minimum": q.minimum, "maximum": q.maximum}
            for q in lottery.quotas.all()
        ]
        if frozen
        else [],
        "draw": {
            "method": outcome["method"],
            "k": outcome["k"],
            "seed": outcome["seed"],
            "min_probability": outcome["min_probability"],
            "estimated": outcome["estimated"],
            "probabilities": [{"id": pid, "probability": p} for pid, p in outcome["probabilities"].items()],
            "unselectable": outcome["unselectable"],
            "distribution": outcome["distribution"],
            "panel": outcome["panel"],
        }
        if outcome
        else None,
        "url": site(lottery),
    }


@router.get("/lotteries", response=s.LotteryPage, summary="Panels drawn by lot", tags=["lotteries"])
def lotteries(request, limit: int = 20, offset: int = 0):
    """The rules of each lottery; once the pool is frozen, how many volunteers are in each group and the quotas; once
    drawn, every volunteer's chance and the panel, under the pseudonyms of the published pool file. Newest first."""
    limit = check_limit(limit, offset)
    rows = _lotteries()
    count = rows.count()
    found = rows.order_by("-process__created_at", "-pk")[offset : offset + limit]
    return page(request, count, limit, offset, [_lottery_out(lottery) for lottery in found])


@router.get("/lotteries/{slug}", response=s.LotteryOut, summary="One lottery", tags=["lotteries"])
def lottery(request, slug: str):
    found = _lotteries().filter(process__slug=slug).first()
    if found is None:
        raise HttpError(404, _("There is no published lottery with this address."))
    if found.drawn_at:  # drawn: the pool, the quotas and the draw are final
        last_modified(request, found.drawn_at)
    return _lottery_out(found)
