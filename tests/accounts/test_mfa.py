"""Staff sign in with a second factor: an authenticator app's code, or a recovery code once."""

import importlib

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from cryptography.exceptions import InvalidTag
from django.apps import apps as django_apps
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from samen.accounts.second_factor import open_secret
from samen.ideas.models import ModerationAction, Visibility
from tests.factories import TOTP_SECRET, UserFactory, totp_code
from tests.test_deploy import _manage

pytestmark = pytest.mark.django_db

STAFF = [
    {"role": "moderator"},
    {"role": "process_manager", "is_staff": True},
    {"role": "administrator", "is_staff": True, "is_superuser": True},
]
PASSWORD = "a-good-password-42"


def _sign_in(client, email, next_url=""):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": email, "password": PASSWORD})


def _signed_in(client):
    return SESSION_KEY in client.session


@pytest.mark.parametrize("staff", STAFF, ids=lambda staff: staff["role"])
def test_staff_without_an_authenticator_app_are_sent_to_set_one_up(client, staff):
    client.force_login(UserFactory(**staff, second_factor=False))

    response = client.get(reverse("moderation:queue"))

    assert (response.status_code, response["Location"]) == (302, reverse("mfa_activate_totp"))


def test_staff_signing_in_without_an_authenticator_app_are_told_why_they_must_set_one_up(client):
    moderator = UserFactory(display_name="Mo", role="moderator", preferred_language="en", second_factor=False)

    response = client.post(reverse("account_login"), {"login": moderator.email, "password": PASSWORD}, follow=True)

    # allauth asks for the password once more before an authenticator is added
    assert [url for url, _status in response.redirect_chain[-2:]] == [
        reverse("mfa_activate_totp"),
        reverse("account_reauthenticate") + "?next=%2Fen%2Faccount%2F2fa%2Ftotp%2Factivate%2F",
    ]
    assert [str(message) for message in response.context["messages"]] == [
        "Successfully signed in as Mo.",
        "As a member of staff, you sign in with a second factor: set up an authenticator app first.",
    ]


def test_the_admin_site_also_sends_them_to_set_one_up(client):
    client.force_login(UserFactory(role="process_manager", is_staff=True, second_factor=False))

    response = client.get(reverse("admin:index"))

    assert (response.status_code, response["Location"]) == (302, reverse("mfa_activate_totp"))


@pytest.mark.parametrize("staff", STAFF, ids=lambda staff: staff["role"])
def test_staff_without_an_authenticator_app_cannot_act_and_nothing_is_saved(client, idea, staff):
    client.force_login(UserFactory(**staff, second_factor=False))

    response = client.post(reverse("moderation:decide", args=["idea", idea.pk, "hide"]), {"reason": "Spam."})

    idea.refresh_from_db()
    assert response.status_code == 403
    assert (idea.visibility, ModerationAction.objects.count()) == (Visibility.PUBLISHED, 0)


def test_staff_without_an_authenticator_app_may_still_sign_out_change_language_and_confirm_their_address(client):
    client.force_login(UserFactory(role="moderator", second_factor=False))

    language = client.post(reverse("set_language"), {"language": "nl", "next": "/nl/"})
    addresses = client.get(reverse("account_email"))
    sign_out = client.post(reverse("account_logout"))

    assert (language.status_code, language["Location"]) == (302, "/nl/")
    assert addresses.status_code == 200
    assert (sign_out.status_code, _signed_in(client)) == (302, False)


def test_residents_are_not_asked_for_a_second_factor(client, resident):
    client.force_login(resident)

    page = client.get(reverse("profile"))
    saved = client.post(
        reverse("profile"), {"display_name": "Lucas B.", "neighbourhood_code": "20", "preferred_language": "en"}
    )

    resident.refresh_from_db()
    assert (page.status_code, saved.status_code, resident.display_name) == (200, 302, "Lucas B.")


def test_staff_with_an_authenticator_app_reach_their_pages(client, moderator):
    client.force_login(moderator)

    response = client.get(reverse("moderation:queue"))

    assert response.status_code == 200


def test_staff_set_up_an_authenticator_app_and_then_reach_their_pages(client):
    moderator = UserFactory(role="moderator", second_factor=False)
    _sign_in(client, moderator.email)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    page = client.get(reverse("mfa_activate_totp"))
    secret = client.session[SECRET_SESSION_KEY]
    activated = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    queue = client.get(reverse("moderation:queue"))

    assert page.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()
    assert secret in page.content.decode()
    assert (activated.status_code, activated["Location"]) == (302, reverse("mfa_view_recovery_codes"))
    assert queue.status_code == 200
    assert sorted(Authenticator.objects.filter(user=moderator).values_list("type", flat=True)) == [
        "recovery_codes",
        "totp",
    ]


