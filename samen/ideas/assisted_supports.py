"""Idea supports in assisted participation (samen/assisted/registry.py): where a facilitator can enter supports now,
how the audit names an entered support, and a resident taking theirs over."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samen.assisted.models import Action
from samen.assisted.registry import AssistedKind, Opening
from samen.ideas.models import Support
from samen.processes.models import Process


def openings(facilitator) -> list[Opening]:
    """One page per published process whose running phase collects supports (the page lists its ideas)."""
    processes = Process.objects.filter(status="published").prefetch_related("phases").order_by("pk")
    return [
        Opening(str(process.title), reverse("ideas:assisted_support", args=[process.slug]))
        for process in processes
        if facilitator.has_perm("ideas.enter_assisted_supports", process)
    ]


def describe(consents) -> dict[int, tuple[str, str]]:
    supports = Support.objects.filter(consent__in=consents).select_related("idea")
    return {
        support.consent_id: (_("Support of “%(idea)s”") % {"idea": support.idea.title}, support.idea.get_absolute_url())
        for support in supports
    }


def take_over(consents, user) -> tuple[list[int], list[str]]:
    """The support becomes the account's, so that the resident withdraws it online while supports are open; an
    account that already supports that idea (before it was verified) keeps its own, and the clash is reported."""
    taken, clashes = [], []
    for support in Support.objects.filter(consent__in=consents).select_related("idea").select_for_update(of=("self",)):
        if support.resident_id != user.pk:
            try:
                with transaction.atomic():
                    support.resident = user
                    support.save(update_fields=["resident"])
            except IntegrityError:
                clashes.append(
                    _(
                        "Your support of “%(idea)s” stays as the facilitator entered it: this account already "
                        "supports that idea."
                    )
                    % {"idea": support.idea.title}
                )
                continue
        taken.append(support.consent_id)
    return taken, clashes


KIND = AssistedKind(
    action=Action.SUPPORT,
    label=gettext_lazy("Idea supports"),
    openings=openings,
    describe=describe,
    take_over=take_over,
)
