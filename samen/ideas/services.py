"""Every write on ideas goes through here: the web views, the admin, the demo loader and later the API."""

from contextlib import nullcontext
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import RestrictedError
from django.utils.translation import gettext as _

from samen.accounts.models import CensusEntry
from samen.accounts.verification import vote_pseudonym
from samen.assisted import services as assisted
from samen.assisted.models import Action
from samen.common import page_cache, phrases
from samen.common.geography import is_in_region, neighbourhood_at, neighbourhoods
from samen.common.images import prepare_image
from samen.common.media import delete_file_after_commit
from samen.common.services import require_perm
from samen.ideas.models import Comment, Follow, Idea, Support, Visibility
from samen.ideas.moderation import record_edit, require_posting_allowance
from samen.ideas.notifications import announce_comment
from samen.ideas.similarity import title_vector
from samen.processes import queries as process_queries
from samen.processes.eligibility import lock_voter, voter_key, why_not_eligible_person
from samen.processes.models import Process, Theme
from samen.processes.phases import COMMENT, POST_IDEA, SUPPORT


@dataclass(frozen=True)
class Place:
    latitude: float | None = None
    longitude: float | None = None
    neighbourhood_code: int | None = None
    municipality_nis: str = ""


def locate(*, latitude: float | None, longitude: float | None, neighbourhood_code: int | None) -> Place:
    """A point wins over a chosen neighbourhood: its neighbourhood and municipality follow from the boundaries."""
    if (latitude is None) != (longitude is None):
        raise ValidationError(_("Give both the latitude and the longitude, or neither."), code="half_a_point")
    if latitude is not None:
        if not is_in_region(longitude=longitude, latitude=latitude):
            raise ValidationError(phrases.outside_region, code="outside_region")
        found = neighbourhood_at(longitude=longitude, latitude=latitude)
        return Place(
            latitude=latitude,
            longitude=longitude,
            neighbourhood_code=found.code if found else None,
            municipality_nis=found.municipality_nis if found else "",
        )
    if neighbourhood_code is not None:
        neighbourhood = neighbourhoods().get(neighbourhood_code)
        if neighbourhood is None:
            raise ValidationError(_("Choose a neighbourhood from the list."), code="unknown_neighbourhood")
        return Place(neighbourhood_code=neighbourhood.code, municipality_nis=neighbourhood.municipality_nis)
    return Place()


def _require_phase(process: Process, action: str) -> None:
    if not process_queries.phase_allows(process, action):
        raise ValidationError(phrases.phase_closed, code="phase_closed")


def _first_visibility(process: Process) -> str:
    """Under pre-moderation a new post waits for a moderator; otherwise it is public at once."""
    return Visibility.PENDING if process.premoderation else Visibility.PUBLISHED


def _visibility_after_edit(content: Idea | Comment, actor) -> str:
    """Under pre-moderation an author's edit goes back to the moderators: what they approved is no longer what is
    shown. A moderator's edit of someone else's words keeps its visibility (and is logged instead)."""
    if content.process.premoderation and content.author_id == actor.pk and content.visibility == Visibility.PUBLISHED:
        return Visibility.PENDING
    return content.visibility


def _new_idea(*, process: Process, theme: Theme, title: str, body: str, language: str, place: Place, **who) -> Idea:
    """An idea as posted, online or with a facilitator (`who`: its author, or who entered it), not yet saved."""
    if theme.process_id != process.pk:
        raise ValidationError(_("Choose one of this process's themes."), code="foreign_theme")
    return Idea(
        process=process,
        theme=theme,
        title=title.strip(),
        body=body.strip(),
        language=language,
        latitude=place.latitude,
        longitude=place.longitude,
        neighbourhood_code=place.neighbourhood_code,
        municipality_nis=place.municipality_nis,
        visibility=_first_visibility(process),
        **who,
    )


def create_idea(
    *,
    process: Process,
    author,
    theme: Theme,
    title: str,
    body: str,
    language: str,
    place: Place = Place(),
    image=None,
) -> Idea:
    """Post an idea while the process collects them; the image is cleaned before anything is saved."""
    _require_phase(process, POST_IDEA)
    require_perm(author, "ideas.add_idea", process)
    require_posting_allowance(author)
    idea = _new_idea(
        process=process, theme=theme, title=title, body=body, language=language, place=place, author=author
    )
    if image:
        idea.image = prepare_image(image)
    idea.full_clean()
    idea.title_vector = title_vector(idea.title)
    with transaction.atomic():
        idea.save()
        Follow.objects.create(idea=idea, follower=author)
    return idea


def _resident_digest(consent: assisted.ConsentGiven) -> str:
    """The person a facilitator posts for, as their keyed hash. Speaking is open to any signed-in account, with no
    residence or age rule, so an assisted idea or comment asks only for a real person: one on the census lists (the
    same lists a verification reads), which also lets them take it over once their account is verified."""
    digest, _born = assisted.identify(consent)
    if not CensusEntry.objects.filter(digest=digest).exists():
        raise ValidationError(
            _("This person is not on the lists of residents: a facilitator can only post for a resident."),
            code="not_on_census",
        )
    return digest


