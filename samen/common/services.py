"""Small pieces every app's services share: the permission check at the top of a write, translated columns."""

from django.core.exceptions import PermissionDenied

from samen.common import phrases

Texts = dict[str, str]


def require_perm(actor, permission: str, obj) -> None:
    """Refuse the write unless `actor` holds `permission` on `obj` (the same rule the view checked)."""
    if not actor.has_perm(permission, obj):
        raise PermissionDenied(phrases.not_allowed)


def translated_columns(name: str, texts: Texts | None) -> dict[str, str]:
    """{"nl": "…", "fr": "…"} for field `name` as the model's columns: {"name_nl": "…", "name_fr": "…"}."""
    return {f"{name}_{language}": (text or "").strip() for language, text in (texts or {}).items()}
