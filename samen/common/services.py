"""Small pieces every app's services share: the permission check at the top of a write, translated columns."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models import Q

from samen.common import phrases

Texts = dict[str, str]


def require_perm(actor, permission: str, obj) -> None:
    """Refuse the write unless `actor` holds `permission` on `obj` (the same rule the view checked)."""
    if not actor.has_perm(permission, obj):
        raise PermissionDenied(phrases.not_allowed)


def translated_columns(name: str, texts: Texts | None) -> dict[str, str]:
    """{"nl": "…", "fr": "…"} for field `name` as the model's columns: {"name_nl": "…", "name_fr": "…"}."""
    return {f"{name}_{language}": (text or "").strip() for language, text in (texts or {}).items()}


def claim_ballot(model: type[models.Model], *, vote: dict, voter, key: str | None, check: Callable = lambda b: None):
    """The person's one ballot in a vote (`vote`: the ballot's field for it), locked: new, or theirs already, cast
    from this account or from another one of theirs (deleted, or whose verification moved here), which this account
    takes over; `check` may refuse the one found. The unique constraints on voter and on voter_key decide under
    races. Call inside a transaction."""
    try:
        with transaction.atomic():
            return model.objects.create(**vote, voter=voter, voter_key=key)
    except IntegrityError:  # this account or this person already has a ballot, perhaps cast a moment ago
        pass
    mine = Q(voter=voter) | Q(voter_key=key) if key else Q(voter=voter)
    found = list(model.objects.select_for_update().filter(mine, **vote).order_by("pk"))
    ballot = next((b for b in found if key and b.voter_key == key), found[0])
    check(ballot)
    # An unverified ballot of this account and the person's ballot: the person's counts, once.
    model.objects.filter(pk__in=[b.pk for b in found if b.pk != ballot.pk]).delete()
    ballot.voter, ballot.voter_key = voter, key or ballot.voter_key
    ballot.save(update_fields=["voter", "voter_key", "updated_at"])
    return ballot
