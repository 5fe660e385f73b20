"""Who wants to hear of what."""

from django.db.models import Q, QuerySet

from samen.accounts.models import User
from samen.common.geography import neighbourhoods
from samen.notifications.delivery import rhythms
from samen.notifications.models import ChosenNeighbourhood, ChosenTopic, Kind, Rhythm


def rhythm_of(user, kind: str) -> str:
    return rhythms([user.pk], kind)[user.pk]


def chosen_neighbourhood_codes(user) -> list[int]:
    return sorted(ChosenNeighbourhood.objects.filter(user=user).values_list("neighbourhood_code", flat=True))


def chosen_topics(user) -> list[str]:
    return sorted(ChosenTopic.objects.filter(user=user).values_list("topic", flat=True))


def interested_in_place(
    *, municipality_nis: str = "", neighbourhood_code: int | None = None, topics: list[str] = ()
) -> QuerySet[User]:
    """Residents who asked to hear of new processes here: anywhere in the Region for a regional process (no place
    given), in one of their chosen neighbourhoods, or in the municipality of one of them; or about one of the
    process's `topics`, wherever it is."""
    wanting = User.objects.filter(  # "never" by default: only who chose a rhythm
        is_active=True,
        notice_preferences__kind=Kind.NEW_PROCESSES,
        notice_preferences__rhythm__in=[Rhythm.AT_ONCE, Rhythm.DAILY, Rhythm.WEEKLY],
    )
    about = Q(chosen_topics__topic__in=list(topics)) if topics else Q(pk__in=[])
    if neighbourhood_code is not None:
        here = Q(chosen_neighbourhoods__neighbourhood_code=neighbourhood_code)
    elif municipality_nis:
        codes = [code for code, place in neighbourhoods().items() if place.municipality_nis == municipality_nis]
        here = Q(chosen_neighbourhoods__neighbourhood_code__in=codes)
    else:
        return wanting.distinct()
    return User.objects.filter(pk__in=wanting.filter(here | about).values("pk"))
