"""Every write on the jury, the shortlist, the ballots, the count and the follow-up goes through here."""

from datetime import datetime
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samen.algorithms import approval
from samen.algorithms.ties import TieBreak
from samen.common import clock
from samen.common.replica import reads_from_primary
from samen.common.services import Texts, claim_ballot, require_perm, translated_columns
from samen.common.translation import missing_official_languages
from samen.ideas.models import Idea, Visibility
from samen.processes.eligibility import lock_voter, voter_key
from samen.votes import notifications, queries
from samen.votes.models import Ballot, Criterion, Entry, JuryMember, Result, Review, Score, Shortlist


def _require_official(texts: Texts, *, what: str) -> None:
    """Brussels' official texts exist in Dutch and French: say which is missing, before anything is saved."""
    missing = missing_official_languages(texts)
    if missing:
        names = {"nl": _("Dutch"), "fr": _("French")}
        raise ValidationError(
            _("%(what)s is missing in: %(languages)s.")
            % {"what": what, "languages": ", ".join(str(names[code]) for code in missing)},
            code="official_text_missing",
        )


def create_shortlist(
    *,
    process,
    lottery_seed: str,
    size: int = 5,
    winners: int = 2,
    max_choices: int = 1,
    hide_running_counts: bool = True,
    tie_break: str = "jury,lottery",
) -> Shortlist:
    """The rules of the vote, tie-break and seed included, are set here, before the vote opens."""
    shortlist = Shortlist(
        process=process,
        size=size,
        winners=winners,
        max_choices=max_choices,
        hide_running_counts=hide_running_counts,
        tie_break=tie_break,
        lottery_seed=lottery_seed,
    )
    shortlist.full_clean()
    shortlist.save()
    return shortlist


def appoint_juror(*, shortlist: Shortlist, member) -> JuryMember:
    juror, _created = JuryMember.objects.get_or_create(shortlist=shortlist, member=member)
    return juror


def add_criterion(
    *, shortlist: Shortlist, name: Texts, weight: int = 1, scale: int = 5, description: Texts | None = None
) -> Criterion:
    _require_official(name, what=_("The criterion's name"))
    criterion = Criterion(
        shortlist=shortlist,
        weight=weight,
        scale=scale,
        position=shortlist.criteria.count(),
        **translated_columns("name", name),
        **translated_columns("description", description),
    )
    criterion.full_clean()
    criterion.save()
    return criterion


def review_idea(
    *,
    shortlist: Shortlist,
    juror,
    idea: Idea,
    scores: dict[int, int] | None = None,
    comment: str = "",
    conflict_of_interest: bool = False,
) -> Review:
    """A juror scores an idea once, on every criterion; or declares a conflict of interest and scores nothing."""
    require_perm(juror, "votes.score_ideas", shortlist)
    if idea.process_id != shortlist.process_id or idea.visibility != Visibility.PUBLISHED:
        raise ValidationError(_("This idea is not part of this process."), code="foreign_idea")
    criteria = list(shortlist.criteria.all())
    scores = {} if conflict_of_interest else dict(scores or {})
    if not conflict_of_interest:
        for criterion in criteria:
            value = scores.get(criterion.pk)
            if value is None or not 0 <= value <= criterion.scale:
                raise ValidationError(
                    _("Give “%(criterion)s” a score from 0 to %(scale)s.")
                    % {"criterion": criterion.name, "scale": criterion.scale},
                    code="score_out_of_range",
                )
        if set(scores) - {criterion.pk for criterion in criteria}:
            raise ValidationError(_("Score only this jury's criteria."), code="unknown_criterion")
    try:
        with transaction.atomic():
            review = Review.objects.create(
                shortlist=shortlist,
                idea=idea,
                juror=juror,
                comment=comment.strip(),
                conflict_of_interest=conflict_of_interest,
            )
            Score.objects.bulk_create(
                Score(review=review, criterion_id=criterion_id, value=value) for criterion_id, value in scores.items()
            )
    except IntegrityError:
        raise ValidationError(_("You have already reviewed this idea."), code="already_reviewed") from None
    return review