def post_assisted_idea(
    *,
    process: Process,
    facilitator,
    consent: assisted.ConsentGiven,
    theme: Theme,
    title: str,
    body: str,
    language: str,
    place: Place = Place(),
) -> Idea:
    """A facilitator posts the idea of a resident met in person, with their consent recorded. It has no author until
    the resident takes it over (samen/ideas/assisted.py): its page says only that it was posted with a facilitator.
    It goes through the same moderation as an idea posted online; the consent and the idea are saved together or
    not at all. No one follows it and no e-mail goes to anyone about it until it has an author. No hourly allowance
    (`require_posting_allowance`): a computer room posts for many residents in an hour, and the audit holds each."""
    require_perm(facilitator, "ideas.post_assisted_idea", process)
    assisted.require_consent(consent)
    _require_phase(process, POST_IDEA)
    idea = _new_idea(
        process=process, theme=theme, title=title, body=body, language=language, place=place, entered_by=facilitator
    )
    digest = _resident_digest(consent)
    idea.full_clean(exclude=["consent"])
    idea.title_vector = title_vector(idea.title)
    with transaction.atomic():
        idea.consent = assisted.record_consent(
            facilitator=facilitator, digest=digest, action=Action.IDEA, process=process, given=consent
        )
        idea.save()
    return idea


def update_idea(
    *, idea: Idea, actor, theme: Theme, title: str, body: str, place: Place, image=None, remove_image=False
) -> Idea:
    """The author's or a moderator's edit; see `_visibility_after_edit` and `moderation.record_edit`."""
    require_perm(actor, "ideas.change_idea", idea)
    if theme.process_id != idea.process_id:
        raise ValidationError(_("Choose one of this process's themes."), code="foreign_theme")
    previous_text = f"{idea.title}\n\n{idea.body}"
    idea.visibility = _visibility_after_edit(idea, actor)
    idea.theme = theme
    if title.strip() != idea.title:
        idea.title_vector = title_vector(title.strip())
    idea.title = title.strip()
    idea.body = body.strip()
    idea.latitude, idea.longitude = place.latitude, place.longitude
    idea.neighbourhood_code, idea.municipality_nis = place.neighbourhood_code, place.municipality_nis
    previous_image = idea.image  # a new image or none: the old file goes once the edit is saved
    if image:
        idea.image = prepare_image(image)
    elif remove_image:
        idea.image = None
    idea.full_clean()
    with transaction.atomic():
        idea.save()
        record_edit(moderator=actor, content=idea, previous_text=previous_text)
        if previous_image.name != idea.image.name:
            delete_file_after_commit(previous_image)
    return idea


def delete_idea(*, idea: Idea, actor) -> None:
    require_perm(actor, "ideas.delete_idea", idea)
    try:
        with transaction.atomic():
            idea.delete()
    except RestrictedError:  # shortlisted: the vote and its recount need it
        raise ValidationError(
            _("This idea is part of a vote and stays; a moderator can hide it."), code="idea_in_vote"
        ) from None


def add_comment(*, idea: Idea, author, body: str, language: str, parent: Comment | None = None) -> Comment:
    """Comment on an idea, or reply to a top-level comment (a reply to a reply joins its thread)."""
    _require_phase(idea.process, COMMENT)
    require_perm(author, "ideas.comment_idea", idea)
    require_posting_allowance(author)
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ValidationError(_("You can only reply to a comment on this idea."), code="foreign_parent")
        parent = parent.parent or parent
    comment = Comment(
        idea=idea, author=author, language=language, parent=parent, visibility=_first_visibility(idea.process)
    )
    comment.set_body(body.strip())
    comment.full_clean()
    with transaction.atomic():
        comment.save()
        Follow.objects.get_or_create(idea=idea, follower=author)
        announce_comment(comment)
    return comment


def comment_assisted(
    *,
    idea: Idea,
    facilitator,
    consent: assisted.ConsentGiven,
    body: str,
    language: str,
    parent: Comment | None = None,
) -> Comment:
    """A facilitator comments on an idea for a resident met in person, with their consent recorded; as
    `post_assisted_idea`, without an author until the resident takes it over. Followers hear of it as of any
    comment (signed "Posted with a facilitator")."""
    require_perm(facilitator, "ideas.comment_assisted", idea)
    assisted.require_consent(consent)
    _require_phase(idea.process, COMMENT)
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ValidationError(_("You can only reply to a comment on this idea."), code="foreign_parent")
        parent = parent.parent or parent
    digest = _resident_digest(consent)
    comment = Comment(
        idea=idea,
        author=None,
        entered_by=facilitator,
        language=language,
        parent=parent,
        visibility=_first_visibility(idea.process),
    )
    comment.set_body(body.strip())
    comment.full_clean(exclude=["consent"])
    with transaction.atomic():
        comment.consent = assisted.record_consent(
            facilitator=facilitator, digest=digest, action=Action.COMMENT, process=idea.process, given=consent
        )
        comment.save()
        announce_comment(comment)
    return comment


