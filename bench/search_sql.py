"""Idea search on PostgreSQL (issue 14): the stored, GIN-indexed vector against the vector computed per idea.

Seeds 10,000 ideas as `load_ideas.py` does (in a database of its own, `samen_search_bench`, with no Redis), then
runs EXPLAIN ANALYZE on the two queries the idea list sends for a search (the paginator's count and the first page
of ids), once as Samen asks them (`search_ideas`: `search_vector @@` one constant query per language) and once as
they were asked before (the reference: `to_tsvector(unaccent(...))` computed for every idea at every query). Both
must find the same ideas. Prints the median execution time of five runs and writes bench/results/search_sql.json.

    .venv/bin/python bench/search_sql.py
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_ideas import ROOT, _database_url, recreate_database

NAME = "samen_search_bench"
# A word in nearly every idea, a title number (one idea), and a word in none (every index probed, nothing found).
SEARCHES = ("market", "4217", "fietsenstalling")


def reference_search(ideas, text: str):
    """The search as it was before the stored vector: the same document, computed for every idea."""
    from django.contrib.postgres.search import SearchQuery, SearchVector
    from django.db.models import Case, CharField, F, Func, TextField, Value, When

    from samen.common.text import strip_accents

    config = Case(
        When(language="nl", then=Value("dutch")),
        When(language="fr", then=Value("french")),
        default=Value("english"),
        output_field=CharField(),
    )
    title, body = (Func(F(name), function="unaccent", output_field=TextField()) for name in ("title", "body"))
    vector = SearchVector(title, weight="A", config=config) + SearchVector(body, weight="B", config=config)
    query = SearchQuery(strip_accents(text), search_type="websearch", config=config)
    return ideas.annotate(search=vector).filter(search=query)


def explain(sql: str, params, runs: int) -> tuple[float, str]:
    """Median execution time in ms over `runs`, and the plan of the last run."""
    from django.db import connection

    times, plan = [], ""
    with connection.cursor() as cursor:
        for _ in range(runs):
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
            result = cursor.fetchone()[0]
            result = result if isinstance(result, list) else json.loads(result)
            times.append(result[0]["Execution Time"])
        cursor.execute(f"EXPLAIN ANALYZE {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return statistics.median(times), plan


def measure(runs: int, show_plans: bool) -> list[dict]:
    """Runs inside Django (child process)."""
    import django

    django.setup()
    from django.db import connection

    from samen.ideas.models import Idea, Visibility
    from samen.ideas.queries import search_ideas
    from samen.processes.models import Process

    with connection.cursor() as cursor:
        # As autovacuum does after a bulk load (PostgreSQL 13+): it also moves the GIN index's pending entries
        # into the index proper, without which the planner prefers filtering every row.
        cursor.execute("VACUUM ANALYZE ideas_idea")
    process = Process.objects.get(slug="bench")
    results = []
    for text in SEARCHES:
        ideas = Idea.objects.filter(process=process, visibility=Visibility.PUBLISHED)
        row = {"search": text}
        found = {}
        for label, search in (("reference", reference_search), ("samen", search_ideas)):
            ids = search(ideas, text).order_by("-created_at", "-pk").values_list("pk", flat=True)
            found[label] = list(ids.all())
            sql, params = ids.query.sql_with_params()
            # The paginator's count, around the SQL Django compiled (its parameters stay separate).
            count_ms, _plan = explain(f"SELECT COUNT(*) FROM ({sql}) matches", params, runs)  # noqa: S608
            page_sql, page_params = ids[:12].query.sql_with_params()
            page_ms, plan = explain(page_sql, page_params, runs)
            row |= {f"{label}_count_ms": round(count_ms, 3), f"{label}_page_ms": round(page_ms, 3)}
            if show_plans:
                print(f"-- {label}, first page, q={text!r}\n{plan}\n", file=sys.stderr)
        row["matches"] = len(found["samen"])
        row["same_ideas"] = found["samen"] == found["reference"]
        results.append(row)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ideas", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plans", action="store_true", help="print the first page's plans on stderr")
    parser.add_argument(
        "--admin-url", default=os.environ.get("BENCH_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/test")
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the child process's job
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.runs, args.plans)))
        return 0

    recreate_database(args.admin_url, NAME)
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": _database_url(args.admin_url, NAME),
        "CACHE_URL": "locmemcache://",
        "SAMEN_ALLOW_LOCAL_CACHE": "true",
        "PYTHONPATH": str(ROOT),
    }
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    seeding = ["bench/load_ideas.py", "--seed", "--ideas", str(args.ideas), "--accounts", "100"]
    subprocess.run([python, *seeding], cwd=ROOT, env=env, check=True, capture_output=True)
    measuring = [__file__, "--measure", "--runs", str(args.runs)] + (["--plans"] if args.plans else [])
    measured = subprocess.run([python, *measuring], cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE, text=True)
    results = json.loads(measured.stdout.splitlines()[-1])
    for row in results:
        print(json.dumps(row))
    report = {"settings": vars(args) | {"cores": os.cpu_count()}, "results": results}
    (ROOT / "bench" / "results" / "search_sql.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0 if all(row["same_ideas"] for row in results) else 1


if __name__ == "__main__":
    sys.exit(main())
