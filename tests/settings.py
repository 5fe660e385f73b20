"""The application's settings with a fast password hasher and nothing that reaches outside the machine."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("SAMEN_VERIFICATION_KEY", "tests-only-verification-key")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "false")
os.environ.setdefault("SAMEN_ALLOW_LOCAL_CACHE", "true")  # one process: the local memory cache is shared enough

from samen.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="samen-test-media-")
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
ACCOUNT_RATE_LIMITS = False
STATIC_ROOT = tempfile.mkdtemp(prefix="samen-test-static-")
LANGUAGE_CODE = "en"  # assertions read in English; the language tests choose theirs explicitly
SAMEN_SIGNUP_MIN_SECONDS = 0  # the sign-up tests that need the delay set it themselves
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405 - threads in the race and browser tests open their own
if "replica" in DATABASES:  # noqa: F405 - DATABASE_REPLICA_URL: a streaming replica of the primary (.ci/run starts one)
    # The test database is created on the primary and reaches the replica by streaming replication: Django must
    # neither create nor flush it there (a mirror), and tests/conftest.py points the alias back at the replica
    # server, not at the primary as a mirror would be.
    DATABASES["replica"]["CONN_MAX_AGE"] = 0  # noqa: F405
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}  # noqa: F405
