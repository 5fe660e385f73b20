"""An indicator's values as an SVG line chart drawn on the server: it shows without JavaScript, and the page puts
the same values in a table for screen readers. No style attributes (the CSP refuses them): classes and
presentation attributes only."""

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 16, 40


@dataclass(frozen=True)
class Dated:
    on: date
    value: Decimal


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (steps of 1, 2 or 5 times a power of ten) that cover low..high."""
    if high == low:
        low, high = low - 1, high + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(power * factor for factor in (1, 2, 5, 10) if power * factor >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def quantity(value) -> str:
    """A value without its trailing zeros (12.500 → 12.5), in the active language: "12,5" in French."""
    number = Decimal(str(value)).normalize()
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    return number_format(number, use_l10n=True, force_grouping=True)


def line_chart(
    *, values: list[Dated], baseline: Dated | None, target: Dated | None, title: str, unit: str
) -> SafeString:
    """The chart, or "" when there is nothing to draw. The dashed line runs from the baseline to the target."""
    points = sorted(values, key=lambda point: point.on)
    path = [point for point in (baseline, target) if point is not None]
    everything = points + path
    if not everything:
        return mark_safe("")
    days = [point.on.toordinal() for point in everything]
    numbers = [float(point.value) for point in everything]
    first_day, last_day = min(days), max(days)
    if first_day == last_day:
        first_day, last_day = first_day - 182, last_day + 183
    ticks = nice_ticks(min(numbers), max(numbers))
    low, high = ticks[0], ticks[-1]

    def x(day: date) -> float:
        return round(LEFT + (day.toordinal() - first_day) / (last_day - first_day) * (WIDTH - LEFT - RIGHT), 1)

    def y(value) -> float:
        return round(HEIGHT - BOTTOM - (float(value) - low) / (high - low) * (HEIGHT - TOP - BOTTOM), 1)

    grid = format_html_join(
        "",
        '<line class="chart-grid" x1="{}" x2="{}" y1="{}" y2="{}" stroke="currentColor" stroke-opacity="0.2"/>'
        '<text class="chart-label" x="{}" y="{}" text-anchor="end" dominant-baseline="middle" font-size="12"'
        ' fill="currentColor">{}</text>',
        ((LEFT, WIDTH - RIGHT, y(tick), y(tick), LEFT - 8, y(tick), quantity(tick)) for tick in ticks),
    )
    years = range(date.fromordinal(first_day).year, date.fromordinal(last_day).year + 1)
    every = max(1, math.ceil(len(years) / 8))
    year_labels = format_html_join(
        "",
        '<text class="chart-label" x="{}" y="{}" text-anchor="middle" font-size="12" fill="currentColor">{}</text>',
        (
            (x(date(year, 1, 1)), HEIGHT - BOTTOM + 20, year)
            for year in years[::every]
            if first_day <= date(year, 1, 1).toordinal() <= last_day
        ),
    )
    line = " ".join(f"{x(point.on)},{y(point.value)}" for point in points)
    dots = format_html_join(
        "",
        '<circle class="chart-point" cx="{}" cy="{}" r="4" fill="currentColor"><title>{}: {}</title></circle>',
        ((x(point.on), y(point.value), date_format(point.on), quantity(point.value)) for point in points),
    )
    target_path = (
        format_html(
            '<line class="chart-path" x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor" stroke-dasharray="6 4"'
            ' stroke-width="2" stroke-opacity="0.6"/>',
            x(baseline.on),
            y(baseline.value),
            x(target.on),
            y(target.value),
        )
        if baseline is not None and target is not None
        else ""
    )
    target_mark = (
        format_html(
            '<rect class="chart-target" x="{}" y="{}" width="10" height="10" fill="none" stroke="currentColor"'
            ' stroke-width="2"><title>{}</title></rect>',
            x(target.on) - 5,
            y(target.value) - 5,
            _("Target: %(value)s on %(date)s") % {"value": quantity(target.value), "date": date_format(target.on)},
        )
        if target is not None
        else ""
    )
    series = (
        format_html(
            '<polyline class="chart-line" points="{}" fill="none" stroke="currentColor" stroke-width="3"/>', line
        )
        if len(points) > 1
        else ""
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="100%" role="img" aria-labelledby="chart-title chart-desc"'
        ' xmlns="http://www.w3.org/2000/svg"><title id="chart-title">{}</title><desc id="chart-desc">{}</desc>'
        '{}{}<line class="chart-axis" x1="{}" x2="{}" y1="{}" y2="{}" stroke="currentColor"/>{}{}{}{}</svg>',
        WIDTH,
        HEIGHT,
        title,
        _("Values over time in %(unit)s; a dashed line from the baseline to the target; the table below lists them.")
        % {"unit": unit or _("units")},
        grid,
        year_labels,
        LEFT,
        WIDTH - RIGHT,
        HEIGHT - BOTTOM,
        HEIGHT - BOTTOM,
        target_path,
        series,
        dots,
        target_mark,
    )
