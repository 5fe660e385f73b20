"""The City app's personal data: the projects a resident follows and the project updates a member of staff wrote.
See `samen.common.privacy`."""

from samen.city.models import ProjectFollow, ProjectUpdate
from samen.common.privacy import when

COVERS = (ProjectFollow, ProjectUpdate)


def export(user) -> dict:
    return {
        "city_projects_followed": [
            {"project": row["project__slug"], "since": when(row["created_at"])}
            for row in ProjectFollow.objects.filter(follower=user).order_by("pk").values("project__slug", "created_at")
        ],
        "city_project_updates_written": [
            {**row, "published_at": when(row["published_at"])}
            for row in ProjectUpdate.objects.filter(author=user)
            .order_by("pk")
            .values("project__slug", "status", "published_at")
        ],
    }
