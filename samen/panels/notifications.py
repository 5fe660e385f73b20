"""E-mails to volunteers: the result of the draw (each their own chance and place) and a seat offered to them.

A volunteer answered an invitation to be drawn, so telling them the outcome is part of what they asked for.
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from samen.common.mail import absolute, is_silenced, mail_in_language
from samen.panels.models import Lottery, Seat


def announce_draw(lottery: Lottery) -> None:
    if not is_silenced():
        transaction.on_commit(lambda: send_draw_results.enqueue(lottery.pk))


def announce_offer(seat: Seat) -> None:
    if not is_silenced():
        transaction.on_commit(lambda: send_seat_offer.enqueue(seat.pk))


@task()
def send_draw_results(lottery_id: int) -> int:
    """One e-mail per volunteer who still has an account; returns how many went out."""
    lottery = Lottery.objects.select_related("process").get(pk=lottery_id)
    sent = 0
    for volunteer in lottery.volunteers.select_related("user").filter(user__is_active=True):
        mail_in_language(
            recipient=volunteer.user,
            subject=lambda: _("The panel “%(title)s” has been drawn") % {"title": lottery.process.title},
            template="panels/email/draw.txt",
            context=lambda volunteer=volunteer: {
                "volunteer": volunteer,
                "percent": f"{volunteer.probability * 100:.1f}",
                "url": absolute(reverse("panels:lottery", kwargs={"slug": lottery.process.slug})),
            },
        )
        sent += 1
    return sent


@task()
def send_seat_offer(seat_id: int) -> int:
    seat = Seat.objects.select_related("volunteer__user", "council").filter(pk=seat_id).first()
    user = seat.volunteer.user if seat else None
    if user is None or not user.is_active or seat.status != Seat.Status.OFFERED:
        return 0
    mail_in_language(
        recipient=user,
        subject=lambda: _("A seat on “%(council)s” is offered to you") % {"council": seat.council.name},
        template="panels/email/offer.txt",
        context=lambda: {"seat": seat, "url": absolute(seat.council.get_absolute_url())},
    )
    return 1
