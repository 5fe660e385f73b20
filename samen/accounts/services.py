from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.common import privacy

STAFF_ROLES = {User.Role.PROCESS_MANAGER, User.Role.ADMINISTRATOR}


def assign_role(*, user: User, role: str) -> User:
    """Give a role; process managers and administrators reach the admin site, so they become staff."""
    if role not in User.Role.values:
        raise ValidationError(_("Unknown role."), code="unknown_role")
    with transaction.atomic():
        user.role = role
        user.is_staff = role in STAFF_ROLES
        user.full_clean()
        user.save(update_fields=["role", "is_staff"])
    return user


def update_profile(*, user: User, display_name: str, neighbourhood_code: int | None, preferred_language: str) -> User:
    user.display_name = display_name
    user.neighbourhood_code = neighbourhood_code
    user.preferred_language = preferred_language
    user.full_clean()
    user.save(update_fields=["display_name", "neighbourhood_code", "preferred_language"])
    return user


def delete_account(*, user: User) -> None:
    """Erase the person: ideas and comments stay, signed "deleted account"; follows, reports, e-mail addresses and
    unverified supports go with the account row, so every count stays right; a verified person's support, like a
    ballot, stays with only its pseudonym (ideas' `erase`); a ballot stays in
    its vote, and a volunteer's row in a lottery's pool, with nobody's name or address on it (each app's `erase`),
    so that a published result can still be recounted. Sessions of the account no longer find their user and are
    signed out."""
    with transaction.atomic():
        privacy.erase_everywhere(user)
        user.delete()
