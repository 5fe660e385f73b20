"""Debates' personal data: a person's arguments, supports and comments, and the debates a manager put. Arguments,
comments and debates stay, signed "deleted account", when the account goes (SET NULL); supports and reports go with
it, so the counts stay right. See `samen.common.privacy`."""

from samen.common.privacy import when
from samen.debates.models import Argument, ArgumentSupport, Debate, DebateComment, Report

COVERS = (Debate, Argument, ArgumentSupport, DebateComment, Report)


def export(user) -> dict:
    return {
        "debate_arguments": [
            {**row, "created_at": when(row["created_at"])}
            for row in Argument.objects.filter(author=user)
            .order_by("pk")
            .values("id", "debate_id", "side", "text", "language", "visibility", "moderation_reason", "created_at")
        ],
        "debate_argument_supports": [
            {**row, "created_at": when(row["created_at"])}
            for row in ArgumentSupport.objects.filter(resident=user).order_by("pk").values("argument_id", "created_at")
        ],
        "debate_comments": [
            {**row, "created_at": when(row["created_at"])}
            for row in DebateComment.objects.filter(author=user)
            .order_by("pk")
            .values("id", "debate_id", "body", "language", "visibility", "moderation_reason", "created_at")
        ],
        "debate_reports": [
            {**row, "created_at": when(row["created_at"]), "resolved_at": when(row["resolved_at"])}
            for row in Report.objects.filter(reporter=user)
            .order_by("pk")
            .values("argument_id", "comment_id", "reason", "note", "created_at", "resolved_at")
        ],
        "debates_put": list(Debate.objects.filter(created_by=user).order_by("pk").values_list("pk", flat=True)),
    }
