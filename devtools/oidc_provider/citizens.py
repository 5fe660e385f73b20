"""The invented citizens the local provider signs in, and the claims it vouches for, as FAS does."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from oauth2_provider.models import get_application_model
from oauth2_provider.oauth2_validators import OAuth2Validator

PASSWORD = "citizen"  # noqa: S105 - invented people on a throwaway provider


@dataclass(frozen=True)
class Citizen:
    username: str
    first_name: str
    national_number: str  # empty: the provider knows the person but gives no number (the "missing claim" case)
    birthdate: str


# Valid check digits; Amina is on the City of Brussels census list of the tests, Bram on no list.
CITIZENS = {
    citizen.username: citizen
    for citizen in (
        Citizen("amina", "Amina", "93051822361", "1993-05-18"),
        Citizen("bram", "Bram", "85073003328", "1985-07-30"),
        Citizen("chloe", "Chloé", "", "2001-02-03"),
    )
}


class CitizenClaims(OAuth2Validator):
    """Adds FAS's national register number claim (`egovNRN`, under the scope of the same name) and the birth date."""

    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "egovNRN": "egovNRN"}

    def get_additional_claims(self, request):
        citizen = CITIZENS.get(request.user.username)
        claims = {"given_name": request.user.first_name}
        if citizen is not None:
            claims["birthdate"] = citizen.birthdate
            if citizen.national_number:
                claims["egovNRN"] = citizen.national_number
        return claims


def register(*, client_id: str, client_secret: str, redirect_uris: list[str]) -> None:
    """Create (or update) the citizens and the client application; safe to run at every start."""
    users = get_user_model()
    for citizen in CITIZENS.values():
        user, _created = users.objects.get_or_create(
            username=citizen.username, defaults={"first_name": citizen.first_name}
        )
        user.set_password(PASSWORD)
        user.save()
    application_model = get_application_model()
    application_model.objects.filter(client_id=client_id).delete()
    application_model.objects.create(
        name="Samen",
        client_id=client_id,
        client_secret=client_secret,
        client_type=application_model.CLIENT_CONFIDENTIAL,
        authorization_grant_type=application_model.GRANT_AUTHORIZATION_CODE,
        redirect_uris=" ".join(redirect_uris),
        algorithm=application_model.RS256_ALGORITHM,
    )
