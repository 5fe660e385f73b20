"""Speed of Equal Shares with Add1 and the greedy completion (issues 6 and 14): Samen against pabutools, then at scale.

Every count runs as its own process, from its start (interpreter, imports and parsing included) to its end, one
after the other, never two at a time (the machine has 2 cores):

- Wieliczka 2023 (6,586 ballots, 64 projects): `samen pb --rule mes-add1-greedy` five times, then pabutools'
  completion_by_rule_combination(MES with voter_budget_increment=1, greedy), the call expected.json names
  mes_add1_greedy, once; the ratio compares pabutools with Samen's median.
- Warszawa 2026 (61,668 ballots, 83 projects): Samen three times; pabutools (about 12 minutes) only with
  `--warszawa-pabutools`, last, after the results without it are written; without it, the ratio is taken to
  pabutools' run recorded in bench/results/pb_equal_shares_warszawa_pabutools.json.
- A synthetic city-wide election, 100,000 approval ballots over 150 projects, generated from a fixed seed, and a
  sweep over voters and projects to show how time and peak memory grow.
- With `--before DIR` (a checkout of an earlier Samen, e.g. `git archive COMMIT samen | tar -x -C DIR`), that
  version's `samen pb` on the same files, each right after this one's: the before/after table.

Peak memory and CPU time are the child's own (os.wait4): on a machine shared with other work, CPU time varies less
than wall time. The load average is recorded before and after. Both programs' winners are checked against
data/pabulib/expected.json, and the earlier version's against this one's.

    .venv/bin/python bench/pb_equal_shares.py [--before DIR] [--warszawa-pabutools] [--output FILE]
"""

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from samen.algorithms.budgets import Ballot, Election, Project, pabulib_text  # noqa: E402

DATA = ROOT / "data" / "pabulib"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))["elections"]
ES = "samen.algorithms.budgets.equal_shares"
RECORDED = ROOT / "bench" / "results" / "pb_equal_shares_warszawa_pabutools.json"  # pabutools on Warszawa, run A
SAMEN = [str(Path(sys.executable).with_name("samen")), "pb", "--rule", "mes-add1-greedy", "--json"]
PABUTOOLS = """
import json, sys
from pabutools.election import Cost_Sat, parse_pabulib
from pabutools.rules import completion_by_rule_combination, greedy_utilitarian_welfare, method_of_equal_shares
instance, profile = parse_pabulib(sys.argv[1])
outcome = completion_by_rule_combination(
    instance, profile, [method_of_equal_shares, greedy_utilitarian_welfare],
    [{"sat_class": Cost_Sat, "voter_budget_increment": 1}, {"sat_class": Cost_Sat}],
)
print(json.dumps({"winners": [project.name for project in outcome]}))
"""


