"""An idea with 10,000 comments (issue 14): the size and render time of its page, in-process.

Builds a throwaway test database (SQLite in memory, or PostgreSQL when DATABASE_URL says so), one open process and
one idea with 8,000 top-level comments and 2,000 replies from 200 residents, then asks Django's test client, as a
signed-in resident (reply forms under every thread) and as an anonymous visitor, for: the idea's page, the page a
link to the newest comment lands on (as in a notification e-mail) and the "more comments" fragment htmx fetches.
Prints the size and the median of five renders (wall and CPU time) and writes bench/results/comment_pages.json
(bench/results/comment_pages_postgresql.json on PostgreSQL), with the load average before and after.

    .venv/bin/python bench/comment_pages.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samen_comment_pages .venv/bin/python bench/comment_pages.py
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(threads: int, replies: int):
    """The idea, its comments and one signed-in resident, written in bulk (no e-mails, no moderation)."""
    from datetime import timedelta

    from django.utils import timezone

    from samen.accounts.models import User
    from samen.ideas.models import Comment, Idea
    from samen.processes import services

    rng = random.Random(14)
    today = timezone.localdate()
    process = services.create_process(slug="comments", title={"nl": "Bench", "fr": "Bench", "en": "Bench"})
    theme = services.add_theme(process=process, slug="t", name={"nl": "T", "fr": "T", "en": "T"})
    services.add_phase(
        process=process, kind="idea_collection", first_day=today - timedelta(days=5), last_day=today + timedelta(days=5)
    )
    services.publish_process(process=process)
    people = User.objects.bulk_create(
        User(email=f"resident{i}@bench.invalid", display_name=f"Resident {i}", password="!") for i in range(200)
    )
    idea = Idea.objects.create(
        process=process, theme=theme, author=people[0], title="A long debate", body="Benches.", language="en"
    )
    sentence = "I would rather see trees on this square than another parking place for cars, honestly. "

    def comment(*, body: str, **fields) -> Comment:
        written = Comment(idea=idea, language="en", **fields)
        written.set_body(body)  # as services.add_comment does
        return written

    # The same random draws, in the same order, as before comments stored their HTML.
    tops = Comment.objects.bulk_create(
        (comment(author=rng.choice(people), body=sentence * rng.randint(1, 3)) for _ in range(threads)),
        batch_size=1000,
    )
    Comment.objects.bulk_create(
        (comment(parent=rng.choice(tops), author=rng.choice(people), body=sentence) for _ in range(replies)),
        batch_size=1000,
    )
    return idea, people[1]


def measure(client, path: str, runs: int, **headers) -> dict:
    """Wall time, and the process's CPU time (the fairer figure when other processes share the cores)."""
    times, cpu_times, size = [], [], 0
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(path, **headers)
        times.append(time.perf_counter() - started)
        cpu_times.append(time.process_time() - cpu_started)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code}")
        size = len(response.content)
    return {
        "path": path,
        "kb": round(size / 1024, 1),
        "median_ms": round(1000 * statistics.median(times), 1),
        "median_cpu_ms": round(1000 * statistics.median(cpu_times), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=8_000)
    parser.add_argument("--replies", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"  # DEBUG off, plain static files, local cache
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from samen.ideas.models import Comment

    setup_test_environment()
    load_before = os.getloadavg()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        idea, resident = build(args.threads, args.replies)
        if connection.vendor == "postgresql":
            # The statistics autovacuum gathers after so many inserts: without them the planner takes the
            # freshly filled table for an empty one.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        newest = Comment.objects.filter(idea=idea).latest("created_at", "pk")
        results = []
        for who in ("resident", "anonymous"):
            client = Client()
            if who == "resident":
                client.force_login(resident)
            for name, path, headers in (
                ("idea page", f"/en/ideas/{idea.pk}/", {}),
                ("link to the newest comment", f"/en/ideas/{idea.pk}/?comment={newest.pk}", {}),
                ("more comments (htmx)", f"/en/ideas/{idea.pk}/?comments=2", {"HTTP_HX_REQUEST": "true"}),
            ):
                row = {"viewer": who, "request": name} | measure(client, path, args.runs, **headers)
                results.append(row)
                print(json.dumps(row))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    machine = {"database": connection.vendor, "cores": os.cpu_count()}
    machine |= {"load_before": [round(n, 2) for n in load_before], "load_after": [round(n, 2) for n in os.getloadavg()]}
    report = {"settings": vars(args) | machine, "results": results}
    name = "comment_pages.json" if connection.vendor == "sqlite" else f"comment_pages_{connection.vendor}.json"
    (ROOT / "bench" / "results" / name).write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
