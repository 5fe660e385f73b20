"""Flagging, for every signed-in person; the queue, decisions and the log, for moderators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samen.common import phrases
from samen.common.http import safe_next
from samen.ideas import moderation
from samen.ideas.forms import DecisionForm, FlagForm
from samen.ideas.models import Comment, Idea, ModerationAction

MODELS = {"idea": Idea, "comment": Comment}
DECISIONS = {
    "hide": moderation.hide_content,
    "restore": moderation.restore_content,
    "approve": moderation.approve_content,
}


def _content(kind: str, pk: int):
    if kind not in MODELS:
        raise PermissionDenied(phrases.not_allowed)
    related = ("process",) if kind == "idea" else ("idea__process",)
    return get_object_or_404(MODELS[kind].objects.select_related(*related), pk=pk)


def _require_moderator(request) -> None:
    if not request.user.has_perm("ideas.moderate"):
        raise PermissionDenied(phrases.not_allowed)


@require_POST
@login_required
def flag(request, kind, pk):
    content = _content(kind, pk)
    form = FlagForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what is wrong with it."))
        return redirect(content)
    try:
        moderation.flag_content(flagger=request.user, content=content, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Thank you. A moderator will look at it."))
    return redirect(content)


@login_required
def queue(request):
    _require_moderator(request)
    context = {"items": moderation.moderation_queue(), "form": DecisionForm(), "others": moderation.other_queues()}
    return render(request, "ideas/moderation_queue.html", context)


@require_POST
@login_required
def decide(request, kind, pk, decision):
    _require_moderator(request)
    content = _content(kind, pk)
    form = DecisionForm(request.POST)
    if decision not in DECISIONS or not form.is_valid():
        raise PermissionDenied(phrases.not_allowed)
    try:
        DECISIONS[decision](moderator=request.user, content=content, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
        context = {"items": moderation.moderation_queue(), "form": form, "others": moderation.other_queues()}
        return render(request, "ideas/moderation_queue.html", context, status=422)
    messages.success(request, _("Done. The decision is in the moderation log."))
    return redirect(safe_next(request, request.POST.get("next"), reverse("moderation:queue")))


@login_required
def log(request):
    _require_moderator(request)
    actions = ModerationAction.objects.select_related("moderator", "idea", "comment")
    page = Paginator(actions, 50).get_page(request.GET.get("page"))
    return render(request, "ideas/moderation_log.html", {"page": page})
