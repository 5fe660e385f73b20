from django import template

from samen.city import chart

register = template.Library()


@register.filter
def quantity(value) -> str:
    """A stored value as the chart writes it: 12.500 → 12.5, in the page's language."""
    return "" if value in (None, "") else chart.quantity(value)