def draw_up_shortlist(*, shortlist: Shortlist, size: int, actor) -> list[Entry]:
    """Take the `size` best ideas of the jury's ranking, with their aggregate scores, as the draft shortlist."""
    require_perm(actor, "votes.manage_shortlist", shortlist)
    if shortlist.is_published:
        raise ValidationError(_("The shortlist is already published."), code="already_published")
    ranking = queries.jury_ranking(shortlist)
    if not shortlist.winners <= size <= len(ranking):
        raise ValidationError(
            _("Choose a shortlist of %(low)s to %(high)s ideas: the jury has scored %(high)s.")
            % {"low": shortlist.winners, "high": len(ranking)},
            code="bad_shortlist_size",
        )
    with transaction.atomic():
        shortlist.entries.all().delete()
        entries = Entry.objects.bulk_create(
            Entry(
                shortlist=shortlist,
                idea=idea,
                position=position,
                jury_score=str(aggregate.score),
                jurors=aggregate.jurors,
            )
            for position, (idea, aggregate) in enumerate(ranking[:size], start=1)
        )
        shortlist.size = size
        shortlist.save(update_fields=["size"])
    return entries


def publish_shortlist(*, shortlist: Shortlist, motivations: dict[int, Texts], actor, now: datetime | None = None):
    """Publish the shortlist with the jury's motivation for each idea, in Dutch and French at least."""
    require_perm(actor, "votes.manage_shortlist", shortlist)
    if shortlist.is_published:
        raise ValidationError(_("The shortlist is already published."), code="already_published")
    entries = queries.entries_of(shortlist)
    if not entries:
        raise ValidationError(_("Draw up the shortlist first."), code="empty_shortlist")
    for entry in entries:
        texts = motivations.get(entry.pk, {})
        _require_official(texts, what=_("The motivation for “%(title)s”") % {"title": entry.idea.title})
    with transaction.atomic():
        for entry in entries:
            for language, text in translated_columns("motivation", motivations[entry.pk]).items():
                setattr(entry, language, text)
            entry.save()
        shortlist.published_at = now or clock.now()
        shortlist.save(update_fields=["published_at"])
        notifications.announce_shortlist(shortlist)
    return shortlist


def cast_ballot(*, shortlist: Shortlist, voter, idea_ids: list[int]) -> Ballot:
    """Cast or replace the voter's one ballot; the unique constraint and a row lock keep it one under races."""
    require_perm(voter, "votes.cast_ballot", shortlist)
    entries = {entry.idea_id: entry for entry in shortlist.entries.all()}
    chosen = set(idea_ids)
    if not chosen:
        raise ValidationError(_("Choose at least one idea."), code="empty_ballot")
    if chosen - entries.keys():
        raise ValidationError(_("You can only vote for ideas on the shortlist."), code="not_shortlisted")
    if len(chosen) > shortlist.max_choices:
        raise ValidationError(
            ngettext("Choose one idea at most.", "Choose %(count)d ideas at most.", shortlist.max_choices)
            % {"count": shortlist.max_choices},
            code="too_many_choices",
        )
    key = voter_key(voter, f"shortlist:{shortlist.pk}")
    with transaction.atomic():
        lock_voter(voter)
        ballot = claim_ballot(Ballot, vote={"shortlist": shortlist}, voter=voter, key=key)
        ballot.entries.set([entries[idea_id] for idea_id in chosen])
    return ballot


@reads_from_primary()
def count_votes(*, shortlist: Shortlist, now: datetime | None = None) -> Result:
    """Count once the vote has ended (algorithms/approval.py); the same ballots always give the same result."""
    if not queries.vote_has_ended(shortlist, now=now):
        raise ValidationError(_("The vote has not ended yet."), code="vote_running")
    existing = Result.objects.filter(shortlist=shortlist).first()
    if existing:
        return existing
    tie_break = tie_break_of(shortlist)
    outcome = approval.count(
        queries.ballots_for_count(shortlist),
        [str(entry.idea_id) for entry in shortlist.entries.all()],
        winners=shortlist.winners,
        max_choices=shortlist.max_choices,
        tie_break=tie_break,
    )
    try:
        with transaction.atomic():
            result = Result.objects.create(shortlist=shortlist, outcome=approval.outcome_as_json(outcome, tie_break))
            notifications.announce_result(shortlist)
            return result
    except IntegrityError:  # counted by a concurrent request: the same ballots, the same result
        return Result.objects.get(shortlist=shortlist)


def tie_break_of(shortlist: Shortlist) -> TieBreak:
    return TieBreak(
        steps=tuple(shortlist.tie_break.split(",")),
        seed=shortlist.lottery_seed,
        jury_scores={idea: Fraction(score) for idea, score in queries.jury_scores(shortlist).items()},
    )
