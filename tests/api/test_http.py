"""What every answer of the API shares: conditional GET, public caching, CORS, read-only, and the rate limit."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date

from samen.processes.models import Process
from tests.city.conftest import make_indicator
from tests.factories import CommentFactory, IdeaFactory, ProcessFactory, ThemeFactory

pytestmark = pytest.mark.django_db

ONE_WINDOW = datetime(2026, 12, 3, 18, 30, 10, tzinfo=UTC)  # 10 s into a minute: every request of a test in it


def test_an_etag_and_a_304_when_nothing_changed(client, published):
    first = client.get("/api/v1/processes")
    assert first["ETag"]
    assert "public" in first["Cache-Control"]
    assert "max-age=60" in first["Cache-Control"]
    again = client.get("/api/v1/processes", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_change_gives_a_new_etag(client, published):
    first = client.get("/api/v1/processes")
    ProcessFactory(slug="another")
    assert client.get("/api/v1/processes", headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_cors_is_open_for_reading_without_credentials(client, published):
    response = client.get("/api/v1/processes", headers={"Origin": "https://data.example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert client.get("/api/v1/ideas/999999")["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_is_answered(client):
    response = client.options(
        "/api/v1/processes",
        headers={"Origin": "https://data.example.org", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_is_refused(client, published, method):
    response = getattr(client, method)("/api/v1/processes/parks")
    assert response.status_code == 405
    assert response.json()["detail"]
    assert Process.objects.get(slug="parks").status == Process.Status.PUBLISHED


def test_over_the_limit_a_429_with_retry_after(client, settings):
    settings.SAMEN_API_RATE = "3/minute"
    with time_machine.travel(ONE_WINDOW, tick=False):
        assert [client.get("/api/v1/city/domains").status_code for _ in range(3)] == [200, 200, 200]
        refused = client.get("/api/v1/city/domains")
        other = client.get("/api/v1/city/domains", REMOTE_ADDR="192.0.2.7")
    with time_machine.travel(ONE_WINDOW + timedelta(minutes=1), tick=False):
        next_minute = client.get("/api/v1/city/domains")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"  # 10 s into the minute
    assert refused.json()["detail"]
    assert other.status_code == 200  # the limit is per client
    assert next_minute.status_code == 200


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_each_list_costs_the_same_queries_for_one_item_and_three(client):
    process = ProcessFactory(slug="counted")
    theme = ThemeFactory(process=process)
    idea = IdeaFactory(process=process, theme=theme)
    CommentFactory(idea=idea)
    make_indicator("first")
    lists = [
        "/api/v1/processes",
        "/api/v1/processes/counted/ideas",
        f"/api/v1/ideas/{idea.pk}/comments",
        "/api/v1/city/indicators",
        "/api/v1/city/domains",
    ]
    one = {url: _queries(client, url) for url in lists}
    for n in range(2):
        other = ProcessFactory(slug=f"more-{n}")
        ThemeFactory(process=other)
        IdeaFactory(process=process, theme=theme)
        CommentFactory(idea=idea)
        make_indicator(f"more-{n}")
    three = {url: _queries(client, url) for url in lists}
    assert three == one


def test_head_gives_the_headers_without_the_body(client):
    response = client.head("/api/v1/city/domains")
    assert response.status_code == 200
    assert response["ETag"]
    assert response.content == b""


def test_an_unknown_address_of_the_api_is_a_json_404(client):
    response = client.get("/api/v1/nothing/here")
    assert response.status_code == 404
    assert response.json()["detail"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_nul_character_in_the_address_or_a_parameter_is_refused_not_a_500(client, published):
    """PostgreSQL refuses NUL in any text it compares: the contract tests found these answering 500 there."""
    in_path = client.get("/api/v1/processes/parks%00")
    in_filter = client.get("/api/v1/processes/parks/ideas?theme=%00")
    assert (in_path.status_code, in_filter.status_code) == (404, 422)
    assert in_path.json()["detail"]
    assert in_filter.json()["detail"]
    assert client.get("/api/v1/city/indicators/%00").status_code == 404
    assert client.get("/api/v1/city/indicators?domain=moving%00").status_code == 422


def test_links_to_the_site_do_not_depend_on_the_askers_language(client, published):
    dutch = client.get("/api/v1/processes", headers={"Accept-Language": "nl"}).json()
    french = client.get("/api/v1/processes", headers={"Accept-Language": "fr"}).json()
    assert dutch == french


REDIS = {
    "default": {"BACKEND": "samen.common.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0"},
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "samen-local-api"},
}


def _redis_answers() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS["default"]["LOCATION"], socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        return False


@pytest.mark.skipif(not _redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_the_limit_counts_in_redis_as_in_local_memory(client, settings):
    settings.CACHES = REDIS
    settings.SAMEN_API_RATE = "2/minute"
    address = f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"  # a bucket of its own in the shared Redis
    with time_machine.travel(ONE_WINDOW, tick=False):
        codes = [client.get("/api/v1/city/domains", REMOTE_ADDR=address).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_while_the_cache_does_not_answer_the_api_still_serves(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "samen.common.cache.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"},
        "local": REDIS["local"],
    }
    assert client.get("/api/v1/city/domains").status_code == 200


def test_a_final_answer_has_a_last_modified_and_if_modified_since_gives_a_304(client):
    from samen.votes.models import Result
    from tests.votes.conftest import shortlist_at

    ended = shortlist_at("ended")
    url = f"/api/v1/votes/{ended.process.slug}"

    first = client.get(url)
    counted = Result.objects.get(shortlist=ended).counted_at

    assert first["Last-Modified"] == http_date(int(counted.timestamp()))
    assert "Last-Modified" in first["Access-Control-Expose-Headers"]
    again = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"
    earlier = http_date(int(counted.timestamp()) - 3600)
    assert client.get(url, headers={"If-Modified-Since": earlier}).status_code == 200
    assert client.get(f"{url}/ballots", headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304


def test_an_answer_that_can_still_change_has_no_last_modified(client, published):
    from tests.votes.conftest import shortlist_at

    running = shortlist_at("vote")
    for url in ("/api/v1/processes", "/api/v1/votes", f"/api/v1/votes/{running.process.slug}"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Last-Modified" not in response
        assert client.get(url, headers={"If-Modified-Since": http_date(2_000_000_000)}).status_code == 200


@pytest.mark.parametrize(
    ("language", "message"),
    [("nl", "Voer een geheel getal in."), ("fr", "Saisissez un nombre entier."), ("en", "Enter a whole number.")],
)
def test_a_malformed_parameter_is_explained_in_the_askers_language(client, language, message):
    response = client.get("/api/v1/processes?limit=many", headers={"Accept-Language": language})
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["msg"] == message
    assert error["loc"] == ["query", "limit"]
    assert error["type"] == "int_parsing"


def test_a_choice_not_offered_is_explained_in_the_askers_language(client):
    response = client.get("/api/v1/processes?scope=everywhere", headers={"Accept-Language": "nl"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Selecteer een geldige keuze. everywhere is geen beschikbare keuze."
