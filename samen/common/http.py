"""What every app's views answer the same way: a refusal of rights (403), and a form understood but refused."""

from django.core.exceptions import PermissionDenied

from samen.common import phrases

INVALID = 422  # the form was understood but refused: it comes back with its errors (htmx swaps 422, see base.html)


def require(request, permission: str, obj=None) -> None:
    """403 with the reason in words unless the user holds `permission` (on `obj`): the same rule the service checks."""
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied(phrases.not_allowed)
