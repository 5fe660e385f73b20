"""A facilitator signs an initiative for a resident met in person: the rules of a paper line (census, age) and one
signature per person, whoever gives it; the initiative's page says how many were given with a facilitator."""

from datetime import date

import pytest
from django.urls import reverse

from samen.accounts.models import User
from samen.assisted.models import Consent
from samen.initiatives import services
from samen.initiatives.models import Signature
from tests.assisted.conftest import PLACE
from tests.factories import UserFactory
from tests.initiatives.conftest import initiative_at
from tests.people import sign_up, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def collecting(census):
    kind = services.create_kind(
        name={"nl": "Burgerinitiatief Stad Brussel", "fr": "Initiative citoyenne Ville de Bruxelles"},
        municipality_nis="21004",
        threshold=3,
        committee_size=2,
        secretariat_email="conseil@bruxelles.example",
    )
    manager = UserFactory(role=User.Role.PROCESS_MANAGER, is_staff=True)
    return initiative_at("collecting", kind=kind, census=census, manager=manager)


def _sign(client, initiative, person, *, agreed=True, name="Fatima"):
    number, born = person
    data = {"national_number": number, "born_on": born.isoformat(), "resident_name": name, "place": PLACE}
    if agreed:
        data["agreed"] = "on"
    return client.post(reverse("initiatives:sign_assisted", args=[initiative.pk]), data)


def test_a_facilitator_signs_for_a_resident_and_the_page_counts_it_apart(client, facilitator, collecting, person):
    client.force_login(facilitator)

    response = _sign(client, collecting, person)
    page = client.get(collecting.get_absolute_url()).content.decode()

    assert response.status_code == 302
    signature = Signature.objects.get(consent__isnull=False)
    assert (signature.user, signature.name, signature.consent.action) == (None, "Fatima", "signature")
    assert "1 of 1 signatures was given with a facilitator." in page


def test_without_consent_nothing_is_saved(client, facilitator, collecting, person):
    client.force_login(facilitator)

    response = _sign(client, collecting, person, agreed=False)

    assert response.status_code == 422
    assert (Signature.objects.count(), Consent.objects.count()) == (0, 0)


def test_a_resident_who_signed_online_cannot_be_signed_for(client, facilitator, collecting, person):
    sign_up(client, "fatima@example.org")
    verify(client, person)
    client.post(reverse("initiatives:sign", args=[collecting.pk]))
    client.force_login(facilitator)

    response = _sign(client, collecting, person)

    assert response.status_code == 422
    assert "This person has already signed this initiative" in response.content.decode()
    assert (Signature.objects.count(), Consent.objects.count()) == (1, 0)


def test_one_identity_under_two_names_signs_once(client, facilitator, collecting, person):
    client.force_login(facilitator)
    _sign(client, collecting, person, name="Fatima")

    response = _sign(client, collecting, person, name="F. Benali")

    assert response.status_code == 422
    assert (Signature.objects.count(), Consent.objects.count()) == (1, 1)


def test_too_young_to_sign_is_refused(client, facilitator, collecting, census):
    client.force_login(facilitator)
    today = date.today()
    child = census.add(date(today.year - 12, 1, 1))

    response = _sign(client, collecting, child)

    assert response.status_code == 422
    assert "You must be at least 16 to sign this initiative." in response.content.decode()
    assert Signature.objects.count() == 0


def test_the_resident_takes_their_signature_over_and_withdraws_it(client, facilitator, collecting, person):
    client.force_login(facilitator)
    _sign(client, collecting, person)
    resident = sign_up(client, "fatima@example.org")
    verify(client, person)

    client.post(reverse("assisted:mine"))
    withdrawn = client.post(reverse("initiatives:withdraw", args=[collecting.pk]))

    assert withdrawn.status_code == 302
    signature = Signature.objects.get(consent__isnull=False)
    assert (signature.user, signature.withdrawn_at is not None) == (resident, True)
    assert Consent.objects.get().taken_over_by == resident