def update_comment(*, comment: Comment, actor, body: str) -> Comment:
    """The author's or a moderator's edit; see `_visibility_after_edit` and `moderation.record_edit`."""
    require_perm(actor, "ideas.change_comment", comment)
    previous_text = comment.body
    comment.visibility = _visibility_after_edit(comment, actor)
    comment.set_body(body.strip())
    comment.full_clean()
    with transaction.atomic():
        comment.save(update_fields=["body", "body_html", "visibility", "updated_at"])
        record_edit(moderator=actor, content=comment, previous_text=previous_text)
    return comment


def delete_comment(*, comment: Comment, actor) -> None:
    require_perm(actor, "ideas.delete_comment", comment)
    comment.delete()


def support_idea(*, idea: Idea, resident) -> Support:
    """Record one person's support. An account never verified (a process open to any account) supports once per
    account; a verified one keeps the person's pseudonym in this idea's supports, so that their other accounts cannot
    add a second: the unique constraints decide even when two requests race. A support the person left with an
    account since deleted becomes this account's (they may withdraw it again); one a facilitator entered for them is
    taken over on their assisted-participation page."""
    _require_phase(idea.process, SUPPORT)
    require_perm(resident, "ideas.support_idea", idea)
    key = voter_key(resident, f"support:{idea.pk}")
    if key is None:
        try:
            # One INSERT is atomic on its own; a savepoint is needed only inside an outer transaction.
            with transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext():
                return Support.objects.create(idea=idea, resident=resident)
        except IntegrityError:
            raise ValidationError(_("You already support this idea."), code="already_supported") from None
    with transaction.atomic():
        lock_voter(resident)  # two accounts of one person wait for each other instead of deadlocking
        try:
            with transaction.atomic():
                return Support.objects.create(idea=idea, resident=resident, supporter_key=key)
        except IntegrityError:
            pass
        kept = Support.objects.select_for_update().filter(idea=idea, supporter_key=key).first()
        if kept is None or kept.resident_id is not None or idea.supports.filter(resident=resident).exists():
            raise ValidationError(_("You already support this idea."), code="already_supported")
        if kept.consent_id is not None:
            raise ValidationError(
                _(
                    "A facilitator already entered your support of this idea. Take it over on your assisted "
                    "participation page to withdraw it online."
                ),
                code="already_supported",
            )
        kept.resident = resident
        kept.save(update_fields=["resident"])
        kept.counted_before = True  # the idea's count already had it
        return kept


def support_assisted(*, idea: Idea, facilitator, consent: assisted.ConsentGiven) -> Support:
    """A facilitator enters the support of a resident met in person, with their consent recorded, under the same
    rules as online: on the census list and eligible for the process, and one support per person (online or
    assisted: the person's pseudonym in the idea's supports is unique). The consent and the support are saved
    together or not at all."""
    _require_phase(idea.process, SUPPORT)
    require_perm(facilitator, "ideas.enter_assisted_supports", idea)
    if idea.visibility != Visibility.PUBLISHED:
        raise ValidationError(_("Only a published idea can be supported."), code="not_published")
    assisted.require_consent(consent)
    digest, born = assisted.identify(consent)
    reason = why_not_eligible_person(idea.process, digest=digest, born_on=born)
    if reason:
        raise ValidationError(reason, code="not_eligible")
    key = vote_pseudonym(digest, f"support:{idea.pk}")
    try:
        with transaction.atomic():
            given = assisted.record_consent(
                facilitator=facilitator, digest=digest, action=Action.SUPPORT, process=idea.process, given=consent
            )
            return Support.objects.create(idea=idea, entered_by=facilitator, supporter_key=key, consent=given)
    except IntegrityError:
        raise ValidationError(
            _("This person already supports this idea, online or with a facilitator: this support does not count."),
            code="already_supported",
        ) from None


def withdraw_support(*, idea: Idea, resident) -> None:
    _require_phase(idea.process, SUPPORT)
    # A support has nothing that depends on it: one DELETE, without the BEGIN and COMMIT that delete() adds.
    deleted = Support.objects.filter(idea=idea, resident=resident)._raw_delete(Support.objects.db)
    if not deleted:
        raise ValidationError(_("You do not support this idea."), code="not_supported")
    page_cache.process_changed(idea.process_id)  # a fast delete sends no signal (see IdeasConfig.ready)


def follow_idea(*, idea: Idea, follower) -> Follow:
    require_perm(follower, "ideas.follow_idea", idea)
    follow, _created = Follow.objects.get_or_create(idea=idea, follower=follower)
    return follow


def unfollow_idea(*, idea: Idea, follower) -> None:
    Follow.objects.filter(idea=idea, follower=follower).delete()
