"""Counting participants at city scale (issue 16): the home page's "N people took part" on every open process.

Builds a throwaway test database (SQLite in memory, or PostgreSQL when DATABASE_URL says so) with 20 open processes
(8 idea calls, 6 shortlist votes, 6 budget ballots), 30,000 accounts of which 60 % verified (some of them moved to a
new account), and 100,000 supports and ballots spread over the processes, plus ideas, comments, proposals and a few
hundred paper ballots and ballots of deleted accounts. Then times, in-process: the count itself
(`processes.queries.participants`, the median of five runs) and the home page for an anonymous visitor (the median of
five requests after a first one). Writes bench/results/participant_counts[_postgresql].json, or with `--label`
participant_counts_<label>[_postgresql].json (e.g. `--label before` on the earlier commit).

    flock /tmp/samen-bench.lock .venv/bin/python bench/participant_counts.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \\
        flock /tmp/samen-bench.lock .venv/bin/python bench/participant_counts.py
"""

import argparse
import hashlib
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _key(vote: str, who: str) -> str:
    """A stand-in for a person's pseudonym in a vote (64 characters, like accounts.verification.vote_pseudonym)."""
    return hashlib.sha256(f"{vote}|{who}".encode()).hexdigest()


def build(*, accounts: int, rows: int) -> tuple[list[int], dict[int, int]]:
    """The processes and who took part, written in bulk; returns the process ids and the expected count of each
    (people, computed here from the identities the script invented)."""
    from datetime import timedelta

    from django.utils import timezone

    from samen.accounts.models import User, Verification, VerificationTransfer
    from samen.budgets.models import Budget, BudgetBallot, Proposal
    from samen.ideas.models import Comment, Idea, Support
    from samen.processes import services
    from samen.votes.models import Ballot, Shortlist

    rng = random.Random(16)
    today = timezone.localdate()
    now = timezone.now()

    def process(slug, kind):
        made = services.create_process(slug=slug, title={"nl": slug, "fr": slug, "en": slug})
        services.add_phase(
            process=made, kind=kind, first_day=today - timedelta(days=5), last_day=today + timedelta(days=5)
        )
        services.publish_process(process=made)
        return made

    people = User.objects.bulk_create(
        (User(email=f"r{i}@bench.invalid", display_name=f"R{i}", password="!") for i in range(accounts)),
        batch_size=2000,
    )
    person = {user.pk: f"u{user.pk}" for user in people}  # who each account is, for the expected counts
    verified = rng.sample(people, int(accounts * 0.6))
    Verification.objects.bulk_create(
        (
            Verification(user=user, digest=f"{user.pk:064x}", method="letter", verified_at=now, expires_at=now)
            for user in verified
        ),
        batch_size=2000,
    )
    for user in verified:
        person[user.pk] = f"{user.pk:064x}"
    # 500 residents whose verification moved from an old account (unverified now) to a new one: one person each.
    unverified = [user for user in people if person[user.pk].startswith("u")]
    moves = list(zip(rng.sample(verified, 500), rng.sample(unverified, 500), strict=True))
    VerificationTransfer.objects.bulk_create(
        VerificationTransfer(
            digest=person[new.pk], method="letter", from_user=old, to_user=new, status="approved", decided_at=now
        )
        for new, old in moves
    )
    for new, old in moves:
        person[old.pk] = person[new.pk]

    def one_account_each(users):  # a person votes once, whichever of their accounts they use
        seen = {}
        for user in users:
            seen.setdefault(person[user.pk], user)
        return list(seen.values())

    took_part: dict[int, set[str]] = {}
    ids = []
    share = rows // 20
    for number in range(8):
        call = process(f"ideas-{number}", "idea_collection")
        theme = services.add_theme(process=call, slug="t", name={"nl": "T", "fr": "T", "en": "T"})
        authors = rng.sample(people, 200)
        ideas = Idea.objects.bulk_create(
            Idea(process=call, theme=theme, author=author, title=f"Idea {i}", body="x", language="en")
            for i, author in enumerate(authors)
        )
        commenters = [rng.choice(people) for _ in range(500)]
        Comment.objects.bulk_create(
            Comment(idea=rng.choice(ideas), author=author, body="x", body_html="<p>x</p>", language="en")
            for author in commenters
        )
        pairs = {(rng.choice(ideas).pk, rng.choice(people).pk) for _ in range(share)}
        Support.objects.bulk_create((Support(idea_id=i, resident_id=u) for i, u in pairs), batch_size=2000)
        took_part[call.pk] = {person[u.pk] for u in authors + commenters} | {person[u] for _i, u in pairs}
        ids.append(call.pk)
    for number in range(6):
        vote = process(f"vote-{number}", "shortlist_vote")
        shortlist = Shortlist.objects.create(process=vote)
        voters = one_account_each(rng.sample(people, share))
        Ballot.objects.bulk_create(
            (Ballot(shortlist=shortlist, voter=u, voter_key=_key(f"v{shortlist.pk}", person[u.pk])) for u in voters),
            batch_size=2000,
        )
        took_part[vote.pk] = {person[u.pk] for u in voters}
        ids.append(vote.pk)
    for number in range(6):
        ballot = process(f"budget-{number}", "budget_ballot")
        budget = Budget.objects.create(process=ballot, amount=100_000)
        authors = rng.sample(people, 30)
        Proposal.objects.bulk_create(
            Proposal(budget=budget, author=u, title_en="P", title_nl="P", title_fr="P", estimated_cost=1000)
            for u in authors
        )
        voters = one_account_each(rng.sample(people, share - 200))
        BudgetBallot.objects.bulk_create(
            (BudgetBallot(budget=budget, voter=u, voter_key=_key(f"b{budget.pk}", person[u.pk])) for u in voters),
            batch_size=2000,
        )
        # Paper ballots and ballots of deleted accounts: a pseudonym, no account; people of their own here.
        BudgetBallot.objects.bulk_create(
            BudgetBallot(budget=budget, voter_key=f"paper{budget.pk}-{i}", paper_reference=f"P{i}") for i in range(200)
        )
        took_part[ballot.pk] = {person[u.pk] for u in authors + voters} | {f"paper{budget.pk}-{i}" for i in range(200)}
        ids.append(ballot.pk)
    return ids, {pk: len(who) for pk, who in took_part.items()}


