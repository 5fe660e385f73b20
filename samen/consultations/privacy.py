"""Consultations' personal data: a resident's responses, and staff work (paper responses typed in, free-text answers
reviewed, responses entered with a resident). See `samen.common.privacy`."""

from samen.common.privacy import when
from samen.consultations.models import Response, TextReview

COVERS = (Response, TextReview)


def export(user) -> dict:
    return {
        "consultation_responses": [
            {
                "process": response.questionnaire.process.slug,
                "answers": response.answers,
                "updated_at": when(response.updated_at),
            }
            for response in Response.objects.filter(voter=user).select_related("questionnaire__process").order_by("pk")
        ],
        "consultation_staff_work": {
            "paper_responses_entered": Response.objects.filter(entered_by=user).exclude(paper_reference="").count(),
            "assisted_responses_entered": Response.objects.filter(entered_by=user, consent__isnull=False).count(),
            "text_answers_reviewed": TextReview.objects.filter(reviewed_by=user).count(),
        },
    }
