"""Votes' personal data: a resident's ballots, a juror's appointments and reviews.
See `samen.common.privacy`."""

from samen.common.privacy import when
from samen.votes.models import Ballot, JuryMember, Review

COVERS = (Ballot, JuryMember, Review)


def export(user) -> dict:
    return {
        "ballots": [
            {
                "process": ballot.shortlist.process.slug,
                "ideas": sorted(entry.idea_id for entry in ballot.entries.all()),
                "updated_at": when(ballot.updated_at),
            }
            for ballot in Ballot.objects.filter(voter=user)
            .select_related("shortlist__process")
            .prefetch_related("entries")
            .order_by("pk")
        ],
        "juries": list(
            JuryMember.objects.filter(member=user).order_by("pk").values_list("shortlist__process__slug", flat=True)
        ),
        "jury_reviews": [
            {
                "idea_id": review.idea_id,
                "conflict_of_interest": review.conflict_of_interest,
                "comment": review.comment,
                "scores": {score.criterion.name: score.value for score in review.scores.all()},
                "created_at": when(review.created_at),
            }
            for review in Review.objects.filter(juror=user).prefetch_related("scores__criterion").order_by("pk")
        ],
    }
