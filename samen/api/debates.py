"""Debates in the API: a published process's debates with how many published arguments each side has and how much
support they gathered, and the conclusion once the debate is closed. As with ideas and comments, never an author."""

import datetime as dt

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from samen.api.schemas import Page, Texts, texts
from samen.api.shared import check_limit, page, site
from samen.debates.models import Argument, Debate
from samen.ideas.models import Visibility
from samen.processes.models import Process

router = Router(tags=["debates"])


class SideOut(Schema):
    arguments: int  # published arguments
    supports: int  # supports of those arguments


class DebateOut(Schema):
    id: int
    process: str
    question: Texts
    introduction: Texts
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    arguments_for: SideOut
    arguments_against: SideOut
    conclusion: Texts | None  # once closed
    url: str


class DebatePage(Page):
    results: list[DebateOut]


def _counted(side: str) -> dict:
    published = Q(arguments__visibility=Visibility.PUBLISHED, arguments__side=side)
    return {
        f"{side}_n": Count("arguments", filter=published, distinct=True),
        f"{side}_supports_n": Count("arguments__supports", filter=published),
    }


def _debate_out(debate: Debate) -> dict:
    return {
        "id": debate.pk,
        "process": debate.process.slug,
        "question": texts(debate, "question"),
        "introduction": texts(debate, "introduction"),
        "opened_at": debate.opened_at,
        "closed_at": debate.closed_at,
        "arguments_for": {"arguments": debate.for_n, "supports": debate.for_supports_n},
        "arguments_against": {"arguments": debate.against_n, "supports": debate.against_supports_n},
        "conclusion": texts(debate, "conclusion") if debate.is_closed else None,
        "url": site(debate),
    }


@router.get("/processes/{slug}/debates", response=DebatePage, summary="The debates of a published process")
def debates(request, slug: str, limit: int = 20, offset: int = 0):
    """Newest first, as the process's list of debates shows them."""
    limit = check_limit(limit, offset)
    process = Process.objects.filter(status=Process.Status.PUBLISHED, slug=slug).first()
    if process is None:
        raise HttpError(404, _("There is no published process with this address."))
    rows = Debate.objects.filter(process=process)
    count = rows.count()
    counted = (
        rows.select_related("process")
        .annotate(**_counted(Argument.Side.FOR), **_counted(Argument.Side.AGAINST))
        .order_by("-opened_at", "-pk")
    )
    return page(request, count, limit, offset, [_debate_out(d) for d in counted[offset : offset + limit]])
