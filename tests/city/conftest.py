"""Indicators and projects of the City's strategy, in the domains the migration loads."""

from datetime import date
from decimal import Decimal

import pytest

from samen.city.models import Domain, Indicator, IndicatorValue, Project


def make_indicator(slug: str, *, domain: str = "moving", values=(), **fields) -> Indicator:
    """An indicator (higher is better, 100 in 2020 to 200 in 2030 unless told) with `values`: (date, value) pairs."""
    defaults = {
        "name_en": slug.replace("-", " ").capitalize(),
        "name_nl": f"NL {slug}",
        "name_fr": f"FR {slug}",
        "unit": "trips",
        "baseline_value": Decimal(100),
        "baseline_date": date(2020, 1, 1),
        "target_value": Decimal(200),
        "target_date": date(2030, 1, 1),
        "source": "City strategy 2030 §3.2.5",
    }
    indicator = Indicator.objects.create(slug=slug, domain=Domain.objects.get(slug=domain), **(defaults | fields))
    for on, value in values:
        IndicatorValue.objects.create(indicator=indicator, date=on, value=Decimal(value))
    return indicator


@pytest.fixture
def indicator(db):
    return make_indicator("bus-trips", values=[(date(2022, 1, 1), 110), (date(2024, 1, 1), 160)])


def make_project(slug: str, *, domain: str = "moving", **fields) -> Project:
    """A City project with its titles and descriptions in Dutch and French (saved: its places derived)."""
    defaults = {
        "title_nl": f"NL {slug}",
        "title_fr": f"FR {slug}",
        "title_en": slug.replace("-", " ").capitalize(),
        "description_nl": "Beschrijving.",
        "description_fr": "Description.",
    }
    return Project.objects.create(slug=slug, domain=Domain.objects.get(slug=domain), **(defaults | fields))
