"""Jury scoring, the manager's ranking and publication, the ballot, the results and the follow-up."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samen.algorithms import ballot_files
from samen.common import phrases
from samen.common.http import INVALID, require
from samen.common.text import spreadsheet_safe
from samen.ideas.models import Idea
from samen.processes.models import Process
from samen.processes.views import get_visible_process
from samen.votes import queries, services
from samen.votes.forms import BallotForm, ReviewForm, ShortlistSizeForm, TextsForm


def _shortlist(request, slug):
    process = get_visible_process(request, slug)
    shortlist = queries.shortlist_of(process)
    if shortlist is None:
        raise Http404
    return process, shortlist


@login_required
def jury(request, slug):
    process, shortlist = _shortlist(request, slug)
    require(request, "votes.score_ideas", shortlist)
    ideas = queries.ideas_to_review(shortlist, request.user)
    return render(request, "votes/jury.html", {"process": process, "shortlist": shortlist, "ideas": ideas})


@login_required
def review(request, slug, pk):
    process, shortlist = _shortlist(request, slug)
    require(request, "votes.score_ideas", shortlist)
    idea = get_object_or_404(Idea, pk=pk, process=process)
    form = ReviewForm(request.POST or None, criteria=shortlist.criteria.all())
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.review_idea(
                    shortlist=shortlist,
                    juror=request.user,
                    idea=idea,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                    conflict_of_interest=form.cleaned_data["conflict_of_interest"],
                )
                messages.success(request, _("Your review of “%(title)s” is saved.") % {"title": idea.title})
                return redirect("votes:jury", slug=slug)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    context = {"process": process, "idea": idea, "form": form, "my_review": queries.review_of(idea, request.user)}
    return render(request, "votes/review.html", context, status=status)


@login_required
def ranking(request, slug):
    """The manager sees the jury's aggregate ranking, draws up the shortlist and publishes it with motivations."""
    process, shortlist = _shortlist(request, slug)
    require(request, "votes.view_jury_ranking", shortlist)
    entries = queries.entries_of(shortlist)
    size_form = ShortlistSizeForm(initial={"size": shortlist.size})
    motivation_forms = [
        TextsForm(
            request.POST if request.POST.get("action") == "publish" else None,
            prefix=f"entry-{entry.pk}",
            name="motivation",
            label=_("Motivation"),
            initial={f"motivation_{code}": getattr(entry, f"motivation_{code}") for code in ("nl", "fr", "en")},
        )
        for entry in entries
    ]
    status = 200
    try:
        if request.POST.get("action") == "draw":
            size_form = ShortlistSizeForm(request.POST)
            if size_form.is_valid():
                services.draw_up_shortlist(shortlist=shortlist, size=size_form.cleaned_data["size"], actor=request.user)
                return redirect("votes:ranking", slug=slug)
            status = INVALID
        elif request.POST.get("action") == "publish":
            if all(form.is_valid() for form in motivation_forms):
                motivations = {entry.pk: form.texts() for entry, form in zip(entries, motivation_forms, strict=True)}
                services.publish_shortlist(shortlist=shortlist, motivations=motivations, actor=request.user)
                messages.success(request, _("The shortlist is published."))
                return redirect("votes:shortlist", slug=slug)
            status = INVALID
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
        status = INVALID
    context = {
        "process": process,
        "shortlist": shortlist,
        "ranking": queries.jury_ranking(shortlist),
        "size_form": size_form,
        "entries": list(zip(entries, motivation_forms, strict=True)),
    }
    return render(request, "votes/ranking.html", context, status=status)


def shortlist_page(request, slug):
    """The published shortlist with the jury's motivations; during the vote, the ballot; after it, the result."""
    process, shortlist = _shortlist(request, slug)
    require(request, "votes.view_published_shortlist", shortlist)
    entries = queries.entries_of(shortlist)
    can_vote = request.user.has_perm("votes.cast_ballot", shortlist)
    ballot = queries.ballot_of(shortlist, request.user)
    chosen = [str(entry.idea_id) for entry in ballot.entries.all()] if ballot else []
    initial = {"ideas": chosen[0] if shortlist.max_choices == 1 and chosen else chosen}
    form = BallotForm(request.POST or None, initial=initial, entries=entries, max_choices=shortlist.max_choices)
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if form.is_valid():
            try:
                services.cast_ballot(shortlist=shortlist, voter=request.user, idea_ids=form.idea_ids())
                messages.success(request, _("Your ballot is saved. You can change it until the vote ends."))
                return redirect("votes:shortlist", slug=slug)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    counts = queries.running_counts(shortlist) if request.user.has_perm("votes.view_counts", shortlist) else None
    for entry in entries:
        entry.votes = counts.get(entry.pk) if counts is not None else None
    context = {
        "process": process,
        "shortlist": shortlist,
        "entries": entries,
        "form": form,
        "can_vote": can_vote,
        "ballot": ballot,
        "ended": queries.vote_has_ended(shortlist),
        "vote_phase": queries.vote_phase(shortlist),
    }
    return render(request, "votes/shortlist.html", context, status=status)


def _result(request, slug):
    process, shortlist = _shortlist(request, slug)
    if not request.user.has_perm("votes.view_results", shortlist):
        raise Http404  # not yet: nothing to show before the vote ends
    return process, shortlist, services.count_votes(shortlist=shortlist)


def results(request, slug):
    process, shortlist, result = _result(request, slug)
    outcome = result.outcome
    entries = {str(entry.idea_id): entry for entry in queries.entries_of(shortlist)}
    rows = [
        {"entry": entries[idea], "votes": outcome["tallies"][idea], "winner": idea in outcome["winners"]}
        for idea in outcome["ranking"]
    ]
    ties = [
        tie
        | {
            "ideas": [entries[idea] for idea in tie["candidates"]],
            "steps": [
                step | {"values": [(entries[idea], value) for idea, value in step["values"]]} for step in tie["steps"]
            ],
        }
        for tie in outcome["ties"]
    ]
    context = {
        "process": process,
        "shortlist": shortlist,
        "result": result,
        "rows": rows,
        "ties": ties,
        "unverified": phrases.unverified_count(outcome["ballots"])
        if process.voters == Process.Voters.SIGNED_IN
        else "",
    }
    return render(request, "votes/results.html", context)


def _csv(name: str, text: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def ballots_csv(request, slug):
    """Every ballot, anonymous and in an order that says nothing of who voted when: anyone can recount."""
    process, shortlist, _result_row = _result(request, slug)
    out = io.StringIO()
    ballot_files.write_ballots(queries.ballots_for_count(shortlist), out)
    return _csv(f"{process.slug}-ballots.csv", out.getvalue())


def shortlist_csv(request, slug):
    process, shortlist, _result_row = _result(request, slug)
    out = io.StringIO()
    # Titles are residents' text, never read by the count: neutralised for spreadsheets, ids and scores exact.
    ballot_files.write_shortlist(
        (
            (str(e.idea_id), e.jury_score_fraction, spreadsheet_safe(e.idea.title))
            for e in queries.entries_of(shortlist)
        ),
        out,
    )
    return _csv(f"{process.slug}-shortlist.csv", out.getvalue())
