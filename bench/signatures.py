"""Load test (issue 8): 300 verified residents sign one initiative at the same moment, on PostgreSQL under gunicorn.

Three waves, each released by one barrier so that every request leaves at the same instant: 299 residents sign once;
the same 299 sign again (each must be refused); the 300th sends 50 signatures at once (one must count). Afterwards
the database and the initiative's page must say exactly 300, with no person counted twice.

    .venv/bin/python bench/signatures.py     # about a minute; writes bench/results/signatures.json
"""

import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_ideas import CSRF, PORT, ROOT, prepare, serving

DATABASE = "samen_bench_signatures"


def seed(residents: int) -> dict:
    """Runs inside Django (child process): a census of invented residents, their verified accounts with sessions,
    and an initiative collecting signatures."""
    import django

    django.setup()
    from datetime import date

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from samen.accounts.models import User
    from samen.accounts.verification import upload_census, verify_with_document
    from samen.demo.identities import invented_document_number, invented_national_number
    from samen.initiatives import services

    administrator = User.objects.create_user("admin@bench.invalid", role="administrator", display_name="Admin")
    manager = User.objects.create_user("manager@bench.invalid", role="process_manager", display_name="Manager")
    people = [
        (invented_national_number(date(1950 + i % 50, 1 + i % 12, 1 + i % 28), i % 1000), i) for i in range(residents)
    ]
    rows = ["national_number,birth_date,postcode,document_number"]
    for number, _ in people:
        born = f"19{number[:2]}-{number[2:4]}-{number[4:6]}"
        rows.append(f"{number},{born},1000,{invented_document_number(number)}")
    upload_census(municipality_nis="21004", uploader=administrator, text="\n".join(rows) + "\n")
    sessions = []
    for number, i in people:
        user = User.objects.create_user(f"resident{i}@bench.invalid", display_name=f"Resident {i}")
        born = date(1900 + int(number[:2]), int(number[2:4]), int(number[4:6]))
        verify_with_document(
            user=user, national_number=number, born_on=born, document_number=invented_document_number(number)
        )
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append(store.session_key)
    kind = services.create_kind(name={"nl": "Bench", "fr": "Bench"}, municipality_nis="21004", committee_size=1)
    texts = {"nl": "Bench", "fr": "Bench"}
    author = User.objects.get(email="resident0@bench.invalid")
    initiative = services.draft_initiative(kind=kind, author=author, title=texts, text=texts, reasons=texts)
    services.submit_initiative(initiative=initiative, author=author)
    services.review_admissibility(initiative=initiative, staff=manager, admit=True)
    return {"initiative": initiative.pk, "sessions": sessions}


def wave(initiative: int, sessions: list[str]) -> list[tuple[int, float]]:
    """Every session posts one signature; all requests wait at one barrier and leave together."""
    barrier = threading.Barrier(len(sessions))
    results: list[tuple[int, float]] = [(0, 0.0)] * len(sessions)

    def post(index: int, session: str) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        headers = {
            "Cookie": f"sessionid={session}; csrftoken={CSRF}",
            "X-CSRFToken": CSRF,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        connection.connect()
        barrier.wait()
        started = time.perf_counter()
        connection.request("POST", f"/en/initiatives/{initiative}/sign/", body="", headers=headers)
        status = connection.getresponse().status
        results[index] = (status, time.perf_counter() - started)

    threads = [threading.Thread(target=post, args=(i, s)) for i, s in enumerate(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def summary(results: list[tuple[int, float]]) -> dict:
    seconds = sorted(duration for _, duration in results)
    statuses: dict[str, int] = {}
    for status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    return {
        "requests": len(results),
        "statuses": statuses,
        "p50_ms": round(statistics.median(seconds) * 1000),
        "p99_ms": round(seconds[int(len(seconds) * 0.99) - 1] * 1000),
        "slowest_ms": round(seconds[-1] * 1000),
    }


def check(database_url: str, initiative: int, residents: int) -> dict:
    import psycopg

    with psycopg.connect(database_url) as connection:
        standing = connection.execute(
            "SELECT count(*), count(DISTINCT digest) FROM initiatives_signature "
            "WHERE initiative_id = %s AND withdrawn_at IS NULL",
            [initiative],
        ).fetchone()
    page = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    page.request("GET", f"/en/initiatives/{initiative}/")
    shown = f"{residents} signatures of 2000 needed" in page.getresponse().read().decode()
    return {"stored": standing[0], "distinct_people": standing[1], "page_shows_the_same_count": shown}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--residents", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument(
        "--admin-url", default=os.environ.get("BENCH_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/test")
    )
    parser.add_argument("--seed", action="store_true", help=argparse.SUPPRESS)  # the child process's job
    args = parser.parse_args()
    if args.seed:
        print(json.dumps(seed(args.residents)))
        return 0

    database_url, env, data, _seconds = prepare(
        args.admin_url, DATABASE, [__file__, "--seed", "--residents", str(args.residents)]
    )
    with serving(env, args.workers):
        alone, others = data["sessions"][0], data["sessions"][1:]
        report = {
            "settings": vars(args) | {"cores": os.cpu_count()},
            "everyone_but_one_signs_at_once": summary(wave(data["initiative"], others)),
            "they_all_sign_again_at_once": summary(wave(data["initiative"], others)),
            "the_last_one_signs_fifty_times_at_once": summary(wave(data["initiative"], [alone] * 50)),
            "integrity": check(database_url, data["initiative"], args.residents),
        }
    print(json.dumps(report, indent=2))
    (ROOT / "bench" / "results" / "signatures.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
