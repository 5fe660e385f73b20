from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from translated_fields import TranslatedFieldAdmin

from samen.algorithms.timeline import Period, first_overlap
from samen.processes.models import Phase, Process, Theme


class PhaseFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("first_day")
            and form.cleaned_data.get("last_day")
        ]
        periods = [Period(data["first_day"], data["last_day"]) for data in kept]
        overlap = first_overlap(periods)
        if overlap:
            first, second = (periods[i] for i in overlap)
            raise forms.ValidationError(
                _("Phases may not overlap: %(first)s to %(first_end)s and %(second)s to %(second_end)s share days."),
                code="phases_overlap",
                params={
                    "first": first.first_day,
                    "first_end": first.last_day,
                    "second": second.first_day,
                    "second_end": second.last_day,
                },
            )


class ThemeInline(TranslatedFieldAdmin, admin.TabularInline):
    model = Theme
    extra = 1
    prepopulated_fields = {"slug": ("name_en",)}


class PhaseInline(TranslatedFieldAdmin, admin.TabularInline):
    model = Phase
    formset = PhaseFormSet
    extra = 1


@admin.register(Process)
class ProcessAdmin(TranslatedFieldAdmin, admin.ModelAdmin):
    list_display = ["__str__", "status", "scope", "created_at"]
    list_filter = ["status", "scope"]
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [ThemeInline, PhaseInline]
    fieldsets = [
        (None, {"fields": ["slug", "status"]}),
        (_("Texts"), {"fields": [*Process.title.fields, *Process.description.fields]}),
        (_("Scope"), {"fields": ["scope", "municipality_nis", "neighbourhood_code"]}),
        (_("Voters"), {"fields": ["voters", "minimum_age"]}),
        (_("Moderation"), {"fields": ["premoderation"]}),
    ]
