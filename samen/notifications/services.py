"""A resident's choices: how often each kind of notice comes, and which neighbourhoods' new processes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samen.common.geography import neighbourhoods
from samen.notifications.models import ChosenNeighbourhood, Kind, Pending, Preference, Rhythm


def set_rhythm(*, user, kind: str, rhythm: str) -> None:
    """Choose a rhythm; notices already waiting follow it (dropped for "never", in the next daily digest for "at
    once"), so that a resident who stops a kind gets nothing more of it."""
    if kind not in Kind.values or rhythm not in Rhythm.values:
        raise ValidationError(_("Choose one of the rhythms offered."), code="invalid_rhythm")
    with transaction.atomic():
        Preference.objects.update_or_create(user=user, kind=kind, defaults={"rhythm": rhythm})
        waiting = Pending.objects.filter(user=user, kind=kind)
        if rhythm == Rhythm.NEVER:
            waiting.delete()
        else:
            waiting.update(rhythm=Rhythm.DAILY if rhythm == Rhythm.AT_ONCE else rhythm)


def set_preferences(*, user, rhythms: dict[str, str], neighbourhood_codes: list[int]) -> None:
    unknown = set(neighbourhood_codes) - neighbourhoods().keys()
    if unknown:
        raise ValidationError(_("Choose neighbourhoods from the list."), code="unknown_neighbourhood")
    with transaction.atomic():
        for kind, rhythm in rhythms.items():
            set_rhythm(user=user, kind=kind, rhythm=rhythm)
        ChosenNeighbourhood.objects.filter(user=user).exclude(neighbourhood_code__in=neighbourhood_codes).delete()
        ChosenNeighbourhood.objects.bulk_create(
            [ChosenNeighbourhood(user=user, neighbourhood_code=code) for code in neighbourhood_codes],
            ignore_conflicts=True,
        )
