"""Official texts have one column per language; these helpers pick the one to show and say which it is."""

from typing import NamedTuple

from django.utils.translation import get_language

# Brussels' official texts exist in Dutch and French; English comes last.
FALLBACKS = {"nl": ("nl", "fr", "en"), "fr": ("fr", "nl", "en"), "en": ("en", "fr", "nl")}


class Localized(NamedTuple):
    text: str
    language: str


def localized(obj, name: str) -> Localized:
    """The text of field `name` in the active language, else the other official language, else English."""
    order = FALLBACKS.get((get_language() or "fr")[:2], FALLBACKS["fr"])
    for language in order:
        text = getattr(obj, f"{name}_{language}", "")
        if text:
            return Localized(text, language)
    return Localized("", order[0])


def official_fallback(name, field):
    """An attrgetter for TranslatedField: `process.title` reads with the fallbacks above."""
    return lambda self: localized(self, name).text


OFFICIAL_LANGUAGES = {"nl": "Dutch", "fr": "French"}


def missing_official_languages(texts: dict[str, str]) -> list[str]:
    """The official languages (codes) in which `texts` is still empty: Brussels publishes in Dutch and French."""
    return [language for language in OFFICIAL_LANGUAGES if not (texts.get(language) or "").strip()]
