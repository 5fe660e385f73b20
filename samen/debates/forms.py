"""Forms check shape; the services check the rules (an open debate, Dutch and French, who may)."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samen.debates.models import ARGUMENT_MAX, COMMENT_MAX, QUESTION_MAX, REASON_MAX, Argument

OFFICIAL = (("nl", _("Dutch")), ("fr", _("French")))


class _OfficialTexts(forms.Form):
    """One field per official language for each text; an empty one is named by the service's error."""

    TEXTS: tuple[tuple[str, object, int | None], ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label, max_length in self.TEXTS:
            for code, language in OFFICIAL:
                self.fields[f"{name}_{code}"] = forms.CharField(
                    label=label % {"language": language},
                    required=False,
                    max_length=max_length,
                    widget=forms.Textarea(attrs={"rows": 2 if max_length else 6}),
                    help_text=None
                    if max_length
                    else _("Markdown works: *italic*, **bold**, lists starting with a dash."),
                )

    def texts(self, name: str) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{name}_{code}", "") for code, _label in OFFICIAL}


class DebateForm(_OfficialTexts):
    TEXTS = (
        ("question", _("Question (%(language)s)"), QUESTION_MAX),
        ("introduction", _("Introduction (%(language)s, optional)"), None),
    )


class ConclusionForm(_OfficialTexts):
    TEXTS = (("conclusion", _("Conclusion (%(language)s)"), None),)


def _language_field():
    return forms.ChoiceField(
        label=_("Language of your text"),
        choices=settings.LANGUAGES,
        help_text=_("So that readers and screen readers know which language you wrote in."),
    )


class ArgumentForm(forms.Form):
    side = forms.ChoiceField(label=_("Your argument is"), choices=Argument.Side.choices, widget=forms.RadioSelect)
    text = forms.CharField(label=_("Your argument"), max_length=ARGUMENT_MAX, widget=forms.Textarea(attrs={"rows": 4}))
    language = _language_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = (get_language() or "fr")[:2]


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 3}))
    language = _language_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = (get_language() or "fr")[:2]


class ModerationForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=REASON_MAX)
