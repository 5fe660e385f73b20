"""A malformed parameter (a word where a number is expected, a choice not offered) answers 422 with django-ninja's
list of errors, each with its location and type, and its message in the asker's language (Accept-Language)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _


def _message(error: dict) -> str:
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "missing":
        return _("This parameter is required.")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("Enter a whole number.")
    if kind in ("float_parsing", "float_type"):
        return _("Enter a number.")
    if kind in ("bool_parsing", "bool_type"):
        return _("Enter true or false.")
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        return _("Enter a date as YYYY-MM-DD.")
    if kind == "literal_error":
        return _("Choose one of: %(choices)s.") % {"choices": context.get("expected", "")}
    if kind in ("greater_than_equal", "greater_than"):
        return _("Enter a number of at least %(limit)s.") % {"limit": context.get("ge", context.get("gt", ""))}
    if kind in ("less_than_equal", "less_than"):
        return _("Enter a number of at most %(limit)s.") % {"limit": context.get("le", context.get("lt", ""))}
    return _("This value is not valid.")


def translated_validation_errors(request, exc):
    errors = [{"type": e.get("type", ""), "loc": list(e.get("loc", [])), "msg": _message(e)} for e in exc.errors]
    return JsonResponse({"detail": errors}, status=422)
