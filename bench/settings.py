"""Production settings for the load benchmark, plus one bare view to compare with (bench/urls.py)."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("SAMEN_VERIFICATION_KEY", "bench-only-verification-key")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")  # plain HTTP on the loopback
os.environ.setdefault("DJANGO_SECURE_COOKIES", "false")

from samen.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
