"""Text folding for search: 'École' and 'ecole' are the same word to someone typing on a phone."""

import unicodedata


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """Lower case without accents, the form both sides of a SQLite search are compared in."""
    return strip_accents(text).casefold()
