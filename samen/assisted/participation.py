"""My participation: what facilitators entered for me, until I take it over. See common/participation.py."""

from django.urls import reverse
from django.utils.translation import gettext as _

from samen.assisted import queries
from samen.common.participation import Entry, Section


def sections(user) -> list[Section]:
    rows = [row for row in queries.entered_for(user) if row.consent.taken_over_by_id != user.pk]
    return [
        Section(
            _("Entered for me by a facilitator"),
            [
                Entry(
                    title=row.what,
                    url=reverse("assisted:mine"),
                    status=_("Entered by %(who)s at %(where)s, with your consent.")
                    % {"who": row.consent.facilitator_name, "where": row.consent.place},
                    next_step=_("Take it over to change it yourself"),
                )
                for row in rows
            ],
        )
    ]
