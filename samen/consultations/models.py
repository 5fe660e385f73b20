"""A consultation: one questionnaire per process, its questions, the residents' responses (online or on paper) and
the moderators' review of free-text answers before they are listed in public.

The rules of a questionnaire (what a question may be, what an answer is worth, how they are counted) live in
`samen.algorithms.questionnaire`; here are the texts in every language and the rows."""

from fractions import Fraction

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField

from samen.algorithms import questionnaire as rules_of
from samen.common.translation import FALLBACKS, official_fallback, official_field_errors

# Where a point on the map may be: the Brussels-Capital Region's bounding box (WGS 84 degrees).
BRUSSELS = rules_of.Area(west=Fraction("4.24"), south=Fraction("50.76"), east=Fraction("4.49"), north=Fraction("50.92"))


class Questionnaire(models.Model):
    process = models.OneToOneField("processes.Process", on_delete=models.CASCADE, related_name="questionnaire")
    intro = TranslatedField(
        models.TextField(_("introduction"), max_length=4000, blank=True), attrgetter=official_fallback
    )

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self):
        return str(self.process)

    def clean(self):
        errors = official_field_errors(self, "intro")
        if errors:
            raise ValidationError(errors)


class Question(models.Model):
    class Kind(models.TextChoices):  # the values of samen.algorithms.questionnaire.Kind
        SINGLE_CHOICE = rules_of.Kind.SINGLE_CHOICE.value, _("One choice")
        MULTIPLE_CHOICE = rules_of.Kind.MULTIPLE_CHOICE.value, _("Several choices")
        RANKING = rules_of.Kind.RANKING.value, _("Ranking")
        SCALE = rules_of.Kind.SCALE.value, _("Scale")
        SHORT_TEXT = rules_of.Kind.SHORT_TEXT.value, _("Short text")
        LONG_TEXT = rules_of.Kind.LONG_TEXT.value, _("Long text")
        MAP_POINT = rules_of.Kind.MAP_POINT.value, _("A point on the map")

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(_("key"), max_length=40, help_text=_("A short stable name, e.g. “cycling”: the CSV column."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    text = TranslatedField(models.CharField(_("question"), max_length=300, blank=True), attrgetter=official_fallback)
    help = TranslatedField(models.CharField(_("help text"), max_length=500, blank=True), attrgetter=official_fallback)
    required = models.BooleanField(_("required"), default=False)
    options = models.JSONField(
        _("options"),
        default=list,
        blank=True,
        help_text=_('Choices and rankings: [{"key": "yes", "label_nl": "Ja", "label_fr": "Oui"}, …]'),
    )
    max_choices = models.PositiveSmallIntegerField(_("at most this many choices"), null=True, blank=True)
    top = models.PositiveSmallIntegerField(
        _("rank only the first"), null=True, blank=True, help_text=_("Rankings: empty to rank every option.")
    )
    scale_min = models.SmallIntegerField(_("lowest value"), null=True, blank=True)
    scale_max = models.SmallIntegerField(_("highest value"), null=True, blank=True)
    min_label = TranslatedField(
        models.CharField(_("label of the lowest value"), max_length=100, blank=True), attrgetter=official_fallback
    )
    max_label = TranslatedField(
        models.CharField(_("label of the highest value"), max_length=100, blank=True), attrgetter=official_fallback
    )
    max_length = models.PositiveIntegerField(_("at most this many characters"), null=True, blank=True)
    condition_question = models.SlugField(
        _("shown only if question"), max_length=40, blank=True, help_text=_("The key of an earlier choice question.")
    )
    condition_option = models.SlugField(_("was answered with option"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "key"], name="question_key_once_per_questionnaire"),
            models.CheckConstraint(
                name="question_in_nl_and_fr",
                condition=~Q(text_nl="") & ~Q(text_fr=""),
                violation_error_message=_("A question needs its text in Dutch and in French."),
            ),
        ]

    def __str__(self):
        return self.text

    def clean(self):
        errors = official_field_errors(self, "text", required=True) | official_field_errors(self, "help")
        if self.kind == self.Kind.SCALE:
            errors |= official_field_errors(self, "min_label") | official_field_errors(self, "max_label")
        if not isinstance(self.options, list) or not all(
            isinstance(option, dict) and isinstance(option.get("key"), str) for option in self.options
        ):
            errors["options"] = _('Write the options as a list of {"key": …, "label_nl": …, "label_fr": …}.')
        elif any(not option.get("label_nl") or not option.get("label_fr") for option in self.options):
            errors["options"] = _("Every option needs a label in Dutch and in French.")
        if errors:
            raise ValidationError(errors)

    @property
    def option_keys(self) -> tuple[str, ...]:
        return tuple(option["key"] for option in self.options if isinstance(option, dict) and "key" in option)

    def option_label(self, key: str) -> str:
        """The option's label in the active language, falling back as official texts do."""
        for option in self.options:
            if option.get("key") == key:
                order = FALLBACKS.get((get_language() or "fr")[:2], FALLBACKS["fr"])
                return next((option[f"label_{code}"] for code in order if option.get(f"label_{code}")), key)
        return key

    def as_rule(self) -> rules_of.Question:
        """The question as the questionnaire's rules read it (samen.algorithms.questionnaire)."""
        condition = (
            rules_of.Condition(self.condition_question, self.condition_option) if self.condition_question else None
        )
        return rules_of.Question(
            key=self.key,
            kind=rules_of.Kind(self.kind),
            required=self.required,
            options=self.option_keys,
            max_choices=self.max_choices,
            top=self.top,
            minimum=self.scale_min,
            maximum=self.scale_max,
            max_length=self.max_length,
            area=BRUSSELS if self.kind == self.Kind.MAP_POINT else None,
            condition=condition,
        )


class Response(models.Model):
    """One person's answers, changeable until the consultation ends; or a paper response typed in by staff; or one a
    facilitator entered with the resident's consent (samen/assisted). Online, on paper or assisted, it keeps the
    person's pseudonym in this consultation (never their identity): one per person."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="responses")
    # The respondent; named `voter` as on every ballot, so that common.services.claim_ballot keeps it one per person.
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_responses",
        verbose_name=_("respondent"),
    )
    # accounts.verification.vote_pseudonym(person, "consultation:<pk>"); NULL for an unverified account
    voter_key = models.CharField(max_length=64, null=True, blank=True, editable=False)  # noqa: DJ001 (NULL: no key)
    answers = models.JSONField(default=dict)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    paper_reference = models.CharField(_("paper response number"), max_length=40, blank=True)
    # A response a facilitator entered for a resident met in person (samen/assisted): the resident's consent.
    consent = models.OneToOneField(
        "assisted.Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_response",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "voter"], name="one_response_per_account"),
            models.UniqueConstraint(
                fields=["questionnaire", "voter_key"],
                condition=Q(voter_key__isnull=False),
                name="one_response_per_person",
            ),
            models.UniqueConstraint(
                fields=["questionnaire", "paper_reference"],
                condition=~Q(paper_reference=""),
                name="paper_response_entered_once",
            ),
        ]

    def __str__(self):
        return f"Response {self.pk}"


class TextReview(models.Model):
    """A moderator's decision on one free-text answer: listed in public (approved) or kept out of the list. Without
    a review the answer waits; a changed answer loses its review and waits again."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Listed in public")
        HIDDEN = "hidden", _("Hidden")

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="text_reviews")
    question_key = models.SlugField(max_length=40)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question_key"], name="text_answer_reviewed_once"),
        ]

    def __str__(self):
        return f"{self.question_key}: {self.decision}"
