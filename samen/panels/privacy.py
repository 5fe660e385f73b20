"""Panels' personal data: a volunteer's answers and their lottery outcome, associations' nominations, and staff
work (draws started, nominations decided). On erasure the volunteer's name and register address are blanked, their
row stays in the pool so that a published draw can still be recounted. See `samen.common.privacy`."""

from django.db.models import Q

from samen.common.privacy import when
from samen.panels.models import LotteryJob, Nomination, RegisterEntry, Volunteer

COVERS = (Volunteer, Nomination, LotteryJob)


def export(user) -> dict:
    return {
        "lotteries": [
            {
                "process": volunteer.lottery.process.slug,
                "first_name": volunteer.first_name,
                "features": volunteer.features,
                "show_name": volunteer.show_name,
                "invitation_address": volunteer.invitation.address,
                "registered_at": when(volunteer.registered_at),
                "probability": volunteer.probability,
                "selected": volunteer.selected,
                "reserve_rank": volunteer.reserve_rank,
            }
            for volunteer in Volunteer.objects.filter(user=user)
            .select_related("lottery__process", "invitation")
            .order_by("pk")
        ],
        "council_nominations": [
            {
                "council": nomination.council_id,
                "association": nomination.association,
                "delegate_name": nomination.delegate_name,
                "statement": nomination.statement,
                "status": nomination.status,
                "nominated_by_me": nomination.nominated_by_id == user.pk,
                "decided_by_me": nomination.decided_by_id == user.pk,
                "reason": nomination.reason,
                "created_at": when(nomination.created_at),
            }
            for nomination in Nomination.objects.filter(Q(nominated_by=user) | Q(decided_by=user)).order_by("pk")
        ],
        "lottery_jobs_started": [
            {**row, "requested_at": when(row["requested_at"])}
            for row in LotteryJob.objects.filter(requested_by=user)
            .order_by("pk")
            .values("lottery__process__slug", "kind", "status", "requested_at")
        ],
    }


def erase(user) -> None:
    volunteering = Volunteer.objects.filter(user=user)
    RegisterEntry.objects.filter(volunteer__in=volunteering).update(address="")
    volunteering.update(first_name="", show_name=False)