def test_staff_who_deactivate_their_app_must_set_up_another(client, moderator):
    _sign_in(client, moderator.email)
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    client.get(reverse("moderation:queue"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    client.post(reverse("mfa_deactivate_totp"))
    response = client.get(reverse("moderation:queue"))

    assert (response.status_code, response["Location"]) == (302, reverse("mfa_activate_totp"))


def test_a_manager_signing_in_is_asked_for_a_code_and_a_wrong_one_is_refused(client, manager):
    response = _sign_in(client, manager.email)
    refused = client.post(reverse("mfa_authenticate"), {"code": "000000" if totp_code() != "000000" else "111111"})

    assert (response.status_code, response["Location"]) == (302, reverse("mfa_authenticate"))
    assert refused.status_code == 200
    assert "Incorrect code." in refused.content.decode()
    assert not _signed_in(client)


def test_a_manager_signs_in_with_the_right_code(client, manager):
    _sign_in(client, manager.email)

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})

    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == manager.pk
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_recovery_code_works_once(client, manager):
    code = RecoveryCodes.activate(manager).generate_codes()[0]
    _sign_in(client, manager.email)
    first = client.post(reverse("mfa_authenticate"), {"code": code})
    client.post(reverse("account_logout"))

    _sign_in(client, manager.email)
    second = client.post(reverse("mfa_authenticate"), {"code": code})

    assert first.status_code == 302
    assert second.status_code == 200
    assert not _signed_in(client)


def test_the_admin_sign_in_goes_through_the_code_step(client, manager):
    to_admin_login = client.get(reverse("admin:index"))
    to_our_login = client.get(to_admin_login["Location"])
    password_step = _sign_in(client, manager.email, next_url="/admin/")
    code_step = client.post(reverse("mfa_authenticate"), {"code": totp_code()})

    assert to_admin_login["Location"] == "/admin/login/?next=/admin/"
    assert to_our_login["Location"] == reverse("account_login") + "?next=%2Fadmin%2F"
    assert password_step["Location"] == reverse("mfa_authenticate")
    assert code_step["Location"] == "/admin/"


def test_the_admin_sign_in_refuses_a_signed_in_resident(client, resident):
    client.force_login(resident)

    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 403


def test_the_requirement_can_be_turned_off_on_a_laptop(client, settings):
    settings.SAMEN_STAFF_MFA = False
    client.force_login(UserFactory(role="moderator", second_factor=False))

    response = client.get(reverse("moderation:queue"))

    assert response.status_code == 200


def test_production_refuses_to_turn_the_requirement_off():
    result = _manage(
        "check",
        DJANGO_SECRET_KEY="x" * 60,
        SAMEN_VERIFICATION_KEY="y" * 60,
        CACHE_URL="redis://127.0.0.1:6379/0",
        SAMEN_STAFF_MFA="false",
    )

    assert result.returncode != 0
    assert "SAMEN_STAFF_MFA=false is for a laptop only" in result.stderr


def test_an_administrator_resets_a_lost_authenticator_app_in_the_admin(client, moderator):
    administrator = UserFactory(role="administrator", is_staff=True)
    RecoveryCodes.activate(moderator)
    client.force_login(administrator)

    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [moderator.pk]},
    )

    assert response.status_code == 302
    assert list(Authenticator.objects.filter(user=moderator)) == []
    assert Authenticator.objects.filter(user=administrator).count() == 1


def test_a_copy_of_the_database_does_not_hold_a_staff_members_authenticator_secret(manager, settings):
    RecoveryCodes.activate(manager)
    stored = {row.type: row.data for row in Authenticator.objects.filter(user=manager)}

    assert TOTP_SECRET not in str(stored[Authenticator.Type.TOTP])
    assert stored[Authenticator.Type.TOTP]["secret"].startswith("aesgcm1:")
    assert stored[Authenticator.Type.RECOVERY_CODES]["seed"].startswith("aesgcm1:")
    # another installation's key (a stolen dump read elsewhere) cannot open it
    settings.SAMEN_VERIFICATION_KEY = "another-installation"
    with pytest.raises(InvalidTag):
        open_secret(stored[Authenticator.Type.TOTP]["secret"])


def test_secrets_stored_in_the_clear_before_are_sealed_by_the_migration_and_still_sign_in(client, manager):
    Authenticator.objects.filter(user=manager, type=Authenticator.Type.TOTP).update(data={"secret": TOTP_SECRET})
    migration = importlib.import_module("samen.accounts.migrations.0004_seal_authenticator_secrets")

    migration.seal(django_apps, None)

    stored = Authenticator.objects.get(user=manager, type=Authenticator.Type.TOTP).data["secret"]
    assert stored.startswith("aesgcm1:")
    assert open_secret(stored) == TOTP_SECRET
    _sign_in(client, manager.email)
    assert client.post(reverse("mfa_authenticate"), {"code": totp_code()}).status_code == 302
    assert int(client.session[SESSION_KEY]) == manager.pk
