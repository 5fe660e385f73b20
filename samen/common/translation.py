"""Official texts have one column per language; these helpers pick the one to show and say which it is."""

from typing import NamedTuple

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

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


def every_language(obj, *names: str) -> dict[str, dict[str, str]]:
    """Each translated field in every language it exists in, e.g. {"title": {"nl": "…", "fr": "…"}}: for exports."""
    return {
        name: {language: text for language in FALLBACKS if (text := getattr(obj, f"{name}_{language}", ""))}
        for name in names
    }


def official_fallback(name, field):
    """An attrgetter for TranslatedField: `process.title` reads with the fallbacks above."""
    return lambda self: localized(self, name).text


OFFICIAL_LANGUAGES = {"nl": "Dutch", "fr": "French"}


def missing_official_languages(texts: dict[str, str]) -> list[str]:
    """The official languages (codes) in which `texts` is still empty: Brussels publishes in Dutch and French."""
    return [language for language in OFFICIAL_LANGUAGES if not (texts.get(language) or "").strip()]


def official_field_errors(obj, name: str, *, required: bool = False) -> dict[str, str]:
    """Errors on the Dutch or French column of an official text that exists in another language but not in it
    (or, when `required`, at all): so a form says exactly which version is missing."""
    texts = {language: getattr(obj, f"{name}_{language}", "") for language in ("nl", "fr", "en")}
    if not required and not any(text.strip() for text in texts.values()):
        return {}
    messages = {
        "nl": _("Write the Dutch version too: Brussels publishes in Dutch and French."),
        "fr": _("Write the French version too: Brussels publishes in Dutch and French."),
    }
    return {f"{name}_{language}": messages[language] for language in missing_official_languages(texts)}
