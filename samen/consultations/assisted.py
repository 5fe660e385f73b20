"""Questionnaire responses in assisted participation (samen/assisted/registry.py): which questionnaires a facilitator
can answer with a resident now, how the audit names an entered response, and a resident taking theirs over."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samen.assisted import services as assisted
from samen.assisted.models import Action
from samen.assisted.registry import AssistedKind, Opening
from samen.consultations.models import Questionnaire, Response


def openings(facilitator) -> list[Opening]:
    questionnaires = (
        Questionnaire.objects.filter(process__status="published").select_related("process").order_by("process__pk")
    )
    return [
        Opening(str(questionnaire.process.title), reverse("consultations:assisted", args=[questionnaire.process.slug]))
        for questionnaire in questionnaires
        if facilitator.has_perm("consultations.enter_assisted_responses", questionnaire.process)
    ]


def describe(consents) -> dict[int, tuple[str, str]]:
    responses = Response.objects.filter(consent__in=consents).select_related("questionnaire__process")
    return {
        response.consent_id: (
            _("Answers to the questionnaire of “%(process)s”") % {"process": response.questionnaire.process.title},
            reverse("consultations:answer", args=[response.questionnaire.process.slug]),
        )
        for response in responses
    }


def take_over(consents, user) -> tuple[list[int], list[str]]:
    """The response becomes the account's, so that the resident changes it online until the consultation ends; an
    account that already has a response there (given before it was verified) keeps it, and the clash is reported."""
    rows = Response.objects.filter(consent__in=consents).select_related("questionnaire__process")
    return assisted.hand_over(
        rows,
        user,
        clash=lambda response: (
            _(
                "Your answers to “%(process)s” stay as the facilitator entered them: this account already "
                "has answers there."
            )
            % {"process": response.questionnaire.process.title}
        ),
    )


KIND = AssistedKind(
    action=Action.QUESTIONNAIRE_RESPONSE,
    label=gettext_lazy("Questionnaire responses"),
    openings=openings,
    describe=describe,
    take_over=take_over,
)
