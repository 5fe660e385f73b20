from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.urls import translate_url

from samen.accounts.second_factor import open_secret, seal_secret


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """Without an explicit `next`, land on the home page in the resident's preferred language."""
        return translate_url(super().get_login_redirect_url(request), request.user.preferred_language)


class MFAAdapter(DefaultMFAAdapter):
    """Authenticator secrets are stored sealed (second_factor.seal_secret), never in the clear."""

    def encrypt(self, text: str) -> str:
        return seal_secret(text)

    def decrypt(self, encrypted_text: str) -> str:
        return open_secret(encrypted_text)
