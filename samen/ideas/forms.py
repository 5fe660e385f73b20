from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samen.assisted.forms import ConsentForm
from samen.common.forms import NeighbourhoodField
from samen.ideas.models import BODY_MAX, COMMENT_MAX, REASON_MAX, TITLE_MAX, Flag
from samen.ideas.queries import SORTS
from samen.ideas.services import Place, locate


class IdeaForm(forms.Form):
    """Shape of an idea; the service checks the rules (phase, theme, Region)."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    body = forms.CharField(
        label=_("Your idea"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown works: *italic*, **bold**, lists starting with a dash."),
    )
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=None, empty_label=None, widget=forms.RadioSelect)
    language = forms.ChoiceField(
        label=_("Language of your text"),
        choices=settings.LANGUAGES,
        help_text=_("So that readers and screen readers know which language you wrote in."),
    )
    neighbourhood_code = NeighbourhoodField(
        label=_("Neighbourhood"),
        empty_label=_("No particular place"),
        help_text=_("Where your idea would happen. A point on the map, if you set one, takes precedence."),
    )
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(label=_("Longitude"), required=False, min_value=-180, max_value=180)
    image = forms.ImageField(
        label=_("Image"), required=False, help_text=_("Optional. JPEG, PNG or WebP, at most 8 MB.")
    )

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = process.themes.all()
        self.fields["language"].initial = (get_language() or "fr")[:2]
        # While the title is typed, htmx asks for similar ideas (without JavaScript: a preview step).
        self.fields["title"].widget.attrs.update(
            {
                "hx-get": reverse("ideas:similar", kwargs={"slug": process.slug}),
                "hx-trigger": "input changed delay:500ms",
                "hx-target": "#similar-ideas",
                "hx-sync": "this:replace",
                "autocomplete": "off",
            }
        )

    def clean(self):
        data = super().clean()
        try:
            self.place = locate(
                latitude=data.get("latitude"),
                longitude=data.get("longitude"),
                neighbourhood_code=data.get("neighbourhood_code"),
            )
        except forms.ValidationError as error:
            self.place = Place()
            self.add_error("latitude" if error.code != "unknown_neighbourhood" else "neighbourhood_code", error)
        return data


class IdeaEditForm(IdeaForm):
    remove_image = forms.BooleanField(label=_("Remove the image"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["language"]


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 3}))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = (get_language() or "fr")[:2]


class CommentEditForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 3}))


class AssistedIdeaForm(IdeaForm, ConsentForm):
    """A facilitator posts a resident's idea: the idea's fields (no image) and the resident's consent."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["image"]
        self.fields["body"].label = _("The resident's idea")
        self.fields["language"].label = _("Language of the text")
        self.fields["neighbourhood_code"].help_text = _("Where the idea would happen.")
        for name in ("latitude", "longitude"):  # the map's fields: the facilitator's form has no map
            del self.fields[name]


class AssistedCommentForm(CommentForm, ConsentForm):
    """A facilitator posts a resident's comment on an idea, with the resident's consent."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["parent"]
        self.fields["body"].label = _("The resident's comment")


def idea_agreement(process) -> str:
    """The sentence the resident agrees to, in the language of the page the facilitator shows them."""
    return _(
        "The resident agreed that I post their idea in “%(process)s” for them. It is shown in public without their "
        "name, and they can take it over once their account is verified."
    ) % {"process": process.title}


def comment_agreement(idea) -> str:
    return _(
        "The resident agreed that I post their comment on the idea “%(title)s” for them. It is shown in public "
        "without their name, and they can take it over once their account is verified."
    ) % {"title": idea.title}


class IdeaFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    neighbourhood = NeighbourhoodField(label=_("Neighbourhood"), empty_label=_("All neighbourhoods"))
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            ("newest", _("Newest first")),
            ("most_supported", _("Most supported")),
            ("random", _("Random")),
        ],
    )

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [(t.slug, t.name) for t in process.themes.all()]

    @staticmethod
    def defaults() -> dict:
        return {"q": "", "theme": "", "neighbourhood": None, "sort": SORTS[0]}


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("What is wrong?"), choices=Flag.Reason.choices, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Details (optional)"), max_length=REASON_MAX, required=False)


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX,
        required=False,
        help_text=_("The author reads it when content is hidden."),
    )


class AssistedSupportForm(ConsentForm):
    """A facilitator enters a resident's support: who the resident is, their consent, and the idea they support."""

    def __init__(self, *args, ideas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["idea"] = forms.TypedChoiceField(
            label=_("The idea the resident supports"), choices=[(idea.pk, idea.title) for idea in ideas], coerce=int
        )
