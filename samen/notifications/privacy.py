"""Notifications' personal data: a person's choices and the notices waiting for their digest.
See `samen.common.privacy`."""

from samen.common.privacy import when
from samen.notifications.models import ChosenNeighbourhood, ChosenTopic, Pending, Preference

COVERS = (Preference, ChosenNeighbourhood, ChosenTopic, Pending)


def export(user) -> dict:
    return {
        "notification_preferences": dict(
            Preference.objects.filter(user=user).order_by("kind").values_list("kind", "rhythm")
        ),
        "notification_neighbourhoods": sorted(
            ChosenNeighbourhood.objects.filter(user=user).values_list("neighbourhood_code", flat=True)
        ),
        "notification_topics": sorted(ChosenTopic.objects.filter(user=user).values_list("topic", flat=True)),
        "notifications_waiting": [
            {**row, "created_at": when(row["created_at"])}
            for row in Pending.objects.filter(user=user)
            .order_by("pk")
            .values("kind", "rhythm", "event", "object_id", "detail", "created_at")
        ],
    }
