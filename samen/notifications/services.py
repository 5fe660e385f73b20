"""A resident's choices: how often each kind of notice comes, and which neighbourhoods' and topics' new processes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samen.common.geography import neighbourhoods
from samen.common.topics import TOPICS
from samen.notifications.models import ChosenNeighbourhood, ChosenTopic, Kind, Pending, Preference, Rhythm


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


def set_preferences(
    *, user, rhythms: dict[str, str], neighbourhood_codes: list[int], topics: list[str] | None = None
) -> None:
    """Every choice at once; `topics` None keeps the topics chosen before."""
    unknown = set(neighbourhood_codes) - neighbourhoods().keys()
    if unknown:
        raise ValidationError(_("Choose neighbourhoods from the list."), code="unknown_neighbourhood")
    if topics is not None and not set(topics) <= TOPICS.keys():
        raise ValidationError(_("Choose topics from the list."), code="unknown_topic")
    with transaction.atomic():
        for kind, rhythm in rhythms.items():
            set_rhythm(user=user, kind=kind, rhythm=rhythm)
        ChosenNeighbourhood.objects.filter(user=user).exclude(neighbourhood_code__in=neighbourhood_codes).delete()
        ChosenNeighbourhood.objects.bulk_create(
            [ChosenNeighbourhood(user=user, neighbourhood_code=code) for code in neighbourhood_codes],
            ignore_conflicts=True,
        )
        if topics is not None:
            ChosenTopic.objects.filter(user=user).exclude(topic__in=topics).delete()
            ChosenTopic.objects.bulk_create(
                [ChosenTopic(user=user, topic=topic) for topic in topics], ignore_conflicts=True
            )
