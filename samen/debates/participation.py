"""My participation: the debates I took part in (an argument, a support or a comment), and what became of them.
See common/participation.py."""

from django.db.models import Q
from django.utils.translation import gettext as _

from samen.common.participation import Entry, Section
from samen.common.translation import localized
from samen.debates.models import Debate


def _status(debate: Debate) -> str:
    if debate.is_closed:
        return _("Closed: the conclusion is published.")
    return _("Open: you can still add arguments, support them and comment.")


def sections(user) -> list[Section]:
    mine = Q(arguments__author=user) | Q(arguments__supports__resident=user) | Q(comments__author=user)
    debates = Debate.objects.filter(pk__in=Debate.objects.filter(mine).values("pk")).select_related("process")
    return [
        Section(
            _("Debates I took part in"),
            [
                Entry(
                    title=debate.question,
                    url=debate.get_absolute_url(),
                    status=_status(debate),
                    title_language=localized(debate, "question").language,
                )
                for debate in debates.order_by("-opened_at", "-pk")
            ],
        )
    ]
