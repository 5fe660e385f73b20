"""One person across their accounts, through the pages: sign up and confirm the address, verify with the register
and identity card, delete the account, and an administrator moving a verification. For the tests that check a person
counts once."""

import re
from datetime import date

from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from samen.accounts.models import User, VerificationTransfer
from samen.accounts.verification import decide_transfer, verify_with_document
from samen.demo.identities import invented_document_number

PASSWORD = "a-long-brussels-password"


def sign_up(client, email: str) -> User:
    """A new account through the sign-up page, its address confirmed: the client is signed in with it."""
    client.logout()
    mail.outbox.clear()
    started = client.get(reverse("account_signup")).context["form"]["started"].value()
    client.post(
        reverse("account_signup"),
        {
            "started": started,
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Nadia",
            "neighbourhood_code": "20",
            "preferred_language": "en",
        },
    )
    link = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[0].body).group(0)
    client.post(link.split("testserver", 1)[1])
    client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    return User.objects.get(email=email)


def verify(client, person: tuple[str, date]):
    """The signed-in account types the person's national number and birth date (they must be on a census list)."""
    number, born = person
    return client.post(
        reverse("verify_document"),
        {
            "document-national_number": number,
            "document-born_on": born.isoformat(),
            "document-document_number": invented_document_number(number),
        },
    )


def delete_account(client):
    return client.post(reverse("account_delete"), {"password": PASSWORD})


def approve_transfer(administrator) -> None:
    """An administrator approves the one pending request to move a verification to another account."""
    transfer = VerificationTransfer.objects.get(status=VerificationTransfer.Status.PENDING)
    decide_transfer(transfer=transfer, administrator=administrator, approve=True)


def moved_verification(census, administrator) -> tuple[User, User]:
    """One person, two accounts: the first as it was loaded while verified (a request that began before the move),
    and the second, to which an administrator has since moved the verification."""
    number, born = census.add(date(1985, 3, 14))
    first, second = User.objects.create_user("first@example.org"), User.objects.create_user("second@example.org")
    card = invented_document_number(number)
    verify_with_document(user=first, national_number=number, born_on=born, document_number=card)
    first = User.objects.select_related("verification").get(pk=first.pk)
    try:
        verify_with_document(user=second, national_number=number, born_on=born, document_number=card)
    except ValidationError:  # verified elsewhere: the request waits for an administrator
        approve_transfer(administrator)
    return first, User.objects.select_related("verification").get(pk=second.pk)
