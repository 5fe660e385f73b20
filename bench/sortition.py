"""LEXIMIN sortition (issue 7): Samen against the reference package's open-solver path, on every shared instance.

Samen: `samen.algorithms.sortition.leximin` (column generation over types of people, HiGHS), then the seeded draw
of the final panel. Reference: sortition-algorithms 0.12.15's MAXIMIN on HiGHS (its LEXIMIN needs Gurobi), given
the same people and quotas. Each run is a child process of its own, one after the other (never two at once), with
a time limit (600 s by default); only the solve and the draw are timed, not the imports or the CSV reading. The
minimum probability is taken over the people who fit on some feasible panel, as in data/sortition/expected.json.

    .venv/bin/python bench/sortition.py        # writes bench/results/sortition.json
"""

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "data" / "sortition"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
from bench.brussels_pools import INSTANCES  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "sortition.json"
SEED = "bench/sortition.py"


def about_instance(name: str) -> dict:
    """What expected.json says of an instance; the generated Brussels-like pools are described by their generator."""
    if name in EXPECTED["instances"]:
        return EXPECTED["instances"][name]
    n, _, k, _ = INSTANCES[name]
    return {"quotas_file": "categories.csv", "pool_file": "respondents.csv", "id_column": "id", "n": n, "k": k}


def load(name: str):
    from samen.algorithms.sortition import read_pool, read_quotas

    about = about_instance(name)
    with (DATA / name / about["quotas_file"]).open(encoding="utf-8-sig", newline="") as lines:
        quotas = read_quotas(lines)
    with (DATA / name / about["pool_file"]).open(encoding="utf-8-sig", newline="") as lines:
        people = read_pool(lines, quotas, id_column=about["id_column"])
    return people, quotas, about["k"]


def run_samen(name: str) -> dict:
    from samen.algorithms.sortition import leximin_distribution, sample_panel

    people, quotas, k = load(name)
    started = time.perf_counter()
    lottery = leximin_distribution(people, quotas, k)
    solved = time.perf_counter()
    panel = sample_panel(lottery, SEED)
    drawn = time.perf_counter()
    assert len(panel) == k
    return {
        "seconds": solved - started,
        "draw_seconds": drawn - solved,
        "min_probability": lottery.min_probability,
        "panels": len(lottery.panels),
        "unselectable": len(lottery.unselectable),
    }


def run_reference(name: str) -> dict:
    from sortition_algorithms import Settings, read_in_features, read_in_people
    from sortition_algorithms.committee_generation import find_distribution_maximin

    people, quotas, k = load(name)
    rows = [{"feature": q.category, "value": q.value, "min": str(q.min), "max": str(q.max)} for q in quotas]
    features, _, _ = read_in_features(["feature", "value", "min", "max"], rows, k)
    categories = list(dict.fromkeys(q.category for q in quotas))
    pool_rows = [{"id": p.id, **{c: p.value(c) for c in categories}} for p in people]
    pool, _ = read_in_people(["id", *categories], pool_rows, features, Settings(id_column="id", columns_to_keep=[]))
    started = time.perf_counter()
    committees, probabilities, _ = find_distribution_maximin(features, pool, k, [])
    solved = time.perf_counter()
    seats = {person: 0.0 for committee in committees for person in committee}  # its covered people
    for committee, probability in zip(committees, probabilities, strict=True):
        for person in committee:
            seats[person] += probability
    return {
        "seconds": solved - started,
        "min_probability": min(seats.values()),
        "panels": sum(1 for probability in probabilities if probability > 0),
        "unselectable": len(people) - len(seats),
    }


def measure(kind: str, name: str, timeout: float) -> dict:
    """One run in a fresh child process; the last line it prints is its result."""
    command = [sys.executable, __file__, "--child", kind, name]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"timed_out": True, "timeout_seconds": timeout}
    return json.loads(done.stdout.strip().splitlines()[-1])


def shown(result: dict, key: str, digits: int) -> str:
    if result.get("timed_out"):
        return f"> {result['timeout_seconds']:.0f} s" if key == "seconds" else "n/a"
    return f"{result[key]:.{digits}f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=600.0, help="per run, in seconds (default: 600)")
    parser.add_argument("--only", action="append", metavar="NAME", help="run this instance only (repeatable)")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"default: {RESULTS.relative_to(ROOT)}")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "NAME"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, name = args.child
        print(json.dumps(run_samen(name) if kind == "samen" else run_reference(name)))
        return
    names = sorted({*EXPECTED["instances"], *INSTANCES}, key=lambda name: (about_instance(name)["n"], name))
    names = [name for name in names if not args.only or name in args.only]
    rows = []
    print("instance | n | k | Samen s | Samen min p | draw ms | reference s | reference min p | expected | speed-up")
    for name in names:
        about = about_instance(name)
        expected = about.get("expected_min_probability")
        load_before = os.getloadavg()[0]  # other work on the machine shows here; the ratio is what to compare
        samen = measure("samen", name, args.timeout)
        reference = measure("reference", name, args.timeout)
        ratio = (args.timeout if reference.get("timed_out") else reference["seconds"]) / (
            args.timeout if samen.get("timed_out") else samen["seconds"]
        )
        rows.append(
            {
                "instance": name,
                "n": about["n"],
                "k": about["k"],
                "samen": samen,
                "reference": reference,
                "expected_min_probability": expected,
                "speed_up": ratio,
                "speed_up_is_a_lower_bound": bool(reference.get("timed_out")),
                "load_average_1min": [load_before, os.getloadavg()[0]],
            }
        )
        print(
            f"{name} | {about['n']} | {about['k']} | {shown(samen, 'seconds', 2)}"
            f" | {shown(samen, 'min_probability', 6)} | {samen.get('draw_seconds', math.nan) * 1000:.1f}"
            f" | {shown(reference, 'seconds', 2)}"
            f" | {shown(reference, 'min_probability', 6)} | {'n/a' if expected is None else f'{expected:.6f}'}"
            f" | {'> ' if reference.get('timed_out') else ''}{ratio:.1f}x",
            flush=True,
        )
    args.output.parent.mkdir(exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
                "timeout_seconds": args.timeout,
                "seed": SEED,
                "instances": rows,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
