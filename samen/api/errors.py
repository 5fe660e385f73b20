"""A malformed parameter (a word where a number is expected, a choice not offered) answers 422 with django-ninja's
list of errors, each with its location and type, and its message in the asker's language (Accept-Language).

The messages are Django's own form messages, word for word: Django's catalogues already translate them into Dutch
and French (and every other language a client may ask for)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _


def _message(error: dict, value: str) -> str:
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("Enter a whole number.")
    if kind in ("float_parsing", "float_type"):
        return _("Enter a number.")
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        return _("Enter a valid date.")
    if kind in ("bool_parsing", "bool_type"):
        return _("“%(value)s” value must be either True or False.") % {"value": value}
    if kind in ("literal_error", "enum"):
        return _("Select a valid choice. %(value)s is not one of the available choices.") % {"value": value}
    if kind in ("greater_than_equal", "greater_than"):
        limit = context.get("ge", context.get("gt", ""))
        return _("Ensure this value is greater than or equal to %(limit_value)s.") % {"limit_value": limit}
    if kind in ("less_than_equal", "less_than"):
        limit = context.get("le", context.get("lt", ""))
        return _("Ensure this value is less than or equal to %(limit_value)s.") % {"limit_value": limit}
    return _("Enter a valid value.")


def translated_validation_errors(request, exc):
    errors = []
    for error in exc.errors:
        where = list(error.get("loc", []))
        value = request.GET.get(where[-1], "") if len(where) == 2 and where[0] == "query" else ""
        errors.append({"type": error.get("type", ""), "loc": where, "msg": _message(error, value)})
    return JsonResponse({"detail": errors}, status=422)