def run_child(command: list[str], cwd: Path | None = None) -> dict:
    """Run one child to its end: wall time, its own peak memory (reaped with os.wait4, so that its rusage is its
    own, not the largest child's so far) and its JSON output."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(command, stdout=out, stderr=err, text=True, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode:
            raise RuntimeError(f"{' '.join(command[:2])} failed: {err.read()}")
        return {
            "seconds": round(seconds, 3),
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_mb": round(usage.ru_maxrss / 1024, 1),
            "output": json.loads(out.read()),
        }


def samen(path: Path, times: int, command: list[str] | None = None, cwd: Path | None = None) -> dict:
    runs = [run_child([*(command or SAMEN), str(path)], cwd) for _ in range(times)]
    output = runs[0]["output"]
    assert all(run["output"]["winners"] == output["winners"] for run in runs)
    return {
        "seconds": [run["seconds"] for run in runs],
        "median_seconds": round(statistics.median(run["seconds"] for run in runs), 3),
        "cpu_seconds": [run["cpu_seconds"] for run in runs],
        "median_cpu_seconds": round(statistics.median(run["cpu_seconds"] for run in runs), 3),
        "peak_mb": max(run["peak_mb"] for run in runs),
        "winners": output["winners"],
        "share": output["share"],
        "cost": output["cost"],
    }


def before(path: Path, times: int, folder: Path | None, expected: dict) -> dict | None:
    """The earlier version on the same file, run from its own folder (`python -m` puts it first on sys.path, so that
    it imports its own samen)."""
    if folder is None:
        return None
    command = [sys.executable, "-m", "samen.algorithms.cli", *SAMEN[1:]]
    result = samen(path.resolve(), times, command, cwd=folder)
    assert result["winners"] == expected["winners"]
    assert result["share"] == expected["share"]
    del result["winners"]
    return result


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text(encoding="ascii").split()[:3])


def synthetic(voters: int, projects: int, seed: int = 2026) -> Election:
    """A city-wide approval vote: project popularity falls like a power law, ballots name 1 to 5 projects, costs
    spread from 10,000 to 2,000,000, and the budget is a quarter of all costs."""
    rng = random.Random(seed)
    ids = [str(number) for number in range(1, projects + 1)]
    weights = [1 / rank**0.8 for rank in range(1, projects + 1)]
    rng.shuffle(weights)
    costs = {project_id: int(round(10 ** rng.uniform(4, 6.3), -2)) for project_id in ids}
    ballots = []
    for voter in range(1, voters + 1):
        chosen: set[str] = set()
        size = rng.choice((1, 2, 3, 3, 4, 5, 5, 5))
        while len(chosen) < size:
            chosen.add(rng.choices(ids, weights)[0])
        ballots.append(Ballot(str(voter), tuple(sorted(chosen, key=int))))
    meta = {"description": f"synthetic, seed {seed}", "country": "none", "unit": "none", "instance": str(seed)}
    return Election(
        sum(costs.values()) // 4, tuple(Project(p, costs[p]) for p in ids), tuple(ballots), "approval", meta
    )


def meta_budget(path: Path) -> Fraction:
    """The budget in a .pb file's META section, read without its ballots, so that the parent stays small."""
    with path.open(encoding="utf-8") as lines:
        return next(Fraction(line.split(";")[1].strip()) for line in lines if line.startswith("budget;"))


SWEEP = [(12_500, 150), (25_000, 150), (50_000, 150), (100_000, 150), (50_000, 50), (50_000, 100)]


