"""A neighbourhood council: its drawn members, the reserve list that fills an empty seat, associations' delegates."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from samen.algorithms.sortition import Quota as EngineQuota
from samen.algorithms.sortition.invitations import replacement
from samen.common import clock
from samen.common.services import require_perm, translated_columns
from samen.panels import notifications
from samen.panels.models import Council, Lottery, Nomination, Seat


def create_council(
    *,
    slug: str,
    name: dict[str, str],
    neighbourhood_codes: list[int],
    drawn_seats: int,
    delegate_seats: int,
    term_start,
    term_end,
    lottery: Lottery | None = None,
) -> Council:
    council = Council(
        slug=slug,
        neighbourhood_codes=list(neighbourhood_codes),
        drawn_seats=drawn_seats,
        delegate_seats=delegate_seats,
        term_start=term_start,
        term_end=term_end,
        lottery=lottery,
        **translated_columns("name", name),
    )
    if lottery is not None and lottery.panel_size != drawn_seats:
        raise ValidationError(_("The lottery must draw as many people as the council has drawn seats."), code="seats")
    council.full_clean()
    council.save()
    return council


def _offer_next(council: Council, *, replaces: Seat) -> Seat | None:
    """Offer the seat to the first person on the reserve list with whom the quotas stay met; None if nobody fits."""
    lottery = council.lottery
    quotas = [EngineQuota(q.category, q.value, q.minimum, q.maximum) for q in lottery.quotas.all()]
    taken = set(council.seats.values_list("volunteer_id", flat=True))
    sitting = council.seats.filter(status__in=[Seat.Status.HELD, Seat.Status.OFFERED]).select_related("volunteer")
    panel = [seat.volunteer.features for seat in sitting]
    households = {seat.volunteer.household for seat in sitting} if lottery.households else set()
    reserve = [
        v
        for v in lottery.volunteers.filter(reserve_rank__isnull=False).order_by("reserve_rank")
        if v.pk not in taken and v.household not in households
    ]
    chosen = replacement(panel, [(str(v.pk), v.features) for v in reserve], quotas)
    if chosen is None:
        return None
    volunteer = next(v for v in reserve if str(v.pk) == chosen)
    offer = Seat.objects.create(
        council=council, volunteer=volunteer, status=Seat.Status.OFFERED, since=clock.today(), replaces=replaces
    )
    notifications.announce_offer(offer)
    return offer


def resign_seat(*, seat: Seat, member) -> Seat | None:
    """A drawn member leaves; the seat is offered down the reserve list. Returns the offer, if anyone fits."""
    require_perm(member, "panels.resign_seat", seat)
    with transaction.atomic():
        seat = Seat.objects.select_for_update().get(pk=seat.pk)
        if seat.status != Seat.Status.HELD:
            raise ValidationError(_("You do not hold this seat."), code="not_held")
        seat.status, seat.until = Seat.Status.RESIGNED, clock.today()
        seat.save(update_fields=["status", "until"])
        return _offer_next(seat.council, replaces=seat)


def answer_offer(*, seat: Seat, volunteer_user, accept: bool) -> Seat | None:
    """The person offered a seat takes it, or declines and the next on the reserve list is asked."""
    require_perm(volunteer_user, "panels.answer_offer", seat)
    with transaction.atomic():
        seat = Seat.objects.select_for_update().get(pk=seat.pk)
        if seat.status != Seat.Status.OFFERED:
            raise ValidationError(_("This seat is no longer offered to you."), code="not_offered")
        if accept:
            seat.status, seat.since = Seat.Status.HELD, clock.today()
            seat.save(update_fields=["status", "since"])
            return seat
        seat.status, seat.until = Seat.Status.DECLINED, clock.today()
        seat.save(update_fields=["status", "until"])
        return _offer_next(seat.council, replaces=seat.replaces or seat)


def nominate_delegate(
    *, council: Council, user, association: str, delegate_name: str, statement: str = ""
) -> Nomination:
    """An association or neighbourhood committee names its delegate; a manager decides."""
    require_perm(user, "panels.nominate_delegate", council)
    nomination = Nomination(
        council=council,
        association=association.strip(),
        delegate_name=delegate_name.strip(),
        statement=statement.strip(),
        nominated_by=user,
    )
    nomination.full_clean(exclude=["nominated_by"])
    nomination.save()
    return nomination


def decide_nomination(*, nomination: Nomination, manager, approve: bool, reason: str = "") -> Nomination:
    """Approve a delegate while delegate seats remain and their association has none yet, or refuse with a reason."""
    require_perm(manager, "panels.decide_nomination", nomination.council)
    with transaction.atomic():
        council = Council.objects.select_for_update().get(pk=nomination.council_id)
        nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if nomination.status != Nomination.Status.NOMINATED:
            raise ValidationError(_("This nomination has already been decided."), code="decided")
        if approve:
            approved = council.nominations.filter(status=Nomination.Status.APPROVED).count()
            if approved >= council.delegate_seats:
                raise ValidationError(_("Every delegate seat is taken."), code="seats_full")
        elif not reason.strip():
            raise ValidationError(_("Say why the nomination is refused."), code="reason")
        nomination.status = Nomination.Status.APPROVED if approve else Nomination.Status.REFUSED
        nomination.decided_by, nomination.decided_at, nomination.reason = manager, clock.now(), reason.strip()
        try:
            with transaction.atomic():
                nomination.save(update_fields=["status", "decided_by", "decided_at", "reason"])
        except IntegrityError:
            raise ValidationError(
                _("%(association)s already has a delegate on this council.") % {"association": nomination.association},
                code="association_has_delegate",
            ) from None
    return nomination
