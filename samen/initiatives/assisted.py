"""Signatures in assisted participation (samen/assisted/registry.py): which initiatives a facilitator can sign for a
resident now, how the audit names an entered signature, and a resident taking theirs over."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samen.assisted.models import Action
from samen.assisted.registry import AssistedKind, Opening
from samen.initiatives.models import Initiative, Signature
from samen.initiatives.services import collecting


def openings(facilitator) -> list[Opening]:
    found = Initiative.objects.filter(status=Initiative.Status.COLLECTING).select_related("kind").order_by("pk")
    return [
        Opening(str(initiative.title), reverse("initiatives:sign_assisted", args=[initiative.pk]))
        for initiative in found
        if collecting(initiative) and facilitator.has_perm("initiatives.sign_assisted", initiative)
    ]


def describe(consents) -> dict[int, tuple[str, str]]:
    signatures = Signature.objects.filter(consent__in=consents).select_related("initiative")
    return {
        signature.consent_id: (
            _("Signature of “%(initiative)s”") % {"initiative": signature.initiative.title},
            signature.initiative.get_absolute_url(),
        )
        for signature in signatures
    }


def take_over(consents, user) -> tuple[list[int], list[str]]:
    """The signature becomes the account's (it can then be withdrawn online like any other)."""
    signatures = list(Signature.objects.select_for_update().filter(consent__in=consents))
    Signature.objects.filter(pk__in=[signature.pk for signature in signatures]).update(user=user)
    return [signature.consent_id for signature in signatures], []


KIND = AssistedKind(
    action=Action.SIGNATURE,
    label=gettext_lazy("Signatures of citizens' initiatives"),
    openings=openings,
    describe=describe,
    take_over=take_over,
)
