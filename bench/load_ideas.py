"""Load benchmark (issue 4): the platform on PostgreSQL and Redis under gunicorn with production settings.

Seeds 10,000 ideas and 1,000 signed-in accounts, then drives, one scenario after the other, with the same
concurrent clients: a bare Django view doing one INSERT (the reference), the support toggle, the idea list, a
search in it and the map endpoint. Afterwards it checks that every acknowledged support is in the database exactly
once.

    .venv/bin/python bench/load_ideas.py            # about two minutes; writes bench/results/load_ideas_c16.json
    .venv/bin/python bench/load_ideas.py --seconds 5 --clients 8   # a quick look
"""

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PORT = 8099
CSRF = "b" * 32  # an unmasked CSRF secret: the cookie and the header carry the same value


def _database_url(base: str, name: str) -> str:
    parts = urllib.parse.urlsplit(base)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


CACHE_URL = "rediscache://127.0.0.1:6379/3"  # as in production (docs/operations.md): sessions and the map cache


def _env(database_url: str, static_root: str) -> dict:
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "CACHE_URL": CACHE_URL,
        "DJANGO_STATIC_ROOT": static_root,
        "PYTHONPATH": str(ROOT),
    }


def recreate_database(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def prepare(admin_url: str, name: str, seeding: list[str]) -> tuple[str, dict, dict, float]:
    """A new database `name`, migrated, with static files collected and Redis emptied, then seeded by a child
    process (`seeding`: a script and its arguments; its last line of output is JSON). Returns the database URL, the
    environment, that JSON and how long the seeding took."""
    database_url = _database_url(admin_url, name)
    recreate_database(admin_url, name)
    import redis

    redis.Redis.from_url(CACHE_URL.replace("rediscache://", "redis://")).flushdb()
    env = _env(database_url, tempfile.mkdtemp(prefix="samen-bench-static-"))
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([python, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    started = time.perf_counter()
    seeded = subprocess.run([python, *seeding], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return database_url, env, json.loads(seeded.stdout.splitlines()[-1]), time.perf_counter() - started


@contextmanager
def serving(env: dict, workers: int) -> Iterator[None]:
    """gunicorn with production settings on PORT, once its health check answers; stopped on the way out."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "bench.wsgi:application", "--workers", str(workers), "--bind", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(100):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield
    finally:
        server.terminate()
        server.wait(timeout=30)


def seed(ideas: int, accounts: int) -> dict:
    """Runs inside Django (child process): one open process, accounts with sessions, ideas across Brussels."""
    import django

    django.setup()
    from datetime import timedelta

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.utils import timezone

    from samen.accounts.models import User
    from samen.common.geography import neighbourhoods
    from samen.ideas.models import Idea
    from samen.processes import services

    rng = random.Random(4)
    today = timezone.localdate()
    process = services.create_process(slug="bench", title={"nl": "Bench", "fr": "Bench", "en": "Bench"})
    themes = [
        services.add_theme(process=process, slug=f"theme-{i}", name={"nl": f"T{i}", "fr": f"T{i}", "en": f"T{i}"})
        for i in range(4)
    ]
    services.add_phase(
        process=process, kind="idea_collection", first_day=today - timedelta(days=5), last_day=today + timedelta(days=5)
    )
    services.publish_process(process=process)
    people = User.objects.bulk_create(
        User(email=f"resident{i}@bench.invalid", display_name=f"Resident {i}", password="!") for i in range(accounts)
    )
    places = [n for n in neighbourhoods().values() if n.code < 700]
    words = [
        "bench",
        "tree",
        "bike",
        "square",
        "market",
        "school",
        "park",
        "light",
        "street",
        "library",
        "garden",
        "play",
        "shade",
        "bus",
    ]
    rows = []
    for i in range(ideas):
        place = rng.choice(places)
        rows.append(
            Idea(
                process=process,
                theme=rng.choice(themes),
                author=rng.choice(people),
                title=f"{' '.join(rng.sample(words, 4)).capitalize()} {i}",
                body=" ".join(rng.choices(words, k=60)),
                language=rng.choice(["nl", "fr", "en"]),
                longitude=place.label_point[0] + rng.uniform(-0.001, 0.001),
                latitude=place.label_point[1] + rng.uniform(-0.001, 0.001),
                neighbourhood_code=place.code,
                municipality_nis=place.municipality_nis,
            )
        )
    created = Idea.objects.bulk_create(rows, batch_size=1000)
    sessions = []
    for person in people:
        store = SessionStore()
        store[SESSION_KEY] = str(person.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = person.get_session_auth_hash()
        store.create()
        sessions.append((person.pk, store.session_key))
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_write (id bigserial PRIMARY KEY, resident_id integer NOT NULL, "
            "idea_id integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (resident_id, idea_id))"
        )
        cursor.execute("ANALYZE")  # as autovacuum would after a bulk load: plans from real statistics
    return {"slug": process.slug, "ideas": [idea.pk for idea in created], "sessions": sessions}


class Scenario:
    """Concurrent clients for a fixed time; each records its latencies and what the server acknowledged."""

    def __init__(self, name: str, request, *, seconds: float, clients: int):
        self.name, self.request, self.seconds, self.clients = name, request, seconds, clients
        self.latencies: list[float] = []
        self.failures = Counter()
        self.lock = threading.Lock()

    def _client(self, index: int, deadline: float) -> None:
        rng = random.Random(index)
        latencies, failures = [], Counter()
        while time.perf_counter() < deadline:
            method, path, body, headers, on_ok = self.request(index, rng)
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except OSError as error:
                status = type(error).__name__
            finally:
                connection.close()
            latencies.append(time.perf_counter() - started)
            if status == 200:
                on_ok()
            else:
                failures[status] += 1
        with self.lock:
            self.latencies += latencies
            self.failures += failures

    def _drive(self, seconds: float) -> None:
        deadline = time.perf_counter() + seconds
        threads = [threading.Thread(target=self._client, args=(i, deadline)) for i in range(self.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def run(self, warmup: float = 2.0) -> dict:
        # Unrecorded warm-up: every worker has its connections open and its templates and caches filled.
        # Its acknowledged supports still count in the integrity check.
        self._drive(warmup)
        self.latencies, self.failures = [], Counter()
        self._drive(self.seconds)
        ordered = sorted(self.latencies)
        return {
            "scenario": self.name,
            "requests": len(ordered),
            "failed": dict(self.failures),
            "throughput_per_s": round(len(ordered) / self.seconds, 1),
            "p50_ms": round(1000 * statistics.median(ordered), 1),
            "p99_ms": round(1000 * ordered[int(0.99 * (len(ordered) - 1))], 1),
        }


def _form(fields: dict) -> tuple[str, dict]:
    return urllib.parse.urlencode(fields), {"Content-Type": "application/x-www-form-urlencoded"}


def scenarios(data: dict, seconds: float, clients: int, acknowledged: dict):
    ideas, sessions, slug = data["ideas"], data["sessions"], data["slug"]

    def bare(index, rng):
        body, headers = _form({"resident": rng.choice(sessions)[0], "idea": rng.choice(ideas)})
        return "POST", "/bench/bare-write/", body, headers, lambda: None

    def support(index, rng):
        # Each client owns its own accounts, so the acknowledged order of one pair's toggles is the real one.
        resident, session = rng.choice(sessions[index::clients])
        idea = rng.choice(ideas)
        action = "withdraw" if acknowledged.get((resident, idea)) else "support"
        body, headers = _form({"action": action})
        headers |= {"Cookie": f"sessionid={session}; csrftoken={CSRF}", "X-CSRFToken": CSRF, "HX-Request": "true"}

        def on_ok():
            acknowledged[(resident, idea)] = action == "support"

        return "POST", f"/en/ideas/{idea}/support/", body, headers, on_ok

    def idea_list(index, rng):
        return "GET", f"/en/processes/{slug}/?page={rng.randint(1, 50)}", None, {}, lambda: None

    def idea_search(index, rng):
        # Each seeded title ends with its number: a search that finds one idea among 10,000.
        return "GET", f"/en/processes/{slug}/?q={rng.randrange(len(ideas))}", None, {}, lambda: None

    def map_points(index, rng):
        return "GET", f"/en/processes/{slug}/ideas.geojson", None, {"Accept-Encoding": "gzip"}, lambda: None

    # The reference runs first and last, so a slow spell of the shared machine weighs on both sides.
    for name, request in (
        ("bare write (reference)", bare),
        ("support toggle", support),
        ("idea list, 10,000 ideas", idea_list),
        ("idea search, 10,000 ideas", idea_search),
        ("map endpoint, 10,000 ideas", map_points),
        ("bare write (reference, again)", bare),
    ):
        yield Scenario(name, request, seconds=seconds, clients=clients)


def verify(database_url: str, acknowledged: dict) -> dict:
    import psycopg

    with psycopg.connect(database_url) as connection:
        rows = connection.execute("SELECT resident_id, idea_id FROM ideas_support").fetchall()
    stored = Counter(rows)
    expected = {pair for pair, supported in acknowledged.items() if supported}
    return {
        "acknowledged_supports": len(expected),
        "stored_supports": len(rows),
        "duplicates": sum(1 for count in stored.values() if count > 1),
        "missing": len(expected - set(stored)),
        "unexpected": len(set(stored) - expected),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--ideas", type=int, default=10_000)
    parser.add_argument("--accounts", type=int, default=1_000)
    parser.add_argument(
        "--admin-url", default=os.environ.get("BENCH_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/test")
    )
    parser.add_argument("--seed", action="store_true", help=argparse.SUPPRESS)  # the child process's job
    args = parser.parse_args()
    if args.seed:
        print(json.dumps(seed(args.ideas, args.accounts)))
        return 0

    database_url, env, data, seconds = prepare(
        args.admin_url,
        "samen_bench",
        [__file__, "--seed", "--ideas", str(args.ideas), "--accounts", str(args.accounts)],
    )
    print(f"seeded {len(data['ideas'])} ideas and {len(data['sessions'])} accounts in {seconds:.0f} s")

    with serving(env, args.workers):
        acknowledged: dict = {}
        results = []
        for scenario in scenarios(data, args.seconds, args.clients, acknowledged):
            result = scenario.run()
            results.append(result)
            print(json.dumps(result))

    bare = statistics.mean([results[0]["throughput_per_s"], results[-1]["throughput_per_s"]])
    report = {
        "settings": vars(args) | {"cores": os.cpu_count()},
        "results": results,
        "support_vs_bare_throughput": round(results[1]["throughput_per_s"] / bare, 3),
        "integrity": verify(database_url, acknowledged),
    }
    out = ROOT / "bench" / "results" / f"load_ideas_c{args.clients}.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({k: report[k] for k in ("support_vs_bare_throughput", "integrity")}, indent=2))
    integrity = report["integrity"]
    return 0 if integrity["duplicates"] == integrity["missing"] == integrity["unexpected"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
