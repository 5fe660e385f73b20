"""A signature belongs to the person, not to the account: after a verification moves, or after the person deletes
their account and verifies a new one, the new account sees the signature, can withdraw it and cannot sign twice."""

from datetime import date

import pytest
from django.urls import reverse

from samen.initiatives import services
from samen.initiatives.models import Signature
from tests.people import approve_transfer, delete_account, sign_up, verify

pytestmark = pytest.mark.django_db


def url(name, initiative):
    return reverse(f"initiatives:{name}", kwargs={"pk": initiative.pk})


@pytest.fixture
def person(census):
    return census.add(date(1985, 3, 14))


@pytest.fixture(params=["transfer", "new account"])
def signed_from_an_old_account(request, client, collecting, census, person):
    """The person signed from one account, then verified a new one: after a transfer, or after deleting the first."""
    sign_up(client, "nadia@example.org")
    verify(client, person)
    client.post(url("sign", collecting))
    if request.param == "transfer":
        sign_up(client, "nadia.new@example.org")
        verify(client, person)
        approve_transfer(census.administrator)
    else:
        delete_account(client)
        sign_up(client, "nadia.again@example.org")
        verify(client, person)
    return collecting


def test_the_new_account_sees_the_person_s_signature(client, signed_from_an_old_account):
    page = client.get(url("detail", signed_from_an_old_account)).content.decode()

    assert "You have signed this initiative." in page
    assert "1 signature of 3 needed" in page


def test_the_new_account_cannot_sign_twice(client, signed_from_an_old_account):
    response = client.post(url("sign", signed_from_an_old_account))

    assert response.status_code == 422
    assert "You have already signed this initiative." in response.content.decode()
    assert services.count(signed_from_an_old_account) == 1


def test_the_new_account_withdraws_the_person_s_signature(client, signed_from_an_old_account):
    response = client.post(url("withdraw", signed_from_an_old_account))

    assert response.status_code == 302
    assert services.count(signed_from_an_old_account) == 0
    assert Signature.objects.get().withdrawn_at is not None
    assert "Sign this initiative" in client.get(url("detail", signed_from_an_old_account)).content.decode()
