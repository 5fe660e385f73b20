"""The meetings app's personal data: the meetings a resident registered for. See `samen.common.privacy`."""

from samen.common.privacy import when
from samen.meetings.models import Registration

COVERS = (Registration,)


def export(user) -> dict:
    return {
        "meeting_registrations": [
            {"meeting": row["meeting__uid"].hex, "status": row["status"], "since": when(row["created_at"])}
            for row in Registration.objects.filter(person=user)
            .order_by("pk")
            .values("meeting__uid", "status", "created_at")
        ]
    }
