"""The topics a process can be about, the same for every process in the Region: what a resident chooses to hear of
new processes about (notifications), beside the places they chose.

They follow the seven domains of the City of Brussels' smart-city strategy 2030 (`data/brussels/
CITY_STRATEGY_SOURCES.md`), under the same slugs as the City's dashboard, but named by what they cover (the strategy's
sub-themes), as a resident would look for them. Fixed reference data, like the geography: rows refer to a slug.
"""

from django.utils.translation import gettext_lazy as _

TOPICS = {
    "moving": _("Mobility, parking and road safety"),
    "healthy": _("Climate, green space, energy and clean air"),
    "open-solidary": _("Housing, inclusion and solidarity"),
    "close-by": _("Culture, sport, youth and care close by"),
    "changing": _("Public space, urban development and safety"),
    "dynamic-smart": _("Work, trade, training and education"),
    "participative-exemplary": _("Public services, transparency and participation"),
}


def topic_choices() -> list[tuple[str, str]]:
    return list(TOPICS.items())
