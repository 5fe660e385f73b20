"""Text folding for search ('École' and 'ecole' are the same word to someone typing on a phone), and text made
safe for a spreadsheet."""

import unicodedata


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """Lower case without accents, the form both sides of a SQLite search are compared in."""
    return strip_accents(text).casefold()


# What makes a spreadsheet run a cell as a formula, and a tab or carriage return some place before one (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A cell of someone's text for a CSV export: a leading apostrophe keeps a would-be formula as plain text, so
    that opening the file never runs what a resident wrote."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell
