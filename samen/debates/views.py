"""A process's debates, a debate's page (the question, the arguments for and against with their supports, the
comments, the conclusion once closed) with plain POST forms, and the manager's pages to put, edit and close one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samen.common.http import INVALID, require, safe_next
from samen.debates import queries, services
from samen.debates.forms import ArgumentForm, CommentForm, ConclusionForm, DebateForm, ModerationForm
from samen.debates.models import Argument, Debate, DebateComment
from samen.ideas.forms import FlagForm
from samen.ideas.models import Flag
from samen.processes.eligibility import why_not_eligible
from samen.processes.views import get_visible_process


def _debate(request, slug: str, pk: int) -> Debate:
    process = get_visible_process(request, slug)
    return get_object_or_404(Debate.objects.select_related("process"), process=process, pk=pk)


def debate_list(request, slug):
    process = get_visible_process(request, slug)
    context = {
        "process": process,
        "debates": queries.debates_of(process),
        "may_manage": request.user.has_perm("debates.manage_debates", process),
    }
    return render(request, "debates/debate_list.html", context)


def debate(request, slug, pk, *, found: Debate | None = None, status=200, **forms):
    found = found or _debate(request, slug, pk)
    user = request.user
    context = {
        "process": found.process,
        "debate": found,
        "sides": queries.arguments_of(found, viewer=user),
        "comments": queries.comments_of(found, viewer=user),
        "argument_form": forms.get("argument_form") or ArgumentForm(),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "may_argue": user.has_perm("debates.post_argument", found),
        "may_comment": user.has_perm("debates.comment", found),
        "may_manage": user.has_perm("debates.manage_debates", found.process),
        "may_moderate": user.has_perm("debates.moderate"),
        "report_reasons": Flag.Reason.choices,
        # Why a signed-in person cannot support arguments here (the process's electorate rule), in words.
        "not_eligible": why_not_eligible(found.process, user) if user.is_authenticated and found.is_open else None,
    }
    return render(request, "debates/debate.html", context, status=status)


def _refused(request, found: Debate, refusal: ValidationError, **forms):
    """The debate's page again, with the refusal in words (422: understood, but refused)."""
    messages.error(request, refusal.messages[0])
    return debate(request, found.process.slug, found.pk, found=found, status=INVALID, **forms)


@login_required
@require_POST
def post_argument(request, slug, pk):
    found = _debate(request, slug, pk)
    form = ArgumentForm(request.POST)
    if not form.is_valid():
        return debate(request, slug, pk, found=found, status=INVALID, argument_form=form)
    try:
        services.post_argument(
            debate=found,
            author=request.user,
            side=form.cleaned_data["side"],
            text=form.cleaned_data["text"],
            language=form.cleaned_data["language"],
        )
    except ValidationError as refusal:
        return _refused(request, found, refusal, argument_form=form)
    messages.success(request, _("Your argument is posted."))
    return redirect(found)


@login_required
@require_POST
def support(request, slug, pk, argument_pk):
    """Support an argument or withdraw the support; htmx swaps the argument's card alone."""
    found = _debate(request, slug, pk)
    argument = get_object_or_404(Argument.objects.select_related("debate__process"), debate=found, pk=argument_pk)
    withdraw = request.POST.get("action") == "withdraw"
    refusal = None
    try:
        if withdraw:
            services.withdraw_support(argument=argument, resident=request.user)
        else:
            services.support_argument(argument=argument, resident=request.user)
    except ValidationError as error:
        refusal = error
    if request.htmx:
        return _argument_card(request, found, argument_pk, refusal=refusal)
    if refusal is not None:
        return _refused(request, found, refusal)
    messages.success(request, _("Your support is withdrawn.") if withdraw else _("You support this argument."))
    return redirect(argument)


def _argument_card(request, found: Debate, argument_pk: int, *, refusal: ValidationError | None):
    sides = queries.arguments_of(found, viewer=request.user, pk=argument_pk)
    context = {
        "process": found.process,
        "debate": found,
        "argument": (sides.pros + sides.cons)[0],
        "may_moderate": request.user.has_perm("debates.moderate"),
        "report_reasons": Flag.Reason.choices,
        "refusal": refusal.messages[0] if refusal else "",
    }
    return render(request, "debates/debate.html#argument", context, status=INVALID if refusal else 200)


