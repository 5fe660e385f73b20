"""An initiative from draft to decision: its committee, the City's admissibility check, the council's vote."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.algorithms.initiatives import add_months
from samen.common import clock
from samen.common.services import Texts, require_perm, translated_columns
from samen.initiatives import notifications
from samen.initiatives.eligibility import sits_on_committee, why_not_author
from samen.initiatives.models import Initiative, InitiativeKind, Promoter, TimelineEvent

EDITABLE = {Initiative.Status.DRAFT, Initiative.Status.RETURNED}


def create_kind(*, name: Texts, municipality_nis: str, **rules) -> InitiativeKind:
    kind = InitiativeKind(municipality_nis=municipality_nis, **rules, **translated_columns("name", name))
    kind.full_clean()
    kind.save()
    return kind


def _require_verified_resident(user, kind: InitiativeKind, message: str) -> None:
    if not sits_on_committee(user, kind):
        raise ValidationError(message % {"municipality": kind.municipality.name}, code="not_verified")


def draft_initiative(*, kind: InitiativeKind, author, title: Texts, text: Texts, reasons: Texts) -> Initiative:
    """A verified resident drafts an initiative in Dutch or French; they are its first promoter."""
    refusal = why_not_author(kind, author)
    if refusal:
        raise ValidationError(refusal, code="not_verified")
    require_perm(author, "initiatives.draft", kind)
    initiative = Initiative(
        kind=kind,
        author=author,
        **translated_columns("title", title),
        **translated_columns("text", text),
        **translated_columns("reasons", reasons),
    )
    if not any(getattr(initiative, f"title_{lang}") and getattr(initiative, f"text_{lang}") for lang in ("nl", "fr")):
        raise ValidationError(_("Write the title and the text in Dutch or in French."), code="language")
    initiative.full_clean()
    with transaction.atomic():
        initiative.save()
        Promoter.objects.create(initiative=initiative, user=author, accepted_at=clock.now())
    return initiative


def edit_initiative(*, initiative: Initiative, author, title: Texts, text: Texts, reasons: Texts) -> Initiative:
    """Promoters edit the text until they submit it; once it is checked and signed, it never changes."""
    require_perm(author, "initiatives.edit", initiative)
    with transaction.atomic():
        initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
        if initiative.status not in EDITABLE:
            raise ValidationError(
                _("The text can no longer change: it was submitted, and people sign what they read."),
                code="text_locked",
            )
        for name, texts in (("title", title), ("text", text), ("reasons", reasons)):
            for column, value in translated_columns(name, texts).items():
                setattr(initiative, column, value)
        initiative.full_clean()
        initiative.save()
    return initiative


def invite_promoter(*, initiative: Initiative, author, email: str) -> Promoter | None:
    """The author invites someone to the committee by e-mail, and learns nothing of whether the address has an
    account: an account holder finds the invitation on the initiative's page, any other address is e-mailed an
    invitation to sign up first (then the author invites again). Returns the account's place on the committee,
    pending or accepted, or None for an address without an account."""
    require_perm(author, "initiatives.edit", initiative)
    if initiative.status not in EDITABLE:
        raise ValidationError(_("The committee is complete once the initiative is submitted."), code="submitted")
    email = email.strip()
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        notifications.announce_invitation_to_sign_up(initiative, email=email, language=author.preferred_language)
        return None
    promoter, _created = Promoter.objects.get_or_create(initiative=initiative, user=user)
    if promoter.accepted_at is None:
        notifications.announce_invitation(promoter)
    return promoter


def accept_promotion(*, promoter: Promoter, user) -> Promoter:
    require_perm(user, "initiatives.accept_promotion", promoter)
    _require_verified_resident(
        user, promoter.initiative.kind, _("Verify that you are a resident of %(municipality)s to join the committee.")
    )
    promoter.accepted_at = clock.now()
    promoter.save(update_fields=["accepted_at"])
    return promoter


def committee(initiative: Initiative) -> list[Promoter]:
    """The promoters who accepted and are verified residents of the municipality today."""
    promoters = initiative.promoters.filter(accepted_at__isnull=False).select_related("user__verification")
    return [p for p in promoters if sits_on_committee(p.user, initiative.kind)]


def submit_initiative(*, initiative: Initiative, author) -> Initiative:
    """Send the initiative to the City's admissibility check: both languages and a full committee first."""
    require_perm(author, "initiatives.edit", initiative)
    needed = initiative.kind.committee_size
    if len(committee(initiative)) < needed:
        raise ValidationError(
            _("The committee needs at least %(count)s verified residents who accepted.") % {"count": needed},
            code="committee",
        )
    with transaction.atomic():
        initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
        if initiative.status not in EDITABLE:
            raise ValidationError(_("This initiative has already been submitted."), code="submitted")
        initiative.status = Initiative.Status.SUBMITTED
        initiative.full_clean()
        initiative.save(update_fields=["status"])
    return initiative


def review_admissibility(*, initiative: Initiative, staff, admit: bool, reason: str = "") -> Initiative:
    """The City admits the initiative (signature collection starts today) or returns it with its reasons."""
    require_perm(staff, "initiatives.review", initiative)
    if not admit and not reason.strip():
        raise ValidationError(_("Say why the initiative is returned."), code="reason")
    with transaction.atomic():
        initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
        if initiative.status != Initiative.Status.SUBMITTED:
            raise ValidationError(_("This initiative is not waiting for a check."), code="not_submitted")
        today = clock.today()
        initiative.reviewed_by, initiative.admissibility_reason = staff, reason.strip()
        if admit:
            initiative.status = Initiative.Status.COLLECTING
            initiative.collection_starts = today
            initiative.collection_ends = add_months(today, initiative.kind.collection_months)
        else:
            initiative.status = Initiative.Status.RETURNED
        initiative.save()
    return initiative


def add_event(*, initiative: Initiative, staff, kind: str, day: date, title: Texts, link: str = "") -> TimelineEvent:
    require_perm(staff, "initiatives.follow_council", initiative)
    event = TimelineEvent(initiative=initiative, kind=kind, day=day, link=link, **translated_columns("title", title))
    event.full_clean()
    event.save()
    return event


def record_decision(
    *,
    initiative: Initiative,
    staff,
    decision: str,
    decided_on: date,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
    minutes_url: str = "",
) -> Initiative:
    """The council's vote closes the initiative; its signatories are told."""
    require_perm(staff, "initiatives.follow_council", initiative)
    with transaction.atomic():
        initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
        if initiative.status != Initiative.Status.TRANSMITTED:
            raise ValidationError(_("Only an initiative before the council can be decided."), code="not_transmitted")
        if decided_on < initiative.transmitted_on or decided_on > clock.today():
            raise ValidationError(_("The vote's date is between the transmission and today."), code="decision_date")
        initiative.status, initiative.decision, initiative.decided_on = Initiative.Status.DECIDED, decision, decided_on
        initiative.votes_for, initiative.votes_against, initiative.abstentions = votes_for, votes_against, abstentions
        initiative.minutes_url = minutes_url
        initiative.full_clean()
        initiative.save()
        notifications.announce_decision(initiative)
    return initiative
