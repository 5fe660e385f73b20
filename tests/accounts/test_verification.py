"""Resident verification: something only the resident holds (a letter at the register's address, the identity
card's number, the eID), one person one account, identical refusals, limited and logged attempts."""

import csv
import io
import re
import zipfile
from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from samen.accounts import letters
from samen.accounts.eligibility import Requirement, gap
from samen.accounts.models import (
    CensusEntry,
    Verification,
    VerificationAttempt,
    VerificationLetter,
    VerificationTransfer,
)
from samen.accounts.verification import (
    decide_transfer,
    upload_census,
    verify_with_document,
    verify_with_eid,
)
from samen.common import clock
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Invented residents of the City of Brussels (NIS 21004) with valid check digits.
AMINA = ("93051822361", date(1993, 5, 18))
NOOR = ("00012556777", date(2000, 1, 25))
CENSUS = (
    "national_number,birth_date,postcode,name,address,document_number\n"
    "93051822361,1993-05-18,1000,Amina B.,Rue Haute 100|1000 Bruxelles,592-1234567-89\n"
    "00012556777,2000-01-25,1020,Noor V.,Bockstaellaan 12|1020 Laken,\n"
)
REFUSAL = "We could not verify you with these details."


@pytest.fixture
def administrator():
    return UserFactory(role="administrator", is_staff=True)


@pytest.fixture
def census(administrator):
    return upload_census(municipality_nis="21004", uploader=administrator, text=CENSUS)


def _ask_letter(client, user, number="93.05.18-223.61", born="1993-05-18"):
    client.force_login(user)
    return client.post(reverse("verify_letter"), {"letter-national_number": number, "letter-born_on": born})


def _print(client, administrator) -> dict[int, str]:
    """Print the waiting letters as an administrator; the codes by letter id, read from the CSV in the ZIP."""
    client.force_login(administrator)
    response = client.post(reverse("letters"), {"municipality_nis": "21004"})
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.read("letters.pdf").startswith(b"%PDF")
    rows = list(csv.DictReader(io.StringIO(archive.read("letters.csv").decode())))
    return {int(row["letter"]): row["code"] for row in rows}


def _enter_code(client, user, code):
    client.force_login(user)
    return client.post(reverse("verify_code"), {"code-code": code})