@login_required
@require_POST
def comment(request, slug, pk):
    found = _debate(request, slug, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return debate(request, slug, pk, found=found, status=INVALID, comment_form=form)
    try:
        services.comment_debate(
            debate=found, author=request.user, body=form.cleaned_data["body"], language=form.cleaned_data["language"]
        )
    except ValidationError as refusal:
        return _refused(request, found, refusal, comment_form=form)
    messages.success(request, _("Your comment is posted."))
    return redirect(f"{found.get_absolute_url()}#comments")


CONTENTS = {"argument": Argument, "comment": DebateComment}


def _content(found: Debate, kind: str, content_pk: int) -> Argument | DebateComment:
    model = CONTENTS.get(kind)
    if model is None:
        raise Http404
    content = get_object_or_404(model, debate=found, pk=content_pk)
    content.debate = found  # the rules read the debate and its process
    return content


@login_required
@require_POST
def moderate(request, slug, pk, kind, content_pk):
    """Hide or publish an argument or a comment, from the debate's page or from the debates' moderation queue (`next`
    leads back there)."""
    found = _debate(request, slug, pk)
    content = _content(found, kind, content_pk)
    require(request, "debates.moderate", content)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        return _refused(request, found, ValidationError(_("Give a reason: the author will read it.")))
    services.moderate(
        moderator=request.user,
        content=content,
        hide=request.POST.get("action") != "restore",
        reason=form.cleaned_data["reason"],
    )
    messages.success(request, _("The moderation decision is saved."))
    return redirect(safe_next(request, request.POST.get("next"), found.get_absolute_url()))


@login_required
@require_POST
def report(request, slug, pk, kind, content_pk):
    """Report an argument or a comment to the moderators."""
    found = _debate(request, slug, pk)
    content = _content(found, kind, content_pk)
    require(request, "debates.flag_content", content)
    form = FlagForm(request.POST)
    if not form.is_valid():
        return _refused(request, found, ValidationError(_("Choose what is wrong with it.")))
    try:
        services.report_content(reporter=request.user, content=content, **form.cleaned_data)
    except ValidationError as refusal:
        return _refused(request, found, refusal)
    messages.success(request, _("Thank you. A moderator will look at it."))
    anchor = f"argument-{content.pk}" if kind == "argument" else f"comment-{content.pk}"
    return redirect(f"{found.get_absolute_url()}#{anchor}")


@login_required
def moderation_queue(request):
    """The moderators' queue of debates: reported arguments and comments, and those waiting for approval."""
    require(request, "debates.moderate")
    return render(request, "debates/moderation_queue.html", {"items": queries.moderation_queue()})


def _manager_form(request, template: str, form, status: int, **context):
    return render(request, f"debates/{template}", {"form": form, **context}, status=status)


@login_required
def new_debate(request, slug):
    process = get_visible_process(request, slug)
    require(request, "debates.manage_debates", process)
    form = DebateForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                created = services.create_debate(
                    process=process,
                    by=request.user,
                    question=form.texts("question"),
                    introduction=form.texts("introduction"),
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                messages.success(request, _("The debate is open."))
                return redirect(created)
        return _manager_form(request, "debate_form.html", form, INVALID, process=process)
    return _manager_form(request, "debate_form.html", form, 200, process=process)


@login_required
def edit_debate(request, slug, pk):
    found = _debate(request, slug, pk)
    require(request, "debates.manage_debates", found.process)
    initial = {
        f"{name}_{code}": getattr(found, f"{name}_{code}")
        for name in ("question", "introduction")
        for code in ("nl", "fr")
    }
    form = DebateForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.update_debate(
                    debate=found,
                    by=request.user,
                    question=form.texts("question"),
                    introduction=form.texts("introduction"),
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                messages.success(request, _("The debate is saved."))
                return redirect(found)
        return _manager_form(request, "debate_form.html", form, INVALID, process=found.process, debate=found)
    return _manager_form(request, "debate_form.html", form, 200, process=found.process, debate=found)


@login_required
def close_debate(request, slug, pk):
    found = _debate(request, slug, pk)
    require(request, "debates.manage_debates", found.process)
    form = ConclusionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.close_debate(debate=found, by=request.user, conclusion=form.texts("conclusion"))
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                messages.success(request, _("The debate is closed and its conclusion published."))
                return redirect(found)
        return _manager_form(request, "close_form.html", form, INVALID, process=found.process, debate=found)
    return _manager_form(request, "close_form.html", form, 200, process=found.process, debate=found)