def timed(call, runs: int) -> dict:
    times, cpu_times = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        call()
        times.append(time.perf_counter() - started)
        cpu_times.append(time.process_time() - cpu_started)
    return {
        "median_ms": round(statistics.median(times) * 1000, 1),
        "median_cpu_ms": round(statistics.median(cpu_times) * 1000, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=30_000)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--label", default="")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"  # DEBUG off, plain static files, local cache
    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from samen.processes import queries

    setup_test_environment()
    load_before = os.getloadavg()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        ids, expected = build(accounts=args.accounts, rows=args.rows)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        counts = queries.participants(ids)
        wrong = {pk: (counts.get(pk), n) for pk, n in expected.items() if counts.get(pk) != n}
        if wrong:
            raise SystemExit(f"wrong counts (found, expected): {wrong}")
        count = timed(lambda: queries.participants(ids), args.runs)
        client = Client()

        def home():
            if client.get("/en/").status_code != 200:
                raise SystemExit("the home page failed")

        home()
        page_warm = timed(home, args.runs)

        def home_cold():
            caches["default"].clear()
            home()

        page_cold = timed(home_cold, args.runs)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    machine = {"database": connection.vendor, "cores": os.cpu_count()}
    machine |= {"load_before": [round(n, 2) for n in load_before], "load_after": [round(n, 2) for n in os.getloadavg()]}
    results = {"count": count, "home (cache warm)": page_warm, "home (shared cache emptied)": page_cold}
    report = {"settings": vars(args) | machine, "participants": sum(expected.values()), "results": results}
    print(json.dumps(report, indent=2))
    name = "participant_counts" + (f"_{args.label}" if args.label else "")
    name += "" if connection.vendor == "sqlite" else f"_{connection.vendor}"
    (ROOT / "bench" / "results" / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
