"""The dashboard's demo: the strategy's real indicators with their baselines and targets, values and a population
table invented and marked so, the computed participation indicators."""

import csv
from datetime import date
from pathlib import Path

import pytest

from samen.city.computed import COMPUTATIONS
from samen.city.models import Indicator, IndicatorValue, PopulationTable
from samen.demo.city import INVENTED, STATED, load_city_demo

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 3)
CSV = Path(__file__).resolve().parents[2] / "data" / "brussels" / "city_indicators_2030.csv"


def test_the_demo_loads_every_indicator_of_the_strategy_with_its_baseline_and_target():
    load_city_demo(seed=2020, today=TODAY)

    rows = list(csv.DictReader(CSV.open(encoding="utf-8")))
    assert Indicator.objects.filter(kind=Indicator.Kind.IMPORTED).count() == len(rows) == 36
    car = Indicator.objects.get(name_nl="Verplaatsingen met de eigen auto")
    assert (car.direction, car.target_value, car.target_date, car.domain.slug) == (
        "lower",
        -25,
        date(2030, 12, 31),
        "moving",
    )
    gas = Indicator.objects.get(slug="natural-gas-consumption")
    assert (gas.baseline_value, gas.baseline_date) == (-34, date(2020, 12, 31))


def test_every_value_the_demo_makes_up_says_so_and_the_population_is_marked_invented():
    load_city_demo(seed=2020, today=TODAY)

    notes = set(IndicatorValue.objects.filter(indicator__kind=Indicator.Kind.IMPORTED).values_list("note", flat=True))
    assert notes == {INVENTED, STATED}
    assert not IndicatorValue.objects.filter(date__gt=TODAY).exists()
    assert list(PopulationTable.objects.values_list("invented", flat=True)) == [True]


def test_the_computed_indicators_are_there_with_todays_value():
    load_city_demo(seed=2020, today=TODAY)

    computed = Indicator.objects.filter(kind=Indicator.Kind.COMPUTED)
    assert sorted(computed.values_list("code", flat=True)) == sorted(COMPUTATIONS)
    assert IndicatorValue.objects.get(indicator__code="participants").date == TODAY


def test_loading_twice_adds_nothing():
    assert load_city_demo(seed=2020, today=TODAY) is True
    first = list(
        IndicatorValue.objects.order_by("indicator__slug", "date").values_list("indicator__slug", "date", "value")
    )

    assert load_city_demo(seed=2020, today=TODAY) is False
    again = list(
        IndicatorValue.objects.order_by("indicator__slug", "date").values_list("indicator__slug", "date", "value")
    )
    assert again == first
