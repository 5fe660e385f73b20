"""The indicator's chart as SVG markup: round axis labels, a point per value with its date and value, the path to the
target, a title and description for assistive technology, and no style attribute (the CSP refuses them)."""

from datetime import date
from decimal import Decimal

from django.utils import translation

from samen.city.chart import Dated, line_chart, nice_ticks


def chart(**overrides) -> str:
    arguments = {
        "values": [Dated(date(2024, 6, 1), Decimal("45.5")), Dated(date(2025, 6, 1), Decimal(52))],
        "baseline": Dated(date(2023, 3, 31), Decimal(40)),
        "target": Dated(date(2030, 12, 31), Decimal(70)),
        "title": "Sites with NRClick",
        "unit": "sites",
    }
    return str(line_chart(**(arguments | overrides)))


def test_ticks_are_round_and_cover_the_values():
    assert nice_ticks(40, 70) == [40, 50, 60, 70]
    assert nice_ticks(-25, 0) == [-25, -20, -15, -10, -5, 0]
    assert nice_ticks(3, 3) == [2, 2.5, 3, 3.5, 4]


def test_each_value_is_a_point_with_its_date_and_value():
    svg = chart()

    assert "<title>1 June 2024: 45.5</title>" in svg
    assert "<title>1 June 2025: 52</title>" in svg
    assert svg.count("<circle") == 2
    assert svg.count("<polyline") == 1


def test_axes_say_the_values_and_the_years():
    svg = chart()

    labels = [part.split("</text>", 1)[0].rsplit(">", 1)[1] for part in svg.split("<text")[1:]]
    assert labels[:4] == ["40", "50", "60", "70"]
    assert labels[4:] == ["2024", "2025", "2026", "2027", "2028", "2029", "2030"]


def test_the_path_to_the_target_and_the_target_are_drawn():
    svg = chart()

    assert 'stroke-dasharray="6 4"' in svg
    assert "<title>Target: 70 on 31 December 2030</title>" in svg


def test_it_is_labelled_for_assistive_technology_and_has_no_style_attribute():
    svg = chart()

    assert svg.startswith('<svg class="chart" viewBox="0 0 640 320"')
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in svg
    assert '<title id="chart-title">Sites with NRClick</title>' in svg
    assert "style=" not in svg


def test_numbers_and_dates_follow_the_language():
    with translation.override("fr"):
        svg = chart()

    assert "<title>1 juin 2024: 45,5</title>" in svg


def test_text_is_escaped():
    assert "<b>" not in chart(title="<b>bold</b>")


def test_nothing_to_draw_gives_nothing():
    assert chart(values=[], baseline=None, target=None) == ""


def test_one_value_alone_is_a_point_without_a_line():
    svg = chart(values=[Dated(date(2024, 6, 1), Decimal(3))], baseline=None, target=None)

    assert svg.count("<circle") == 1
    assert "<polyline" not in svg
