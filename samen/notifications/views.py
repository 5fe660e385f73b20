from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from samen.accounts.models import User
from samen.notifications import queries, services
from samen.notifications.forms import PreferencesForm
from samen.notifications.models import Kind, Rhythm
from samen.notifications.tokens import read_unsubscribe_token


@login_required
def preferences(request):
    """The signed-in resident's own choices; nobody else's can be reached from here."""
    user = request.user
    form = PreferencesForm(
        request.POST or None,
        rhythms={kind.value: queries.rhythm_of(user, kind) for kind in Kind},
        neighbourhood_codes=queries.chosen_neighbourhood_codes(user),
        topics=queries.chosen_topics(user),
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                services.set_preferences(
                    user=user,
                    rhythms=form.rhythms(),
                    neighbourhood_codes=form.cleaned_data["neighbourhoods"],
                    topics=form.cleaned_data["topics"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your choices are saved."))
                return redirect("notifications:settings")
        return render(request, "notifications/preferences.html", {"form": form}, status=422)
    return render(request, "notifications/preferences.html", {"form": form})


def _refusal(request, text: str):
    return render(request, "notifications/unsubscribe.html", {"refusal": text}, status=400)


@csrf_exempt  # the signed token is the proof (a forged one changes nothing); mail clients POST formless (RFC 8058)
def unsubscribe(request, token):
    """The link in every notice. A GET only asks (mail scanners and link previews open links); a POST, from the
    page's button or the mail client's one-click unsubscribe, sets the kinds it names to "never"."""
    try:
        target = read_unsubscribe_token(token)
    except signing.SignatureExpired:
        return _refusal(
            request,
            _(
                "This link has expired: the links in our e-mails work for %(days)s days. "
                "Sign in to choose which e-mails you receive."
            )
            % {"days": settings.SAMEN_UNSUBSCRIBE_DAYS},
        )
    except signing.BadSignature:
        return _refusal(
            request,
            _(
                "This link is not valid; your e-mail program may have cut it. "
                "Sign in to choose which e-mails you receive."
            ),
        )
    user = User.objects.filter(pk=target["user"], is_active=True).first()
    kinds = [Kind(kind) for kind in target["kinds"] if kind in Kind.values]
    if user is None or not kinds:
        return _refusal(request, _("This link is not valid any more: its account is closed."))
    if request.method == "POST":
        for kind in kinds:
            services.set_rhythm(user=user, kind=kind, rhythm=Rhythm.NEVER)
    stopped = all(queries.rhythm_of(user, kind) == Rhythm.NEVER for kind in kinds)
    context = {"labels": [kind.label for kind in kinds], "stopped": stopped, "done": request.method == "POST"}
    return render(request, "notifications/unsubscribe.html", context)
