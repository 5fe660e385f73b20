"""My participation: the lotteries I answered, my chance of being drawn and my place on the reserve list. See
common/participation.py."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from samen.common.participation import Entry, Section
from samen.panels.models import Volunteer


def _status(volunteer: Volunteer) -> str:
    if volunteer.lottery.drawn_at is None:
        return _("You are in the draw. Your chance of being drawn will appear here after the draw.")
    chance = _("Your chance of being drawn was %(percent)s %%.") % {
        "percent": formats.number_format(round((volunteer.probability or 0) * 100, 1), decimal_pos=1)
    }
    if volunteer.selected:
        return f"{chance} {_('You were drawn. Welcome to the panel!')}"
    return f"{chance} " + _(
        "You were not drawn. You are number %(rank)s on the reserve list: if a seat is left empty, it may be "
        "offered to you."
    ) % {"rank": volunteer.reserve_rank}


def sections(user) -> list[Section]:
    volunteering = Volunteer.objects.filter(user=user).select_related("lottery__process").order_by("-pk")
    return [
        Section(
            _("Lotteries I answered"),
            [
                Entry(
                    title=str(volunteer.lottery.process.title),
                    url=reverse("panels:lottery", args=[volunteer.lottery.process.slug]),
                    status=_status(volunteer),
                )
                for volunteer in volunteering
            ],
        )
    ]
