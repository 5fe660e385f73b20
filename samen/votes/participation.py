"""My participation: the votes I cast, what I chose (shown to me only) and what became of the vote. See
common/participation.py."""

from django.urls import reverse
from django.utils.translation import gettext as _

from samen.common.participation import Entry, Section
from samen.processes.phases import VOTE
from samen.processes.queries import open_until
from samen.votes.models import Ballot


def _ballot_entry(ballot: Ballot) -> Entry:
    process = ballot.shortlist.process
    until = open_until(process, VOTE)
    counted = hasattr(ballot.shortlist, "result")  # joined with the ballot: no query per ballot
    if until:
        status, next_step = _("Your vote counts as it stands now."), _("You can change your vote")
    elif counted:
        status, next_step = _("The vote is counted."), ""
    else:
        status, next_step = _("The vote has closed; the count comes next."), ""
    chosen = ", ".join(entry.idea.title for entry in sorted(ballot.entries.all(), key=lambda entry: entry.position))
    return Entry(
        title=process.title,
        url=reverse("votes:results" if counted and not until else "votes:shortlist", args=[process.slug]),
        status=status,
        detail=_("You chose: %(ideas)s") % {"ideas": chosen or _("nothing")},
        next_step=next_step,
        until=until,
    )


def sections(user) -> list[Section]:
    ballots = (
        Ballot.objects.filter(voter=user)
        .select_related("shortlist__process", "shortlist__result")
        .prefetch_related("shortlist__process__phases", "entries__idea")
        .order_by("-updated_at", "-pk")
    )
    return [Section(_("Votes I took part in"), [_ballot_entry(ballot) for ballot in ballots])]
