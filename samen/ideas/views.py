from functools import cache

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from samen.accounts.models import User
from samen.assisted import queries as assisted_queries
from samen.common import phrases
from samen.common.http import INVALID, require
from samen.ideas import fragments, notifications, queries, services, similarity
from samen.ideas.forms import (
    AssistedCommentForm,
    AssistedIdeaForm,
    AssistedSupportForm,
    CommentEditForm,
    CommentForm,
    IdeaEditForm,
    IdeaForm,
    comment_agreement,
    idea_agreement,
)
from samen.ideas.models import TITLE_MAX, Comment, Follow, Idea, Visibility
from samen.processes import queries as process_queries
from samen.processes.phases import POST_IDEA
from samen.processes.views import get_visible_process


def _visible_idea(request, pk, *, lookup=queries.idea_for_page) -> Idea:
    try:
        idea = lookup(pk)
    except Idea.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("ideas.view_idea", idea):
        raise Http404
    return idea


def _comment_page_number(request, idea, shown_comment: int | None):
    """The comment page asked for (?comments=2), or the one showing a linked comment (?comment=<id>, as in the
    e-mails: the #comment-<id> part of a link never reaches the server)."""
    if shown_comment is None and request.GET.get("comment", "").isdigit():
        shown_comment = int(request.GET["comment"])
    if shown_comment is not None:
        return queries.page_of_comment(idea, shown_comment, viewer=request.user)
    return request.GET.get("comments", 1)


def _idea_page(
    request, idea, *, comment_form=None, error=None, status=200, partial=None, supported=None, shown_comment=None
):
    viewer = request.user
    # Callables: the template calls them only if the part it renders (a whole page or one partial) needs them.
    context = {
        "idea": idea,
        "process": idea.process,
        "comment_page": cache(
            lambda: queries.thread_page(idea, viewer=viewer, number=_comment_page_number(request, idea, shown_comment))
        ),
        "comment_form": cache(lambda: comment_form or CommentForm()),
        "supported": supported
        if supported is not None
        else lambda: viewer.is_authenticated and idea.supports.filter(resident=viewer).exists(),
        "following": lambda: viewer.is_authenticated and idea.follows.filter(follower=viewer).exists(),
        "assisted_supports": lambda: queries.assisted_support_count(idea) if idea.support_count else 0,
        "error": error,
    }
    template = "ideas/idea_detail.html"
    if partial and request.htmx:
        template += f"#{partial}"
    return render(request, template, context, status=status)


def idea_detail(request, pk):
    # The "more comments" link asks htmx for the next threads only; without JavaScript it loads the whole page.
    partial = "comment_threads" if "comments" in request.GET else None
    return _idea_page(request, _visible_idea(request, pk), partial=partial)


@login_required
def idea_create(request, slug):
    process = get_visible_process(request, slug)
    if not process_queries.phase_allows(process, POST_IDEA):
        raise PermissionDenied(phrases.phase_closed)
    if not request.user.has_perm("ideas.add_idea", process):
        raise PermissionDenied(phrases.not_allowed)
    form = IdeaForm(request.POST or None, request.FILES or None, process=process)
    status = 200
    if request.method == "POST":
        if form.is_valid() and not request.POST.get("seen_similar"):
            similar = similarity.similar_ideas(process, form.cleaned_data["title"])
            if similar:  # the preview step: without JavaScript this is where the hints appear
                context = {"form": form, "process": process, "similar": similar, "had_image": bool(request.FILES)}
                return render(request, "ideas/idea_form.html", context)
        if form.is_valid():
            try:
                idea = services.create_idea(
                    process=process,
                    author=request.user,
                    theme=form.cleaned_data["theme"],
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    language=form.cleaned_data["language"],
                    place=form.place,
                    image=form.cleaned_data["image"],
                )
            except ValidationError as error:
                form.add_error(
                    "image" if error.code in {"not_an_image", "image_format", "image_too_large"} else None,
                    error,
                )
            else:
                messages.success(request, _("Your idea is published. Thank you!"))
                return redirect(idea)
        status = INVALID
    return render(request, "ideas/idea_form.html", {"form": form, "process": process}, status=status)


