"""The managers' forms: a meeting (its owner, its texts in Dutch and French, Brussels time, place and link,
accessibility, registration), and its minutes and decisions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.common import phrases
from samen.common.geography import is_in_region
from samen.meetings.models import Meeting
from samen.panels.models import Council
from samen.processes.models import Process

# What a datetime-local input sends and shows; Django reads it in the current time zone, Europe/Brussels.
LOCAL = "%Y-%m-%dT%H:%M"


def _local(label):
    return forms.DateTimeField(
        label=label,
        input_formats=[LOCAL, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL),
        help_text=_("Brussels time."),
    )


class MeetingForm(forms.ModelForm):
    starts_at = _local(_("Starts at"))
    ends_at = _local(_("Ends at"))
    online_link = forms.URLField(
        label=_("Online link (optional with an address)"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = Meeting
        fields = [
            "process",
            "council",
            "title_nl",
            "title_fr",
            "title_en",
            "agenda_nl",
            "agenda_fr",
            "agenda_en",
            "starts_at",
            "ends_at",
            "address",
            "latitude",
            "longitude",
            "online_link",
            "step_free",
            "interpretation",
            "childcare",
            "capacity",
            "verified_only",
        ]
        labels = {
            "process": _("Process (optional)"),
            "council": _("Neighbourhood council (optional)"),
            "title_nl": _("Title (Dutch)"),
            "title_fr": _("Title (French)"),
            "title_en": _("Title (English, optional)"),
            "agenda_nl": _("Agenda (Dutch)"),
            "agenda_fr": _("Agenda (French)"),
            "agenda_en": _("Agenda (English, optional)"),
            "address": _("Address (optional with an online link)"),
            "latitude": _("Latitude (optional)"),
            "longitude": _("Longitude (optional)"),
        }
        help_texts = {
            "process": _("A meeting of a process, of a neighbourhood council, or of neither: the platform's own."),
            "latitude": _("The map point, for example 50.8768 and 4.3497."),
        }
        widgets = {
            "agenda_nl": forms.Textarea(attrs={"rows": 5}),
            "agenda_fr": forms.Textarea(attrs={"rows": 5}),
            "agenda_en": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = Process.objects.order_by("title_nl")
        self.fields["council"].queryset = Council.objects.order_by("name_nl")
        for name in ("title_nl", "title_fr", "agenda_nl", "agenda_fr"):
            self.fields[name].required = True

    def clean(self):
        data = super().clean()
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None):
            self.add_error("longitude", _("Give both the latitude and the longitude of the map point, or neither."))
        elif latitude is not None and not is_in_region(longitude=longitude, latitude=latitude):
            self.add_error("latitude", phrases.outside_region)
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        return data


class MinutesForm(forms.Form):
    """What was said and decided; the minutes in both languages, the decisions in both or neither."""

    minutes_nl = forms.CharField(label=_("Minutes (Dutch)"), widget=forms.Textarea(attrs={"rows": 8}))
    minutes_fr = forms.CharField(label=_("Minutes (French)"), widget=forms.Textarea(attrs={"rows": 8}))
    minutes_en = forms.CharField(
        label=_("Minutes (English, optional)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    decisions_nl = forms.CharField(
        label=_("Decisions (Dutch)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    decisions_fr = forms.CharField(
        label=_("Decisions (French)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    decisions_en = forms.CharField(
        label=_("Decisions (English, optional)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def texts(self, name: str) -> dict[str, str]:
        return {language: self.cleaned_data.get(f"{name}_{language}", "") for language in ("nl", "fr", "en")}
