"""Initiatives' personal data: initiatives written and promoted, signatures, and staff work (reviews, paper sheets
typed). Official texts come in every language they exist in. See `samen.common.privacy`."""

from samen.common.privacy import when
from samen.common.translation import every_language
from samen.initiatives.models import Initiative, PaperSheet, Promoter, Signature

COVERS = (Initiative, Promoter, Signature, PaperSheet)


def export(user) -> dict:
    return {
        "initiatives_written": [
            {
                "id": initiative.pk,
                **every_language(initiative, "title", "text", "reasons"),
                "status": initiative.status,
                "created_at": when(initiative.created_at),
            }
            for initiative in Initiative.objects.filter(author=user).order_by("pk")
        ],
        "initiative_committees": [
            {
                "initiative_id": promoter.initiative_id,
                **every_language(promoter.initiative, "title"),
                "accepted_at": when(promoter.accepted_at),
            }
            for promoter in Promoter.objects.filter(user=user).select_related("initiative").order_by("pk")
        ],
        "signatures": [
            {
                "initiative_id": signature.initiative_id,
                **every_language(signature.initiative, "title"),
                "signed_at": when(signature.signed_at),
                "withdrawn_at": when(signature.withdrawn_at),
            }
            for signature in Signature.objects.filter(user=user).select_related("initiative").order_by("pk")
        ],
        "initiative_staff_work": {
            "initiatives_reviewed": list(
                Initiative.objects.filter(reviewed_by=user).order_by("pk").values_list("pk", flat=True)
            ),
            "paper_sheets_entered": list(
                PaperSheet.objects.filter(entered_by=user).order_by("pk").values("initiative_id", "reference")
            ),
        },
    }
