"""How Samen's LEXIMIN grows with the pool (issue 14): generated Brussels-like pools of 300 to 2,000 volunteers.

Each size is a pool from `bench/brussels_pools.py` (7 categories, quotas as the lottery page suggests them, seed
"growth N"), solved once in a child process of its own, one after the other. Reported: the time of
`leximin_distribution` and of the seeded draw (from the child's clock), the child's CPU time and peak memory
(os.wait4: interpreter and imports included, so the memory before the solve is given too), and the least probability.

    .venv/bin/python bench/sortition_growth.py     # writes bench/results/sortition_growth.json
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "sortition_growth.json"
SIZES = ((300, 30), (500, 40), (1000, 50), (2000, 60))  # volunteers, seats
CATEGORIES = 7
SEED = "bench/sortition_growth.py"


def resident_mb() -> float:
    """This process's resident memory now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(volunteers: int, seats: int) -> dict:
    from bench.brussels_pools import generate
    from samen.algorithms.sortition import leximin_distribution, sample_panel
    from samen.algorithms.sortition.pool import group_types

    people, quotas = generate(volunteers, seats, CATEGORIES, f"growth {volunteers}")
    before = resident_mb()
    started = time.perf_counter()
    lottery = leximin_distribution(people, quotas, seats)
    solved = time.perf_counter()
    panel = sample_panel(lottery, SEED)
    drawn = time.perf_counter()
    assert len(panel) == seats
    return {
        "types": len(group_types(people, quotas).sizes),
        "seconds": round(solved - started, 3),
        "draw_seconds": round(drawn - solved, 3),
        "memory_before_solve_mb": round(before, 1),
        "min_probability": lottery.min_probability,
        "panels": len(lottery.panels),
    }


def measure(volunteers: int, seats: int) -> dict:
    """One size in a fresh child process, reaped with os.wait4 for its own CPU time and peak memory."""
    command = [sys.executable, __file__, "--child", str(volunteers), str(seats)]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status):
            raise RuntimeError(f"{volunteers} volunteers: {err.read()}")
        result = json.loads(out.read().strip().splitlines()[-1])
    return {
        **result,
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_mb": round(usage.ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"default: {RESULTS.relative_to(ROOT)}")
    parser.add_argument("--child", nargs=2, type=int, metavar=("VOLUNTEERS", "SEATS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    rows = []
    print("volunteers | types | k | LEXIMIN s | draw s | child CPU s | peak MB | before solve MB | min p")
    for volunteers, seats in SIZES:
        load_before = os.getloadavg()[0]
        result = measure(volunteers, seats)
        rows.append({"volunteers": volunteers, "k": seats, **result, "load_average_1min": load_before})
        print(
            f"{volunteers} | {result['types']} | {seats} | {result['seconds']:.2f} | {result['draw_seconds']:.3f}"
            f" | {result['cpu_seconds']:.2f} | {result['peak_mb']:.0f} | {result['memory_before_solve_mb']:.0f}"
            f" | {result['min_probability']:.6f}",
            flush=True,
        )
    args.output.parent.mkdir(exist_ok=True)
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()}
    report = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine, "sizes": rows}
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