def steps(result: dict, budget: int, voters: int) -> float:
    """How many Add1 steps the share was raised by: share - budget / voters."""
    return round(Fraction(result["share"]) - Fraction(budget, voters))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", type=Path, help="a checkout of an earlier Samen to compare with")
    parser.add_argument("--warszawa-pabutools", action="store_true", help="also pabutools on Warszawa (~12 min)")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "pb_equal_shares.json")
    parser.add_argument("--write-synthetic", type=Path, metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_synthetic:
        for voters, projects in SWEEP:
            path = args.write_synthetic / f"synthetic_{voters}_{projects}.pb"
            path.write_text(pabulib_text(synthetic(voters, projects)), encoding="utf-8")
        return
    results: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "command": " ".join([*SAMEN[1:], "FILE.pb"]),
        "counting_path": subprocess.run(
            [
                sys.executable,
                "-c",
                "import importlib; print(importlib.import_module(ES).counting_path())".replace("ES", repr(ES)),
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        ).stdout.strip(),
        "load_average_at_start": load(),
    }
    out = args.output.resolve()
    name = "Poland_Wieliczka_2023_Green_Budget.pb"
    expected = EXPECTED[name]["rules"]["mes_add1_greedy"]["selection_order"]
    ours = samen(DATA / name, 5)
    print(f"Wieliczka, samen: {ours['seconds']} s (CPU {ours['cpu_seconds']}), peak {ours['peak_mb']} MB", flush=True)
    theirs = run_child([sys.executable, "-c", PABUTOOLS, str(DATA / name)])
    print(f"Wieliczka, pabutools: {theirs['seconds']} s (CPU {theirs['cpu_seconds']}), peak {theirs['peak_mb']} MB")
    assert ours["winners"] == expected == theirs["output"]["winners"]
    results["wieliczka"] = {
        "samen": ours,
        "pabutools": {"seconds": theirs["seconds"], "cpu_seconds": theirs["cpu_seconds"], "peak_mb": theirs["peak_mb"]},
        "ratio": round(theirs["seconds"] / ours["median_seconds"], 1),
        "cpu_ratio": round(theirs["cpu_seconds"] / ours["median_cpu_seconds"], 1),
        "same_winners_as_expected": True,
        "before": before(DATA / name, 3, args.before, ours),
    }
    print(f"ratio pabutools / samen: {results['wieliczka']['ratio']}x (CPU: {results['wieliczka']['cpu_ratio']}x)")

    warszawa = "Poland_Warszawa_2026.pb"
    ours = samen(DATA / warszawa, 3)
    assert ours["winners"] == EXPECTED[warszawa]["rules"]["mes_add1_greedy"]["selection_order"]
    results["warszawa"] = {
        "samen": ours,
        "add1_steps": steps(ours, 24186815, 61668),
        "before": before(DATA / warszawa, 2, args.before, ours),
    }
    print(f"Warszawa, samen: {ours['seconds']} s (CPU {ours['cpu_seconds']}), peak {ours['peak_mb']} MB", flush=True)
    if RECORDED.exists() and not args.warszawa_pabutools:  # pabutools takes 12-18 minutes: its recorded run
        theirs = json.loads(RECORDED.read_text(encoding="utf-8"))["warszawa"]["pabutools"]
        results["warszawa"]["recorded_pabutools"] = {"file": RECORDED.name, **theirs}
        results["warszawa"]["ratio_to_recorded"] = round(theirs["seconds"] / ours["median_seconds"], 1)
        results["warszawa"]["cpu_ratio_to_recorded"] = round(theirs["cpu_seconds"] / ours["median_cpu_seconds"], 1)
        print(f"ratio to pabutools' recorded run: {results['warszawa']['ratio_to_recorded']}x", flush=True)

    sweep = []
    with tempfile.TemporaryDirectory() as folder:
        # written by a child: a child's peak memory (os.wait4) counts the parent's at the fork, so the parent must
        # not hold 100,000 ballots, nor read them
        subprocess.run([sys.executable, __file__, "--write-synthetic", folder], check=True)
        for voters, projects in SWEEP:
            path = Path(folder) / f"synthetic_{voters}_{projects}.pb"
            budget = meta_budget(path)
            ours = samen(path, 3 if (voters, projects) == (100_000, 150) else 1)
            point = {
                "voters": voters,
                "projects": projects,
                "seconds": ours["median_seconds"],
                "cpu_seconds": ours["median_cpu_seconds"],
                "peak_mb": ours["peak_mb"],
                "winners": len(ours["winners"]),
                "add1_steps": steps(ours, budget, voters),
                "before": before(path, 1, args.before, ours),
            }
            sweep.append(point)
            print(f"synthetic {voters} x {projects}: {point}", flush=True)
    results["synthetic_100000_x_150"] = next(p for p in sweep if p["voters"] == 100_000)
    results["sweep"] = sweep
    results["load_average_at_end"] = load()
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out}", flush=True)

    if args.warszawa_pabutools:
        theirs = run_child([sys.executable, "-c", PABUTOOLS, str(DATA / warszawa)])
        assert theirs["output"]["winners"] == results["warszawa"]["samen"]["winners"]
        results["warszawa"]["pabutools"] = {key: theirs[key] for key in ("seconds", "cpu_seconds", "peak_mb")}
        results["warszawa"]["ratio"] = round(theirs["seconds"] / results["warszawa"]["samen"]["median_seconds"], 1)
        results["warszawa"]["cpu_ratio"] = round(
            theirs["cpu_seconds"] / results["warszawa"]["samen"]["median_cpu_seconds"], 1
        )
        results["load_average_after_pabutools"] = load()
        print(f"Warszawa, pabutools: {theirs['seconds']} s, ratio {results['warszawa']['ratio']}x", flush=True)
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