@login_required
def idea_edit(request, pk):
    idea = _visible_idea(request, pk)
    if not request.user.has_perm("ideas.change_idea", idea):
        raise PermissionDenied(phrases.not_allowed)
    initial = {
        "title": idea.title,
        "body": idea.body,
        "theme": idea.theme,
        "neighbourhood_code": idea.neighbourhood_code,
        "latitude": idea.latitude,
        "longitude": idea.longitude,
    }
    form = IdeaEditForm(request.POST or None, request.FILES or None, process=idea.process, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.update_idea(
                    idea=idea,
                    actor=request.user,
                    theme=form.cleaned_data["theme"],
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    place=form.place,
                    image=form.cleaned_data["image"],
                    remove_image=form.cleaned_data["remove_image"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if idea.visibility == Visibility.PENDING and idea.author_id == request.user.pk:
                    messages.success(
                        request,
                        _("Your changes are saved. A moderator will review them before the idea is shown to others."),
                    )
                else:
                    messages.success(request, _("Your changes are saved."))
                return redirect(idea)
        status = INVALID
    return render(request, "ideas/idea_form.html", {"form": form, "process": idea.process, "idea": idea}, status=status)


@login_required
def idea_delete(request, pk):
    idea = _visible_idea(request, pk)
    if not request.user.has_perm("ideas.delete_idea", idea):
        raise PermissionDenied(phrases.not_allowed)
    status = 200
    if request.method == "POST":
        try:
            services.delete_idea(idea=idea, actor=request.user)
            messages.success(request, _("The idea is deleted."))
            return redirect(idea.process)
        except ValidationError as refusal:
            messages.error(request, refusal.messages[0])
            status = INVALID
    return render(request, "ideas/confirm_delete.html", {"object": idea, "process": idea.process}, status=status)


@require_POST
@login_required
def comment_create(request, pk):
    idea = _visible_idea(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = Comment.objects.filter(pk=form.cleaned_data["parent"], idea=idea).first()
            if parent is None:
                form.add_error(None, _("The comment you reply to no longer exists."))
        if not form.errors:
            try:
                comment = services.add_comment(
                    idea=idea,
                    author=request.user,
                    body=form.cleaned_data["body"],
                    language=form.cleaned_data["language"],
                    parent=parent,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if request.htmx:
                    return _idea_page(request, idea, partial="comments", shown_comment=comment.pk)
                return redirect(comment)
    replied_to = form.cleaned_data.get("parent")  # a refused reply: show the page with its thread
    return _idea_page(request, idea, comment_form=form, status=INVALID, partial="comments", shown_comment=replied_to)


@login_required
def assisted_idea(request, slug):
    """A facilitator posts the idea of a resident met in person, with their consent (samen/assisted). The form comes
    back to itself: under pre-moderation the idea is not shown, not even to the facilitator, until approved."""
    process = get_visible_process(request, slug)
    require(request, "ideas.post_assisted_idea", process)
    form = AssistedIdeaForm(
        request.POST or None,
        process=process,
        agreement=idea_agreement(process),
        initial={"place": assisted_queries.last_place(request.user)},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                idea = services.post_assisted_idea(
                    process=process,
                    facilitator=request.user,
                    consent=form.given(),
                    theme=data["theme"],
                    title=data["title"],
                    body=data["body"],
                    language=data["language"],
                    place=form.place,
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                if idea.visibility == Visibility.PENDING:
                    messages.success(
                        request,
                        _(
                            "The resident's idea is posted, with their consent. A moderator reviews it before it is "
                            "shown."
                        ),
                    )
                else:
                    messages.success(request, _("The resident's idea is posted, with their consent."))
                return redirect("ideas:assisted_idea", slug=slug)
        status = INVALID
    return render(request, "ideas/assisted_idea.html", {"form": form, "process": process}, status=status)


@login_required
def assisted_comment(request, pk):
    """A facilitator comments on an idea for a resident met in person, with their consent (samen/assisted)."""
    idea = _visible_idea(request, pk)
    require(request, "ideas.comment_assisted", idea)
    form = AssistedCommentForm(
        request.POST or None,
        agreement=comment_agreement(idea),
        initial={"place": assisted_queries.last_place(request.user)},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                comment = services.comment_assisted(
                    idea=idea,
                    facilitator=request.user,
                    consent=form.given(),
                    body=form.cleaned_data["body"],
                    language=form.cleaned_data["language"],
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                if comment.visibility == Visibility.PENDING:
                    messages.success(
                        request,
                        _(
                            "The resident's comment is posted, with their consent. A moderator reviews it before it "
                            "is shown."
                        ),
                    )
                else:
                    messages.success(request, _("The resident's comment is posted, with their consent."))
                return redirect(idea)
        status = INVALID
    context = {"form": form, "idea": idea, "process": idea.process}
    return render(request, "ideas/assisted_comment.html", context, status=status)


def _own_comment(request, pk, permission) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("idea__process", "author"), pk=pk)
    if not request.user.has_perm("processes.view_process", comment.idea.process):
        raise Http404
    if not request.user.has_perm(permission, comment):
        raise PermissionDenied(phrases.not_allowed)
    return comment


@login_required
def comment_edit(request, pk):
    comment = _own_comment(request, pk, "ideas.change_comment")
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.update_comment(comment=comment, actor=request.user, body=form.cleaned_data["body"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(comment)
        status = INVALID
    return render(
        request,
        "ideas/comment_form.html",
        {"form": form, "comment": comment, "process": comment.idea.process},
        status=status,
    )


@login_required
def comment_delete(request, pk):
    comment = _own_comment(request, pk, "ideas.delete_comment")
    if request.method == "POST":
        services.delete_comment(comment=comment, actor=request.user)
        messages.success(request, _("The comment is deleted."))
        return redirect(comment.idea)
    return render(request, "ideas/confirm_delete.html", {"object": comment, "process": comment.idea.process})


@require_POST
@login_required
def support(request, pk):
    """Support or withdraw: the form says which, so a repeated click cannot silently undo the first."""
    idea = _visible_idea(request, pk, lookup=queries.idea_for_action)
    error, status, change = None, 200, -1
    try:
        if request.POST.get("action") == "withdraw":
            services.withdraw_support(idea=idea, resident=request.user)
        else:
            given = services.support_idea(idea=idea, resident=request.user)
            change = 0 if getattr(given, "counted_before", False) else 1
    except ValidationError as refusal:
        error, status = refusal.messages[0], INVALID
    except PermissionDenied:
        # Refused by the process's electorate rule: say why in words, on the page or in the box (else a plain 403).
        error, status = fragments.why_not_supporting(idea, request.user), 403
        if error is None:
            raise
    if error is None and not request.htmx:
        return redirect(idea)
    supported = None if error else request.POST.get("action") != "withdraw"
    if supported is not None:  # the count read with the idea, just before this change, and this change
        idea.support_count += change
    if request.htmx:  # the box alone, without the template engine (see fragments.py)
        if supported is None:
            supported = idea.supports.filter(resident=request.user).exists()
        return HttpResponse(fragments.support_box(request, idea, supported=supported, error=error), status=status)
    return _idea_page(request, idea, error=error, status=status, supported=supported)


@require_POST
@login_required
def follow(request, pk):
    idea = _visible_idea(request, pk)
    if request.POST.get("action") == "unfollow":
        services.unfollow_idea(idea=idea, follower=request.user)
    else:
        services.follow_idea(idea=idea, follower=request.user)
    if request.htmx:
        return _idea_page(request, idea, partial="follow")
    return redirect(idea)


@csrf_exempt  # the signed token in the address is the proof; mail clients POST here without a form (RFC 8058)
def unsubscribe(request, token):
    """The link in a follower's e-mail. A GET only asks (mail scanners and link previews open links); a POST stops
    following, from the page's button or the mail client's one-click unsubscribe, or follows again."""
    try:
        target = notifications.read_unsubscribe_token(token)
    except signing.SignatureExpired:
        refusal = _(
            "This link has expired: the links in our e-mails work for %(days)s days. "
            "Sign in to stop following the idea from its page."
        ) % {"days": settings.SAMEN_UNSUBSCRIBE_DAYS}
        return render(request, "ideas/unsubscribe.html", {"refusal": refusal}, status=400)
    except signing.BadSignature:
        refusal = _(
            "This link is not valid; your e-mail program may have cut it. "
            "Sign in to stop following the idea from its page."
        )
        return render(request, "ideas/unsubscribe.html", {"refusal": refusal}, status=400)
    idea = get_object_or_404(Idea, pk=target["idea"])
    follower = get_object_or_404(User, pk=target["follower"])
    followed_again = request.method == "POST" and request.POST.get("action") == "follow"
    if followed_again:
        services.follow_idea(idea=idea, follower=follower)
    elif request.method == "POST":
        services.unfollow_idea(idea=idea, follower=follower)
    following = Follow.objects.filter(idea=idea, follower=follower).exists()
    context = {"idea": idea, "following": following, "followed_again": followed_again}
    return render(request, "ideas/unsubscribe.html", context)


SIMILAR_HINTS_RATE = "30/m"  # a title typed with pauses; each call runs the sentence encoder


def _per_signed_in_person(group, request):
    """A signed-in person's own limit, whichever addresses they call from; anonymous calls count per address only."""
    return SIMILAR_HINTS_RATE if request.user.is_authenticated else None


@ratelimit(key="ip", rate=SIMILAR_HINTS_RATE, block=True)
@ratelimit(key="user", rate=_per_signed_in_person, block=True)
def similar(request, slug):
    """The hints shown while a title is typed (an htmx fragment); limited, as it runs the sentence encoder."""
    process = get_visible_process(request, slug)
    found = similarity.similar_ideas(process, request.GET.get("title", "")[:TITLE_MAX])
    return render(request, "ideas/similar_ideas.html", {"similar": found})


def assisted_agreement(process) -> str:
    """The sentence the resident agrees to, in the language of the page the facilitator shows them."""
    return _(
        "The resident agreed that I enter their support of the idea they chose in “%(process)s” for them, and that "
        "it counts as their one support of that idea."
    ) % {"process": process.title}


@login_required
def assisted_support(request, slug):
    """A facilitator enters the support of a resident met in person, with their consent (samen/assisted)."""
    process = get_visible_process(request, slug)
    require(request, "ideas.enter_assisted_supports", process)
    ideas = list(queries.supportable_ideas(process))
    chosen = request.GET.get("idea", "")
    form = AssistedSupportForm(
        request.POST or None,
        ideas=ideas,
        agreement=assisted_agreement(process),
        initial={"place": assisted_queries.last_place(request.user), "idea": int(chosen) if chosen.isdigit() else None},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            idea = next(idea for idea in ideas if idea.pk == form.cleaned_data["idea"])
            try:
                services.support_assisted(idea=idea, facilitator=request.user, consent=form.given())
                messages.success(request, _("The resident's support is entered, with their consent."))
                return redirect("ideas:assisted_support", slug=slug)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    context = {"process": process, "form": form, "assisted_count": queries.assisted_supports_in(process)}
    return render(request, "ideas/assisted_support.html", context, status=status)
