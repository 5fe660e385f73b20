"""Who wants to hear of what."""

from django.db.models import QuerySet

from samen.accounts.models import User
from samen.common.geography import neighbourhoods
from samen.notifications.delivery import rhythms
from samen.notifications.models import ChosenNeighbourhood, Kind, Rhythm


def rhythm_of(user, kind: str) -> str:
    return rhythms([user.pk], kind)[user.pk]


def chosen_neighbourhood_codes(user) -> list[int]:
    return sorted(ChosenNeighbourhood.objects.filter(user=user).values_list("neighbourhood_code", flat=True))


def interested_in_place(*, municipality_nis: str = "", neighbourhood_code: int | None = None) -> QuerySet[User]:
    """Residents who asked to hear of new processes here: anywhere in the Region for a regional process (no place
    given), in one of their chosen neighbourhoods, or in the municipality of one of them."""
    wanting = User.objects.filter(  # "never" by default: only who chose a rhythm
        is_active=True,
        notice_preferences__kind=Kind.NEW_PROCESSES,
        notice_preferences__rhythm__in=[Rhythm.AT_ONCE, Rhythm.DAILY, Rhythm.WEEKLY],
    )
    if neighbourhood_code is not None:
        return wanting.filter(chosen_neighbourhoods__neighbourhood_code=neighbourhood_code).distinct()
    if municipality_nis:
        codes = [code for code, place in neighbourhoods().items() if place.municipality_nis == municipality_nis]
        return wanting.filter(chosen_neighbourhoods__neighbourhood_code__in=codes).distinct()
    return wanting.distinct()
