from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from translated_fields import TranslatedFieldAdmin

from samen.algorithms.timeline import Period, first_overlap
from samen.common import clock
from samen.common.images import prepare_image
from samen.common.topics import topic_choices
from samen.processes import notifications, queries
from samen.processes.models import Phase, Process, Theme

# Who may vote: fixed once a vote has opened, so that nobody is let in or shut out of a running ballot.
ELECTORATE = ["scope", "municipality_nis", "neighbourhood_code", "voters", "minimum_age"]


class PhaseForm(forms.ModelForm):
    """Once a vote of the process has opened, the phases that have started are its record: they keep their kind
    and dates and stay; later phases can still be planned."""

    def __init__(self, *args, voting_opened: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.voting_opened = voting_opened

    def clean(self):
        cleaned = super().clean()
        if not self.voting_opened:
            return cleaned
        now = clock.now()
        if self.instance.pk is not None and self.instance.period.opens_at() <= now:
            for name in ("kind", "first_day", "last_day"):
                if name in self.changed_data:
                    self.add_error(name, _("A vote has opened: a phase that has started keeps its kind and its dates."))
            if cleaned.get("DELETE"):
                # An error on DELETE also takes the form out of the deleted ones, so the formset is refused.
                self.add_error("DELETE", _("A vote has opened: a phase that has started cannot be deleted."))
        elif cleaned.get("first_day") and not cleaned.get("DELETE") and self._opens_by(cleaned["first_day"], now):
            self.add_error("first_day", _("A vote has opened: a new phase can start tomorrow at the earliest."))
        return cleaned

    @staticmethod
    def _opens_by(first_day, now) -> bool:
        return Period(first_day, first_day).opens_at() <= now


class PhaseFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.voting_opened = queries.voting_has_opened(self.instance)

    def get_form_kwargs(self, index):
        return super().get_form_kwargs(index) | {"voting_opened": self.voting_opened}

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
    form = PhaseForm
    formset = PhaseFormSet
    extra = 1


class ProcessAdminForm(forms.ModelForm):
    topics = forms.MultipleChoiceField(
        label=gettext_lazy("Topics"),
        choices=topic_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Residents who chose one of these topics hear of the process when it is published."),
    )

    class Meta:
        model = Process
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose)

    def clean_topics(self):
        return sorted(self.cleaned_data.get("topics") or [])

    def clean_cover(self):
        """A new picture is checked and stored as a clean JPEG without its metadata, as residents' images are."""
        cover = self.cleaned_data.get("cover")
        return prepare_image(cover) if isinstance(cover, UploadedFile) else cover


@admin.register(Process)
class ProcessAdmin(TranslatedFieldAdmin, admin.ModelAdmin):
    form = ProcessAdminForm
    list_display = ["__str__", "status", "scope", "created_at"]
    list_filter = ["status", "scope"]
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [ThemeInline, PhaseInline]
    fieldsets = [
        (None, {"fields": ["slug", "status"]}),
        (_("Texts"), {"fields": [*Process.title.fields, *Process.description.fields]}),
        (_("Cover image"), {"fields": ["cover", *Process.cover_alt.fields]}),
        (_("Scope"), {"fields": ["scope", "municipality_nis", "neighbourhood_code", "topics"]}),
        (_("Voters"), {"fields": ["voters", "minimum_age"]}),
        (_("Moderation"), {"fields": ["premoderation"]}),
    ]

    def save_model(self, request, obj, form, change):
        """Published from here as by `services.publish_process`: the residents who asked hear of it once."""
        super().save_model(request, obj, form, change)
        if obj.is_published and "status" in form.changed_data:
            notifications.announce_published(obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and queries.voting_has_opened(obj):
            fields += ELECTORATE
        return fields
