"""Amounts of whole euros, written as the active language writes them: 12.500 € in Dutch, 12 500 € in French."""

from django.utils import formats


def euros(amount: int | None) -> str:
    if amount is None or amount == "":
        return ""
    return f"{formats.number_format(amount, force_grouping=True)}\u00a0€"
