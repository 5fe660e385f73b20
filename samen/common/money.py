"""Amounts of euros, written as the active language writes them: 12.500 € in Dutch, 12 500 € in French.

Whole amounts show no cents; a share of a budget (an exact fraction) shows them, rounded half up.
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils import formats


def euros(amount: int | Fraction | None) -> str:
    if amount is None or amount == "":
        return ""
    if isinstance(amount, Fraction) and amount.denominator != 1:
        cents = (Decimal(amount.numerator) / Decimal(amount.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return f"{formats.number_format(cents, 2, force_grouping=True)}\u00a0€"
    return f"{formats.number_format(int(amount), force_grouping=True)}\u00a0€"
