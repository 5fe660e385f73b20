"""One settings file, read from the environment (laptop defaults: SQLite, console e-mail, local memory cache)."""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from samen.common.storage_url import media_storage

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="insecure-only-for-development" if DEBUG else None)
if not SECRET_KEY:
    raise environ.ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=true on a laptop).")
# The key of the hashes that stand for national numbers (census lists, verifications, signatures). Changing it
# makes every stored hash unmatchable: set it once, keep it secret, back it up apart from the database.
SAMEN_VERIFICATION_KEY = env.str("SAMEN_VERIFICATION_KEY", default="insecure-only-for-development" if DEBUG else None)
if not SAMEN_VERIFICATION_KEY:
    raise environ.ImproperlyConfigured("Set SAMEN_VERIFICATION_KEY (or DJANGO_DEBUG=true on a laptop).")
SAMEN_VERIFICATION_DAYS = env.int("SAMEN_VERIFICATION_DAYS", default=365)  # a verification then expires
# Verification attempts (all methods together) per account and per client address; django-ratelimit's "N/period".
SAMEN_VERIFY_RATE_ACCOUNT = env.str("SAMEN_VERIFY_RATE_ACCOUNT", default="10/h")
SAMEN_VERIFY_RATE_CLIENT = env.str("SAMEN_VERIFY_RATE_CLIENT", default="30/h")
SAMEN_LETTER_DAYS = env.int("SAMEN_LETTER_DAYS", default=30)  # a verification code sent by post then expires
SAMEN_POSTS_PER_HOUR = env.int("SAMEN_POSTS_PER_HOUR", default=20)  # ideas + comments per account
SAMEN_PAGE_CACHE = env.bool("SAMEN_PAGE_CACHE", default=True)  # anonymous pages from the cache (page_cache.py)
SAMEN_SIGNUP_MIN_SECONDS = env.int("SAMEN_SIGNUP_MIN_SECONDS", default=3)  # a sign-up form filled faster is a script
SAMEN_UNSUBSCRIBE_DAYS = env.int("SAMEN_UNSUBSCRIBE_DAYS", default=90)  # an e-mail's "stop following" link then expires
SAMEN_API_RATE = env.str("SAMEN_API_RATE", default="120/minute")  # requests to /api/v1/ per client address
SAMEN_WEEKLY_DIGEST_WEEKDAY = env.int("SAMEN_WEEKLY_DIGEST_WEEKDAY", default=0)  # notifications_daily: 0 is Monday
# Verification with the Belgian eID or itsme through an OpenID Connect provider (the federal FAS/CSAM, or
# `python -m devtools.oidc_provider` on a laptop). Off while the discovery URL is empty.
SAMEN_EID_DISCOVERY_URL = env.str("SAMEN_EID_DISCOVERY_URL", default="")  # …/.well-known/openid-configuration
SAMEN_EID_CLIENT_ID = env.str("SAMEN_EID_CLIENT_ID", default="")
SAMEN_EID_CLIENT_SECRET = env.str("SAMEN_EID_CLIENT_SECRET", default="")
SAMEN_EID_SCOPES = env.str("SAMEN_EID_SCOPES", default="openid profile egovNRN")
SAMEN_EID_NATIONAL_NUMBER_CLAIM = env.str("SAMEN_EID_NATIONAL_NUMBER_CLAIM", default="egovNRN")  # FAS's claim
SAMEN_EID_LABEL = env.str("SAMEN_EID_LABEL", default="")  # the button's text; empty: "Verify with eID or itsme"
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "template_partials",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "samen.common",
    "samen.accounts",
    "samen.notifications",
    "samen.processes",
    "samen.assisted",
    "samen.ideas",
    "samen.votes",
    "samen.budgets",
    "samen.panels",
    "samen.initiatives",
    "samen.consultations",
    "samen.debates",
    "samen.city",
    "samen.meetings",
    "samen.demo",
    "samen.api",
    "samen.opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "samen.common.replica.ReplicaReadsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "samen.accounts.second_factor.StaffSecondFactorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "samen.urls"
WSGI_APPLICATION = "samen.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "samen" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "samen.common.context_processors.site",
            ],
            "builtins": [
                "django.templatetags.i18n",
                "rules.templatetags.rules",
                "template_partials.templatetags.partials",
                "samen.common.templatetags.samen",
            ],
        },
    },
]

# Every form field rendered with the design system's field group and control classes (docs/design.md).
FORM_RENDERER = "samen.common.forms.FormRenderer"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Reuse a connection for a minute instead of opening one per request (checked before reuse).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A PostgreSQL streaming replica of the primary, if any: anonymous GET requests read from it; whoever wrote in the
# last SAMEN_REPLICA_PIN_SECONDS, signed-in people, writes, transactions and the task worker use the primary
# (samen/common/replica.py). When the replica does not answer, reads go back to the primary.
if _replica_url := env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db_url_config(_replica_url) | {
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
    }
    DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
