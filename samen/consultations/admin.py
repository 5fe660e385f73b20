from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedFieldAdmin

from samen.consultations import services
from samen.consultations.models import Question, Questionnaire


class QuestionFormSet(BaseInlineFormSet):
    """The questions are checked together against the questionnaire's rules before any is saved: a broken
    definition (a condition on a later question, a scale without ends…) is refused in words."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form.instance
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE", False) and form.instance.key
        ]
        services.check_definition(sorted(kept, key=lambda question: question.position))


class QuestionInline(TranslatedFieldAdmin, admin.StackedInline):
    model = Question
    formset = QuestionFormSet
    extra = 1
    fieldsets = [
        (None, {"fields": ["position", "key", "kind", "required", *Question.text.fields, *Question.help.fields]}),
        (_("Choices and rankings"), {"fields": ["options", "max_choices", "top"]}),
        (_("Scales"), {"fields": ["scale_min", "scale_max", *Question.min_label.fields, *Question.max_label.fields]}),
        (_("Texts"), {"fields": ["max_length"]}),
        (_("Shown on a condition"), {"fields": ["condition_question", "condition_option"]}),
    ]

    # Once someone has answered, the questions stay as they were answered: a change would alter what the answers mean.
    def _answered(self, obj) -> bool:
        return obj is not None and obj.responses.exists()

    def has_add_permission(self, request, obj=None):
        return not self._answered(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._answered(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._answered(obj) and super().has_delete_permission(request, obj)


@admin.register(Questionnaire)
class QuestionnaireAdmin(TranslatedFieldAdmin, admin.ModelAdmin):
    list_display = ["__str__"]
    inlines = [QuestionInline]

    def get_readonly_fields(self, request, obj=None):
        return ["process"] if obj is not None else []