def test_the_census_keeps_hashes_and_sealed_addresses_only(census):
    stored = " ".join(" ".join(row) for row in CensusEntry.objects.values_list("digest", "sealed_address"))

    assert census.rows == 2
    for clear in ("93051822361", "1993", "Rue Haute", "Amina", "592"):
        assert clear not in stored
    assert sorted(CensusEntry.objects.values_list("postcode", flat=True)) == ["1000", "1020"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nn,birth,zip\n", "Line 1: the columns must be national_number, birth_date, postcode"),
        (CENSUS + "93051822362,1993-05-18,1000,,,\n", "Line 4: This national number is not valid"),
        (CENSUS + "93051822361,1993-05-19,1000,,,\n", "Line 4: The birth date does not match"),
        (CENSUS + "85073003328,1985-07-30,1070,,,\n", "Line 4: the postcode 1070 is not in this municipality."),
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


def test_the_number_and_birth_date_alone_no_longer_verify_an_account(client, resident, census):
    response = _ask_letter(client, resident)

    assert response.status_code == 302
    assert not Verification.objects.exists()
    letter = VerificationLetter.objects.get()
    assert (letter.user, letter.status, letter.address) == (
        resident,
        "requested",
        "Amina B.\nRue Haute 100\n1000 Bruxelles",
    )


def test_a_resident_verifies_with_the_code_posted_to_their_address(client, resident, administrator, census):
    _ask_letter(client, resident)
    codes = _print(client, administrator)

    response = _enter_code(client, resident, codes[VerificationLetter.objects.get().pk])

    assert response.status_code == 302
    verification = Verification.objects.get(user=resident)
    assert (verification.method, verification.municipality_nis, verification.born_on) == (
        "letter",
        "21004",
        date(1993, 5, 18),
    )
    letter = VerificationLetter.objects.get()
    assert (letter.status, letter.address) == ("used", "")  # the address is gone once printed
    assert codes[letter.pk] not in letter.code_digest


def test_printing_hands_the_codes_over_once(client, resident, administrator, census):
    _ask_letter(client, resident)
    first = _print(client, administrator)

    client.force_login(administrator)
    second = client.post(reverse("letters"), {"municipality_nis": "21004"})

    assert len(first) == 1
    assert second.status_code == 302  # nothing waiting: no file, no code again


@pytest.mark.parametrize(
    ("attempt", "reason"),
    [
        ({"letter-national_number": "93051822362", "letter-born_on": "1993-05-18"}, "national_number"),
        ({"letter-national_number": "93051822361", "letter-born_on": "1993-05-17"}, "birth_date_mismatch"),
        ({"letter-national_number": "85073003328", "letter-born_on": "1985-07-30"}, "no_address"),
    ],
)
def test_every_refusal_reads_the_same_and_only_the_attempt_is_saved(client, resident, census, attempt, reason):
    client.force_login(resident)

    response = client.post(reverse("verify_letter"), attempt)

    assert response.status_code == 422
    assert REFUSAL in response.content.decode()
    assert "not valid" not in response.content.decode()
    assert not VerificationLetter.objects.exists()
    logged = VerificationAttempt.objects.get()
    assert (logged.user, logged.succeeded, logged.reason) == (resident, False, reason)
    assert "93051822361" not in logged.digest


def test_a_wrong_a_reused_and_an_expired_code_are_refused_alike(client, resident, outsider, administrator, census):
    _ask_letter(client, resident)
    code = _print(client, administrator)[VerificationLetter.objects.get().pk]

    wrong = _enter_code(client, resident, "AAAAA-AAAAA")
    _enter_code(client, resident, code)
    reused = _enter_code(client, outsider, code)

    assert (wrong.status_code, reused.status_code) == (422, 422)
    assert REFUSAL in wrong.content.decode()
    assert REFUSAL in reused.content.decode()
    assert list(Verification.objects.values_list("user", flat=True)) == [resident.pk]


def test_an_expired_code_is_refused(client, resident, administrator, census):
    _ask_letter(client, resident)
    code = _print(client, administrator)[VerificationLetter.objects.get().pk]

    with time_machine.travel(clock.now() + timedelta(days=31)):
        response = _enter_code(client, resident, code)

    assert response.status_code == 422
    assert REFUSAL in response.content.decode()
    assert VerificationLetter.objects.get().status == "closed"
    assert not Verification.objects.exists()


def test_five_wrong_codes_block_the_letter(client, resident, administrator, census):
    _ask_letter(client, resident)
    code = _print(client, administrator)[VerificationLetter.objects.get().pk]
    for _attempt in range(letters.MAX_FAILURES):
        _enter_code(client, resident, "AAAAA-AAAAA")

    response = _enter_code(client, resident, code)

    assert response.status_code == 422
    assert VerificationLetter.objects.get().status == "closed"
    assert not Verification.objects.exists()


def test_one_letter_at_a_time_per_person_whoever_asks(client, resident, outsider, census):
    _ask_letter(client, resident)

    response = _ask_letter(client, outsider)

    assert response.status_code == 422
    assert REFUSAL in response.content.decode()
    assert VerificationLetter.objects.count() == 1


def test_only_an_administrator_prints_the_letters(client, resident, manager, census):
    _ask_letter(client, resident)
    client.force_login(manager)

    response = client.post(reverse("letters"), {"municipality_nis": "21004"})

    assert response.status_code == 403
    assert VerificationLetter.objects.get().status == "requested"


def test_the_identity_card_number_verifies_where_the_register_has_it(client, resident, census):
    client.force_login(resident)

    response = client.post(
        reverse("verify_document"),
        {
            "document-national_number": "93051822361",
            "document-born_on": "1993-05-18",
            "document-document_number": "592 1234567 89",
        },
    )

    assert response.status_code == 302
    assert Verification.objects.get(user=resident).method == "document"


@pytest.mark.parametrize(("number", "born", "card"), [(*AMINA, "592-1234567-88"), (*NOOR, "592-1234567-89")])
def test_a_wrong_card_number_or_none_in_the_register_is_refused(client, resident, census, number, born, card):
    client.force_login(resident)

    response = client.post(
        reverse("verify_document"),
        {"document-national_number": number, "document-born_on": born.isoformat(), "document-document_number": card},
    )

    assert response.status_code == 422
    assert REFUSAL in response.content.decode()
    assert not Verification.objects.exists()


def test_a_verified_account_cannot_become_another_person(client, resident, census):
    verify_with_document(user=resident, national_number=AMINA[0], born_on=AMINA[1], document_number="592123456789")

    response = _ask_letter(client, resident, NOOR[0], NOOR[1].isoformat())
    with pytest.raises(ValidationError):
        verify_with_eid(user=resident, national_number=NOOR[0])

    assert response.status_code == 422
    assert REFUSAL in response.content.decode()
    assert Verification.objects.get(user=resident).born_on == AMINA[1]
    assert not VerificationLetter.objects.exists()


def test_a_verification_by_the_old_number_only_path_no_longer_counts(resident, census):
    Verification.objects.create(
        user=resident,
        digest="x" * 64,
        method="census",
        municipality_nis="21004",
        born_on=AMINA[1],
        verified_at=clock.now(),
        expires_at=clock.now() + timedelta(days=300),
    )

    assert gap(resident, Requirement()) == "not_verified"


def test_a_person_proved_by_letter_on_a_second_account_waits_for_an_administrator(
    client, resident, outsider, administrator, census
):
    verify_with_eid(user=resident, national_number=AMINA[0])
    _ask_letter(client, outsider)
    code = _print(client, administrator)[VerificationLetter.objects.get().pk]

    response = _enter_code(client, outsider, code)

    assert response.status_code == 422
    assert "an administrator will review moving your verification" in response.content.decode()
    assert list(Verification.objects.values_list("user", flat=True)) == [resident.pk]
    transfer = VerificationTransfer.objects.get()
    assert (transfer.from_user, transfer.to_user, transfer.status) == (resident, outsider, "pending")


def _second_account_asks(resident, outsider):
    verify_with_eid(user=resident, national_number=AMINA[0])
    with pytest.raises(ValidationError):
        verify_with_eid(user=outsider, national_number=AMINA[0])
    return VerificationTransfer.objects.get()


def test_an_administrator_moves_a_verification_and_the_log_stays(resident, outsider, census, administrator):
    transfer = _second_account_asks(resident, outsider)

    decide_transfer(transfer=transfer, administrator=administrator, approve=True)

    assert list(Verification.objects.values_list("user", flat=True)) == [outsider.pk]
    transfer.refresh_from_db()
    assert (transfer.status, transfer.decided_by) == ("approved", administrator)


def test_only_an_administrator_decides_a_transfer(resident, outsider, census):
    transfer = _second_account_asks(resident, outsider)

    with pytest.raises(PermissionDenied):
        decide_transfer(transfer=transfer, administrator=outsider, approve=True)

    assert list(Verification.objects.values_list("user", flat=True)) == [resident.pk]


def test_the_eid_reaches_the_same_person_as_the_register_and_finds_their_municipality(resident, census):
    by_eid = verify_with_eid(user=resident, national_number=AMINA[0])

    assert (by_eid.method, by_eid.municipality_nis, by_eid.born_on) == ("eid", "21004", AMINA[1])


@override_settings(SAMEN_VERIFY_RATE_ACCOUNT="3/h")
def test_guessing_numbers_is_stopped_with_429_and_logged(client, resident, census):
    client.force_login(resident)
    guesses = [f"930518{serial:03d}" for serial in range(1, 6)]

    statuses = [
        client.post(
            reverse("verify_letter"), {"letter-national_number": guess, "letter-born_on": "1993-05-18"}
        ).status_code
        for guess in guesses
    ]

    assert statuses == [422, 422, 422, 429, 429]
    assert list(VerificationAttempt.objects.order_by("at", "pk").values_list("reason", flat=True)[3:]) == [
        "rate_limited",
        "rate_limited",
    ]


@override_settings(SAMEN_VERIFY_RATE_CLIENT="2/h")
def test_new_accounts_from_one_address_share_its_limit(client, census):
    statuses = []
    for _account in range(3):
        client.force_login(UserFactory())
        statuses.append(
            client.post(
                reverse("verify_letter"), {"letter-national_number": "93051800000", "letter-born_on": "1993-05-18"}
            ).status_code
        )

    assert statuses == [422, 422, 429]


def test_the_page_never_sends_a_verified_resident_off_the_site(client, resident, census):
    client.force_login(resident)

    response = client.post(
        reverse("verify_document") + "?next=https://evil.example/phish",
        {
            "document-national_number": AMINA[0],
            "document-born_on": AMINA[1].isoformat(),
            "document-document_number": "592123456789",
        },
    )

    assert response.status_code == 302
    assert response.url == reverse("profile")


def test_a_page_on_the_site_is_followed_after_verifying(client, resident, census):
    client.force_login(resident)

    response = client.post(
        reverse("verify_document"),
        {
            "document-national_number": AMINA[0],
            "document-born_on": AMINA[1].isoformat(),
            "document-document_number": "592123456789",
            "next": "/en/initiatives/",
        },
    )

    assert response.url == "/en/initiatives/"


def test_a_resident_finds_their_letters_and_attempts_in_their_data_export(client, resident, census):
    from samen.common.privacy import personal_data

    _ask_letter(client, resident)
    _ask_letter(client, resident, NOOR[0], NOOR[1].isoformat())

    exported = personal_data(resident)

    assert [letter["status"] for letter in exported["verification_letters"]] == ["requested"]
    assert [attempt["reason"] for attempt in exported["verification_attempts"]] == ["", "letter_open"]
    assert "Rue Haute" not in str(exported)


def test_the_printed_pdf_has_one_page_a_letter_in_dutch_and_french(client, resident, outsider, administrator, census):
    _ask_letter(client, resident)
    _ask_letter(client, outsider, NOOR[0], NOOR[1].isoformat())
    client.force_login(administrator)

    response = client.post(reverse("letters"), {"municipality_nis": "21004"})

    pdf = zipfile.ZipFile(io.BytesIO(response.content)).read("letters.pdf")
    assert len(re.findall(rb"/Type /Page\b(?!s)", pdf)) == 2
    assert VerificationLetter.objects.filter(status="sent").count() == 2


def test_a_name_beyond_latin_1_prints_as_the_register_wrote_it(client, resident, administrator):
    upload_census(
        municipality_nis="21004",
        uploader=administrator,
        text="national_number,birth_date,postcode,name,address\n"
        "93051822361,1993-05-18,1000,Łukasz Şahin,Rue Émile Féron 7|1000 Bruxelles\n",
    )
    _ask_letter(client, resident)
    client.force_login(administrator)

    archive = zipfile.ZipFile(io.BytesIO(client.post(reverse("letters"), {"municipality_nis": "21004"}).content))

    assert b"DejaVuSans" in archive.read("letters.pdf")  # a font with Ł and Ş, embedded, not Latin-1 Helvetica
    assert b"Helvetica" not in archive.read("letters.pdf")
    assert "Łukasz Şahin" in archive.read("letters.csv").decode()
