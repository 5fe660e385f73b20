"""Where the support toggle's time goes, in-process: Django's test client with the production settings
(bench/settings.py) on the database that bench/load_wrk.py seeded and left behind (run that first), one signed-in
resident supporting and withdrawing on one idea with htmx, beside the bare one-INSERT view (/bench/bare-write/).

    .venv/bin/python bench/load_wrk.py --only writes      # seeds samen_bench_wrk
    .venv/bin/python bench/toggle_cpu.py --toggles 1000 [--profile]

Prints CPU (this process: Django, the ORM, psycopg, redis-py; not PostgreSQL's or Redis's) and wall time per request,
as JSON; --profile adds cProfile's top functions by cumulative CPU time."""

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samen_bench_wrk")
os.environ.setdefault("CACHE_URL", "rediscache://127.0.0.1:6379/3")

CSRF = "benchcsrftokenbenchcsrftoken0123"  # 32 characters: the cookie's secret, sent back unmasked in the header


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--toggles", type=int, default=1000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import Client
    from django.urls import reverse

    from samen.accounts.models import User
    from samen.ideas.models import Idea, Support
    from samen.processes import queries
    from samen.processes.phases import SUPPORT

    resident = User.objects.filter(is_staff=False, is_active=True).order_by("pk")[5]
    idea = next(
        idea
        for idea in Idea.objects.select_related("process").filter(visibility="published").order_by("pk")[:500]
        if queries.phase_allows(idea.process, SUPPORT)
    )
    Support.objects.filter(idea=idea, resident=resident).delete()
    client = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    client.force_login(resident)
    client.cookies["csrftoken"] = CSRF
    toggle_url = reverse("ideas:support", args=[idea.pk])
    form = "application/x-www-form-urlencoded"

    def toggles(count):
        for index in range(count):
            action = "withdraw" if index % 2 else "support"
            response = client.post(
                toggle_url, f"action={action}", content_type=form, HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=CSRF
            )
            assert response.status_code == 200, response.status_code

    def bare(count):
        for index in range(count):
            body = f"resident={resident.pk}&idea={index}"
            assert client.post("/bench/bare-write/", body, content_type=form).status_code == 200

    report = {"toggles": args.toggles}
    for name, run in (("bare write", bare), ("support toggle", toggles), ("bare write, again", bare)):
        run(20)  # warm: the phases in memory, the prepared queries built
        cpu, wall = time.process_time(), time.perf_counter()
        run(args.toggles)
        report[name] = {
            "cpu_ms": round((time.process_time() - cpu) / args.toggles * 1000, 3),
            "wall_ms": round((time.perf_counter() - wall) / args.toggles * 1000, 3),
        }
    print(json.dumps(report, indent=2))
    if args.profile:
        profile = cProfile.Profile(time.process_time)
        profile.runcall(toggles, args.toggles)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
