"""Production settings pass Django's deployment checklist and refuse to start without a secret or a shared cache."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_CACHE = "redis://127.0.0.1:6379/0"  # parsed, never reached: no command here touches the cache


def _manage(*args, **env):
    """manage.py with production's environment: none of the test suite's relaxations (tests/settings.py) leak in."""
    relaxed = ("DJANGO_", "CACHE_URL", "SAMEN_ALLOW_LOCAL_CACHE")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(relaxed)}
    environment.update({"DJANGO_SETTINGS_MODULE": "samen.settings", **env})
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )


def test_production_settings_pass_check_deploy():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="x" * 30 + "a-long-and-random-production-secret-key",
        DJANGO_ALLOWED_HOSTS="samen.brussels",
        CACHE_URL=SHARED_CACHE,
    )

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("cache_url", [None, "locmemcache://", "dummycache://", "filecache:///tmp/samen-cache"])
def test_production_refuses_to_start_without_a_shared_cache(cache_url):
    cache = {"CACHE_URL": cache_url} if cache_url else {}

    result = _manage("check", DJANGO_SECRET_KEY="x" * 60, **cache)

    assert result.returncode != 0
    assert "Set CACHE_URL to a Redis server" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check")

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_a_verification_key():
    environment_without_key = {"SAMEN_VERIFICATION_KEY": ""}

    result = _manage("check", DJANGO_SECRET_KEY="x" * 60, **environment_without_key)

    assert result.returncode != 0
    assert "Set SAMEN_VERIFICATION_KEY" in result.stderr


@pytest.mark.django_db
def test_every_response_carries_a_csp_without_inline_script(client):
    response = client.get("/en/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_static_files_collect_with_the_production_storage(tmp_path):
    result = _manage(
        "collectstatic",
        "--no-input",
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_STATIC_ROOT=str(tmp_path),
        CACHE_URL=SHARED_CACHE,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "staticfiles.json").exists()


def test_sessions_use_a_shared_cache_when_one_is_configured():
    shared = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SESSION_ENGINE)",
        DJANGO_DEBUG="true",
        CACHE_URL="rediscache://127.0.0.1:6379/1",
    )
    local = _manage(
        "shell", "-c", "from django.conf import settings; print(settings.SESSION_ENGINE)", DJANGO_DEBUG="true"
    )

    assert shared.stdout.strip().splitlines()[-1] == "django.contrib.sessions.backends.cached_db"
    assert local.stdout.strip().splitlines()[-1] == "django.contrib.sessions.backends.db"


def test_production_with_a_bucket_and_a_replica_passes_check_deploy_and_lets_pages_show_the_bucket_images():
    production = {
        "DJANGO_SECRET_KEY": "x" * 30 + "a-long-and-random-production-secret-key",
        "DJANGO_ALLOWED_HOSTS": "samen.brussels",
        "CACHE_URL": SHARED_CACHE,
        "MEDIA_STORAGE_URL": "s3://samen-media/media?endpoint_url=https://s3.example.net&region_name=eu-west-1",
        "DATABASE_REPLICA_URL": "postgres://samen@db-replica.internal:5432/samen",  # parsed, never reached
    }

    checked = _manage("check", "--deploy", "--fail-level", "WARNING", **production)
    shown = _manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'][-1],"
        " s.STORAGES['default']['BACKEND'], s.DATABASES['replica']['HOST'])",
        **production,
    )

    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert shown.stdout.splitlines()[-1].split() == [
        "https://s3.example.net",
        "storages.backends.s3.S3Storage",
        "db-replica.internal",
    ]


def test_a_malformed_media_storage_url_stops_the_start_with_its_reason():
    result = _manage("check", DJANGO_SECRET_KEY="x" * 60, CACHE_URL=SHARED_CACHE, MEDIA_STORAGE_URL="s3://samen")

    assert result.returncode != 0
    assert "MEDIA_STORAGE_URL needs endpoint_url" in result.stderr
