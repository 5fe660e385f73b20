"""Resident verification with the census list: one real resident, one account, no clear national number kept."""

from datetime import date
from urllib.parse import quote

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samen.accounts.models import CensusEntry, Verification, VerificationTransfer
from samen.accounts.verification import decide_transfer, upload_census, verify_with_census
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Invented residents of the City of Brussels (NIS 21004) with valid check digits.
CENSUS = "national_number,birth_date,postcode\n93051822361,1993-05-18,1000\n00012556777,2000-01-25,1020\n"


@pytest.fixture
def administrator():
    return UserFactory(role="administrator", is_staff=True)


@pytest.fixture
def census(administrator):
    return upload_census(municipality_nis="21004", uploader=administrator, text=CENSUS)


def test_the_census_keeps_hashes_only(census):
    stored = " ".join(CensusEntry.objects.values_list("digest", flat=True))

    assert census.rows == 2
    assert "93051822361" not in stored
    assert "1993" not in stored
    assert sorted(CensusEntry.objects.values_list("postcode", flat=True)) == ["1000", "1020"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nn,birth,zip\n", "Line 1: the columns must be national_number, birth_date, postcode."),
        (CENSUS + "93051822362,1993-05-18,1000\n", "Line 4: This national number is not valid"),
        (CENSUS + "93051822361,1993-05-19,1000\n", "Line 4: The birth date does not match"),
        (CENSUS + "85073003328,1985-07-30,1070\n", "Line 4: the postcode 1070 is not in this municipality."),
    ],
)
def test_a_wrong_census_line_refuses_the_file_and_keeps_the_old_list(client, administrator, census, text, message):
    client.force_login(administrator)

    response = client.post(
        reverse("census"), {"municipality_nis": "21004", "census": SimpleUploadedFile("c.csv", text.encode())}
    )

    assert response.status_code == 422
    assert message in response.content.decode()
    assert CensusEntry.objects.count() == 2


def test_only_an_administrator_uploads_a_census(client, manager):
    client.force_login(manager)

    response = client.post(
        reverse("census"), {"municipality_nis": "21004", "census": SimpleUploadedFile("c.csv", CENSUS.encode())}
    )

    assert response.status_code == 403
    assert not CensusEntry.objects.exists()


def test_a_resident_on_the_census_verifies_their_account(client, resident, census):
    client.force_login(resident)

    response = client.post(reverse("verify"), {"national_number": "93.05.18-223.61", "born_on": "1993-05-18"})

    assert response.status_code == 302
    verification = Verification.objects.get(user=resident)
    assert (verification.municipality_nis, verification.born_on, verification.method) == (
        "21004",
        date(1993, 5, 18),
        "census",
    )
    assert "93051822361" not in verification.digest


@pytest.mark.parametrize(
    ("next_url", "back_to"),
    [
        ("/en/initiatives/", "/en/initiatives/"),
        ("https://evil.example/", "/en/account/profile/"),
        ("//evil.example/", "/en/account/profile/"),
        ("http://testserver.evil.example/", "/en/account/profile/"),
    ],
)
def test_a_verified_resident_goes_back_where_they_came_from_on_this_site_only(
    client, resident, census, next_url, back_to
):
    client.force_login(resident)

    response = client.post(
        f"{reverse('verify')}?next={quote(next_url)}", {"national_number": "93051822361", "born_on": "1993-05-18"}
    )

    assert response.status_code == 302
    assert response["Location"] == back_to


@pytest.mark.parametrize(
    ("number", "born", "message"),
    [
        ("93051822362", "1993-05-18", "This national number is not valid"),
        ("93051822361", "1993-05-17", "The birth date does not match the national number."),
        ("85073003328", "1985-07-30", "We do not find you on the lists of residents entitled to sign."),
    ],
)
def test_a_wrong_number_or_someone_not_on_the_census_is_not_verified(client, resident, census, number, born, message):
    client.force_login(resident)

    response = client.post(reverse("verify"), {"national_number": number, "born_on": born})

    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Verification.objects.exists()


def test_a_person_verifies_one_account_and_a_second_one_waits_for_an_administrator(resident, outsider, census):
    verify_with_census(user=resident, national_number="93051822361", born_on=date(1993, 5, 18))

    with pytest.raises(ValidationError) as refusal:
        verify_with_census(user=outsider, national_number="93051822361", born_on=date(1993, 5, 18))

    assert refusal.value.code == "verified_elsewhere"
    assert list(Verification.objects.values_list("user", flat=True)) == [resident.pk]
    transfer = VerificationTransfer.objects.get()
    assert (transfer.from_user, transfer.to_user, transfer.status) == (resident, outsider, "pending")


def test_an_administrator_moves_a_verification_and_the_log_stays(resident, outsider, census, administrator):
    verify_with_census(user=resident, national_number="93051822361", born_on=date(1993, 5, 18))
    with pytest.raises(ValidationError):
        verify_with_census(user=outsider, national_number="93051822361", born_on=date(1993, 5, 18))

    decide_transfer(transfer=VerificationTransfer.objects.get(), administrator=administrator, approve=True)

    assert list(Verification.objects.values_list("user", flat=True)) == [outsider.pk]
    transfer = VerificationTransfer.objects.get()
    assert (transfer.status, transfer.decided_by) == ("approved", administrator)


def test_only_an_administrator_decides_a_transfer(resident, outsider, census):
    verify_with_census(user=resident, national_number="93051822361", born_on=date(1993, 5, 18))
    with pytest.raises(ValidationError):
        verify_with_census(user=outsider, national_number="93051822361", born_on=date(1993, 5, 18))

    with pytest.raises(PermissionDenied):
        decide_transfer(transfer=VerificationTransfer.objects.get(), administrator=outsider, approve=True)

    assert list(Verification.objects.values_list("user", flat=True)) == [resident.pk]


def test_the_eid_reaches_the_same_person_as_the_census_and_finds_their_municipality(resident, outsider, census):
    from samen.accounts.verification import verify_with_eid

    by_eid = verify_with_eid(user=resident, national_number="93051822361")

    assert (by_eid.method, by_eid.municipality_nis, by_eid.born_on) == ("eid", "21004", date(1993, 5, 18))
    with pytest.raises(ValidationError) as second_account:
        verify_with_census(user=outsider, national_number="93051822361", born_on=date(1993, 5, 18))
    assert second_account.value.code == "verified_elsewhere"
