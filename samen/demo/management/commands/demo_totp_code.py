import time

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samen.demo.processes import DEMO_DOMAIN


class Command(BaseCommand):
    help = "Print the authenticator app's current code of a demo staff account (laptop only: DJANGO_DEBUG=true)."

    def add_arguments(self, parser):
        parser.add_argument("email", nargs="?", default=f"manager@{DEMO_DOMAIN}")

    def handle(self, *args, email, **options):
        if not settings.DEBUG:
            raise CommandError("demo_totp_code is for a laptop demo only (DJANGO_DEBUG=true).")
        if not email.endswith(f"@{DEMO_DOMAIN}"):
            raise CommandError(f"Only demo accounts (…@{DEMO_DOMAIN}).")
        app = Authenticator.objects.filter(user__email=email, type=Authenticator.Type.TOTP).first()
        if app is None:
            raise CommandError(
                f"{email} has no authenticator app: only the demo staff accounts have one, once seed_demo has run."
            )
        now = time.time()
        code = format_hotp_value(hotp_value(decrypt(app.data["secret"]), int(now) // app_settings.TOTP_PERIOD))
        left = app_settings.TOTP_PERIOD - int(now) % app_settings.TOTP_PERIOD
        self.stdout.write(f"{code}  (for {email}, valid for {left} more seconds, once)")
