"""The GDPR side of an account: everything we hold about a person in one ZIP, and erasure on request."""

import io
import json
import zipfile
from pathlib import PurePosixPath

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from samen.accounts.models import User, Verification, VerificationAttempt, VerificationLetter
from samen.ideas.models import Comment, Flag, Follow, Idea, Support
from samen.initiatives.models import Signature
from samen.panels.models import RegisterEntry, Volunteer
from samen.votes.models import Ballot, Review


def _when(value) -> str | None:
    return value.isoformat() if value else None


def personal_data(user: User) -> dict:
    """Every row that names `user`, as plain JSON-ready data (images are listed by their file in the ZIP)."""
    ideas = Idea.objects.filter(author=user).select_related("process", "theme").order_by("pk")
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "home_neighbourhood_code": user.neighbourhood_code,
            "preferred_language": user.preferred_language,
            "role": user.role,
            "joined": _when(user.date_joined),
            "last_sign_in": _when(user.last_login),
            "email_addresses": list(EmailAddress.objects.filter(user=user).values("email", "verified", "primary")),
        },
        "ideas": [
            {
                "id": idea.pk,
                "process": idea.process.slug,
                "theme": idea.theme.slug,
                "title": idea.title,
                "text": idea.body,
                "language": idea.language,
                "latitude": idea.latitude,
                "longitude": idea.longitude,
                "neighbourhood_code": idea.neighbourhood_code,
                "image": f"images/{PurePosixPath(idea.image.name).name}" if idea.image else None,
                "visibility": idea.visibility,
                "moderation_reason": idea.moderation_reason,
                "created": _when(idea.created_at),
            }
            for idea in ideas
        ],
        "comments": [
            {**row, "created_at": _when(row["created_at"])}
            for row in Comment.objects.filter(author=user)
            .order_by("pk")
            .values("id", "idea_id", "parent_id", "body", "language", "visibility", "moderation_reason", "created_at")
        ],
        "supports": [
            {**row, "created_at": _when(row["created_at"])}
            for row in Support.objects.filter(resident=user)
            .order_by("pk")
            .values("idea_id", "idea__title", "created_at")
        ],
        "follows": list(Follow.objects.filter(follower=user).order_by("pk").values_list("idea_id", flat=True)),
        "ballots": [
            {
                "process": ballot.shortlist.process.slug,
                "ideas": sorted(entry.idea_id for entry in ballot.entries.all()),
                "updated_at": _when(ballot.updated_at),
            }
            for ballot in Ballot.objects.filter(voter=user)
            .select_related("shortlist__process")
            .prefetch_related("entries")
        ],
        "jury_reviews": [
            {
                "idea_id": review.idea_id,
                "conflict_of_interest": review.conflict_of_interest,
                "comment": review.comment,
                "scores": {score.criterion.name: score.value for score in review.scores.all()},
                "created_at": _when(review.created_at),
            }
            for review in Review.objects.filter(juror=user).prefetch_related("scores__criterion").order_by("pk")
        ],
        "lotteries": [
            {
                "process": volunteer.lottery.process.slug,
                "first_name": volunteer.first_name,
                "features": volunteer.features,
                "show_name": volunteer.show_name,
                "invitation_address": volunteer.invitation.address,
                "registered_at": _when(volunteer.registered_at),
                "probability": volunteer.probability,
                "selected": volunteer.selected,
                "reserve_rank": volunteer.reserve_rank,
            }
            for volunteer in Volunteer.objects.filter(user=user).select_related("lottery__process", "invitation")
        ],
        "verification": (
            {
                "method": user.verification.method,
                "municipality": user.verification.municipality_nis,
                "born_on": _when(user.verification.born_on),
                "verified_at": _when(user.verification.verified_at),
                "expires_at": _when(user.verification.expires_at),
            }
            if Verification.objects.filter(user=user).exists()
            else None
        ),
        "verification_letters": [
            {
                "status": letter.status,
                "municipality": letter.municipality_nis,
                "requested_at": _when(letter.requested_at),
                "printed_at": _when(letter.printed_at),
                "expires_at": _when(letter.expires_at),
            }
            for letter in VerificationLetter.objects.filter(user=user).order_by("pk")
        ],
        "verification_attempts": [
            {**row, "at": _when(row["at"])}
            for row in VerificationAttempt.objects.filter(user=user)
            .order_by("pk")
            .values("at", "method", "succeeded", "reason", "client")
        ],
        "signatures": [
            {**row, "signed_at": _when(row["signed_at"]), "withdrawn_at": _when(row["withdrawn_at"])}
            for row in Signature.objects.filter(user=user)
            .order_by("pk")
            .values("initiative_id", "initiative__title_fr", "signed_at", "withdrawn_at")
        ],
        "reports": [
            {**row, "created_at": _when(row["created_at"])}
            for row in Flag.objects.filter(flagger=user)
            .order_by("pk")
            .values("idea_id", "comment_id", "reason", "note", "created_at")
        ],
    }


def export_zip(user: User) -> bytes:
    """A ZIP with `samen-data.json` and the images the person uploaded, as they are stored."""
    data = personal_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("samen-data.json", json.dumps(data, ensure_ascii=False, indent=2))
        for idea in Idea.objects.filter(author=user).exclude(image=""):
            with idea.image.open("rb") as image:
                archive.writestr(f"images/{PurePosixPath(idea.image.name).name}", image.read())
    return buffer.getvalue()


def delete_account(*, user: User) -> None:
    """Erase the person: ideas and comments stay, signed "deleted account"; supports, follows, reports and
    e-mail addresses go with the account row (database cascades), so every count stays right; a ballot stays in
    its vote, and a volunteer's row in a lottery's pool, with nobody's name or address on it, so that a published
    result can still be recounted. Sessions of
    the account no longer find their user and are signed out."""
    with transaction.atomic():
        volunteering = Volunteer.objects.filter(user=user)
        RegisterEntry.objects.filter(volunteer__in=volunteering).update(address="")
        volunteering.update(first_name="", show_name=False)
        user.delete()
