"""The features a panel can be balanced on: what volunteers declare, what the register says, and their labels.

Values are stable codes (they go into the published pool file); labels follow the reader's language.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samen.common.geography import neighbourhoods

GENDER = "gender"
AGE_BAND = "age_band"
NEIGHBOURHOOD = "neighbourhood"


@dataclass(frozen=True)
class Feature:
    label: str
    values: dict[str, str]  # code -> label; empty for neighbourhoods, whose values are monitoring codes
    declared: bool  # asked of the volunteer when they register (else read from the register)


FEATURES: dict[str, Feature] = {
    GENDER: Feature(
        label=_("Gender"),
        values={
            "woman": pgettext_lazy("gender", "Woman"),
            "man": pgettext_lazy("gender", "Man"),
            "x": pgettext_lazy("gender", "Another gender (X)"),
        },
        declared=True,
    ),
    AGE_BAND: Feature(
        label=_("Age"),
        values={band: band for band in ("16-24", "25-34", "35-44", "45-54", "55-64", "65+")},
        declared=True,
    ),
    NEIGHBOURHOOD: Feature(label=_("Neighbourhood"), values={}, declared=False),
}


def value_label(category: str, value: str) -> str:
    if category == NEIGHBOURHOOD:
        place = neighbourhoods().get(int(value)) if value.isdigit() else None
        return place.name if place else value
    return str(FEATURES[category].values.get(value, value)) if category in FEATURES else value


def category_label(category: str) -> str:
    return str(FEATURES[category].label) if category in FEATURES else category
