from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """Without an explicit `next`, land on the home page in the resident's preferred language."""
        return translate_url(super().get_login_redirect_url(request), request.user.preferred_language)