DATABASE_ROUTERS = ["samen.common.replica.ReplicaRouter"]
SAMEN_REPLICA_READS = True  # the test suite turns it off but for the tests of the replica
SAMEN_REPLICA_PIN_SECONDS = env.int("SAMEN_REPLICA_PIN_SECONDS", default=30)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://"),
    # Per worker, for values whose key says when they are stale (the map's points): no network round trip.
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "samen-local"},
}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "samen.common.cache.RedisCache"  # the same, with one client per worker
# Production needs a cache every gunicorn worker shares: attempt limits count in it, sessions are read from it.
# SAMEN_ALLOW_LOCAL_CACHE=true lifts this for the test suite (one process), never for a server.
_LOCAL_CACHES = ("LocMemCache", "DummyCache", "FileBasedCache")
if (
    not DEBUG
    and CACHES["default"]["BACKEND"].endswith(_LOCAL_CACHES)
    and not env.bool("SAMEN_ALLOW_LOCAL_CACHE", False)
):
    raise environ.ImproperlyConfigured(
        "Set CACHE_URL to a Redis server (e.g. redis://127.0.0.1:6379/1): attempt limits and sessions must be shared "
        "by every gunicorn worker, which a local memory, dummy or file cache is not."
    )
# With a cache every server shares (Redis), sessions are read from it and written through to the database.
if not CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Attempt limits (django-ratelimit) count in the shared cache; a refused attempt gets the 429 page.
RATELIMIT_VIEW = "samen.common.views.too_many_attempts"
RATELIMIT_IP_META_KEY = "samen.common.http.client_ip"
# How many reverse proxies stand in front of gunicorn (each appends to X-Forwarded-For); 0 when none.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("SAMEN_TRUSTED_PROXIES", default=0)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "processes:list"

# django-allauth: e-mail and password, a confirmed address before the first login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "samen.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "samen.accounts.adapter.AccountAdapter"
MFA_ADAPTER = "samen.accounts.adapter.MFAAdapter"  # secrets sealed at rest (issue 13)
ACCOUNT_LOGOUT_REDIRECT_URL = "processes:list"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Samen] "
# Staff (moderators, process managers, administrators) sign in with a second factor: an authenticator app's
# code, or one of its recovery codes. Only a laptop (DEBUG) may turn the requirement off.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Samen"
SAMEN_STAFF_MFA = env.bool("SAMEN_STAFF_MFA", default=True)
if not SAMEN_STAFF_MFA and not DEBUG:
    raise environ.ImproperlyConfigured("SAMEN_STAFF_MFA=false is for a laptop only (with DJANGO_DEBUG=true).")

# Background work (e-mails to followers) goes through Django's Tasks API, stored in the database and run by
# `manage.py db_worker`; nothing is sent inside a request.
TASKS = {"default": {"BACKEND": env.str("SAMEN_TASK_BACKEND", default="django_tasks_db.DatabaseBackend")}}
# The address e-mails link to (no request is at hand in a background task).
SITE_URL = env.str("SAMEN_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Open data (docs/opendata.md): the licence of the downloads (a URI), and who publishes them in the DCAT-AP catalogue.
SAMEN_OPEN_DATA_LICENCE = env.str(
    "SAMEN_OPEN_DATA_LICENCE", default="http://creativecommons.org/publicdomain/zero/1.0/"
)
SAMEN_OPEN_DATA_PUBLISHER = env.str("SAMEN_OPEN_DATA_PUBLISHER", default="City of Brussels")
SAMEN_OPEN_DATA_CONTACT = env.str("SAMEN_OPEN_DATA_CONTACT", default="opendata@example.org")

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Samen <noreply@samen.localhost>")

LANGUAGE_CODE = "fr"
# Dates in English as Brussels writes them ("3 November 2026"); Dutch and French keep Django's own formats.
FORMAT_MODULE_PATH = ["samen.formats"]
LANGUAGES = [("nl", _("Dutch")), ("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# The reference geography is served as static files too (/static/geo/…), for the map's neighbourhood layer.
STATICFILES_DIRS = [BASE_DIR / "samen" / "static", ("geo", BASE_DIR / "data" / "brussels")]
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
# Empty: the folder above. Several app servers: an S3-compatible bucket, s3://bucket/prefix?endpoint_url=https://…
# (see docs/operations.md), its keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
MEDIA_STORAGE = media_storage(
    env.str("MEDIA_STORAGE_URL", default=""),
    access_key=env.str("AWS_ACCESS_KEY_ID", default=""),
    secret_key=env.str("AWS_SECRET_ACCESS_KEY", default=""),
)
STORAGES = {
    "default": MEDIA_STORAGE.backend,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

MAP_TILE_URL = env.str("SAMEN_MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str("SAMEN_MAP_TILE_ATTRIBUTION", default="© OpenStreetMap contributors")
_tile_origin = "/".join(MAP_TILE_URL.split("/")[:3]).replace("{s}.", "*.")

# No inline script or style anywhere: every script and stylesheet is a file we serve.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", _tile_origin, *([MEDIA_STORAGE.origin] if MEDIA_STORAGE.origin else [])],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Production defaults are the safe ones; a laptop (DEBUG) relaxes only what HTTP needs.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env.bool("DJANGO_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
}
