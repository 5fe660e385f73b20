"""Load benchmark with wrk (issue 14): pages a city opens at once, and the support toggle, each beside its reference.

The same platform as `load_ideas.py` (PostgreSQL, Redis, production settings, gunicorn with sync workers, 10,000
ideas, 1,000 signed-in accounts), driven by wrk (Debian's package) instead of Python threads, so that the load
generator costs little of the two cores. Each scenario runs 2 s unrecorded (warm-up) and then `--seconds`.

Reads, `wrk -t2 -c8 --latency`, anonymous: a bare view returning a constant through the same middleware (the
reference, first and last), the process page, the idea list (a random page of 50), a search (a title's number: one
idea found); first with the page cache switched off (`SAMEN_PAGE_CACHE=false`: how it was), then on.

Writes, `wrk -t8 -c8 --latency`: the same 8 connections, one per wrk thread, so that each thread's Lua script knows
which request each response answers and logs every acknowledged support; a bare view doing one INSERT (the
reference, first and last) and the support toggle (session, CSRF, rules, phase, insert, htmx fragment). Each thread
owns its accounts and alternates support and withdraw on each pair from what it was answered, and afterwards every
acknowledged support must be in the database exactly once.

    .venv/bin/python bench/load_wrk.py                      # about 6 minutes; bench/results/load_wrk.json
    .venv/bin/python bench/load_wrk.py --growth 1000 10000 50000   # the list and the toggle as the ideas grow
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import load_ideas  # the same seeding and server as the Python-threads benchmark

ROOT = Path(__file__).resolve().parents[1]
# Names of their own, so that this bench and load_ideas.py never share a database, a Redis database or a port.
load_ideas.PORT = 8097
load_ideas.CACHE_URL = "rediscache://127.0.0.1:6379/5"
DATABASE = "samen_bench_wrk"
CSRF = load_ideas.CSRF
BASE = f"http://127.0.0.1:{load_ideas.PORT}"

# done() prints one JSON line: wrk's own counts and latency percentiles (microseconds).
SUMMARY_LUA = """
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, '
    .. '"timeout": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""

GET_LUA = """
local paths = {%(paths)s}
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""

BARE_WRITE_LUA = """
local residents, ideas = {%(residents)s}, {%(ideas)s}
request = function()
  local body = "resident=" .. residents[math.random(#residents)] .. "&idea=" .. ideas[math.random(#ideas)]
  return wrk.format("POST", "/bench/bare-write/", {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
"""

# One connection per thread: request() and response() alternate, so `pending` is the request being answered. Each
# request is logged when sent ("S") and when acknowledged ("A"): a request still in flight when wrk stops may or may
# not have been carried out, so its pair is left alone afterwards and either state is accepted for it.
TOGGLE_LUA = """
local accounts, ideas = {%(accounts)s}, {%(ideas)s}
local counter = 0
local log, mine, supported, doubtful, pending

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
end

function init(args)
  math.randomseed(index * 7919 + os.time())
  mine, supported, doubtful = {}, {}, {}
  for i = index, #accounts, %(threads)d do table.insert(mine, accounts[i]) end
  local previous = io.open("%(log)s" .. index, "r")
  if previous then  -- an earlier run (the warm-up) of this thread: what it was answered
    for line in previous:lines() do
      local kind, resident, idea, action = line:match("(%%a) (%%d+) (%%d+) (%%a+)")
      local pair = resident .. " " .. idea
      doubtful[pair] = kind == "S"
      if kind == "A" then supported[pair] = action == "support" end
    end
    previous:close()
  end
  log = io.open("%(log)s" .. index, "a")
end

request = function()
  local account, idea, pair
  repeat
    account = mine[math.random(#mine)]
    idea = ideas[math.random(#ideas)]
    pair = account[1] .. " " .. idea
  until not doubtful[pair]
  local action = supported[pair] and "withdraw" or "support"
  pending = {pair, action}
  log:write("S ", pair, " ", action, "\\n")
  log:flush()
  return wrk.format("POST", "/en/ideas/" .. idea .. "/support/", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "sessionid=" .. account[2] .. "; csrftoken=%(csrf)s",
    ["X-CSRFToken"] = "%(csrf)s",
    ["HX-Request"] = "true",
  }, "action=" .. action)
end

response = function(status, headers, body)
  if pending then
    if status == 200 then
      supported[pending[1]] = pending[2] == "support"
      log:write("A ", pending[1], " ", pending[2], "\\n")
    else
      log:write("R ", pending[1], " ", pending[2], "\\n")  -- refused: nothing changed
    end
    log:flush()
  end
  pending = nil
end
"""


def _lua_list(values) -> str:
    return ", ".join(json.dumps(value) if isinstance(value, str) else str(value) for value in values)


def wrk(url: str, script: str, *, threads: int, connections: int, seconds: float) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(script + SUMMARY_LUA)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{int(seconds)}s", "--latency", "-s", file.name, url]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    os.unlink(file.name)
    summary = json.loads(next(line for line in output.splitlines() if line.startswith("WRK_JSON "))[9:])
    seconds_measured = summary["duration_us"] / 1e6
    errors = {k: summary[k] for k in ("connect", "read", "write", "status", "timeout") if summary[k]}
    return {
        "requests": summary["requests"],
        "errors": errors,
        "throughput_per_s": round(summary["requests"] / seconds_measured, 1),
        "p50_ms": round(summary["p50_us"] / 1000, 1),
        "p90_ms": round(summary["p90_us"] / 1000, 1),
        "p99_ms": round(summary["p99_us"] / 1000, 1),
        "max_ms": round(summary["max_us"] / 1000, 1),
    }


def run(name: str, script: str, *, threads: int, seconds: float, warmup: int = 2) -> dict:
    wrk(BASE, script, threads=threads, connections=8, seconds=warmup)  # unrecorded: connections, templates, caches
    result = {"scenario": name, "threads": threads, "connections": 8} | wrk(
        BASE, script, threads=threads, connections=8, seconds=seconds
    )
    print(json.dumps(result), flush=True)
    return result


def reads(data: dict, seconds: float, cache: str, *, list_only: bool = False) -> list[dict]:
    slug, ideas = data["slug"], data["ideas"]
    pages = max(1, min(50, len(ideas) // 12))
    scenarios = [
        ("bare read (reference)", ["/bench/bare-read/"]),
        ("process page", [f"/en/processes/{slug}/"]),
        (f"idea list, a random page of {pages}", [f"/en/processes/{slug}/?page={n}" for n in range(1, pages + 1)]),
        ("idea search (one idea found)", [f"/en/processes/{slug}/?q={n}" for n in range(0, len(ideas), 37)]),
        ("bare read (reference, again)", ["/bench/bare-read/"]),
    ]
    if list_only:
        scenarios = [scenarios[0], scenarios[2], scenarios[4]]
    results = []
    for name, paths in scenarios:
        script = GET_LUA % {"paths": _lua_list(paths)}
        # 5 s of warm-up: with the cache on, every page of the list has been rendered once (a miss costs what the
        # page costs with the cache off) and each worker holds it.
        results.append(run(f"{name}, page cache {cache}", script, threads=2, seconds=seconds, warmup=5))
    return results


def writes(data: dict, seconds: float, log: str) -> list[dict]:
    ideas, sessions = data["ideas"], data["sessions"]
    bare = BARE_WRITE_LUA % {"residents": _lua_list(pk for pk, _key in sessions), "ideas": _lua_list(ideas)}
    toggle = TOGGLE_LUA % {
        "accounts": ", ".join(f'{{{pk}, "{key}"}}' for pk, key in sessions),
        "ideas": _lua_list(ideas),
        "threads": 8,
        "log": log,
        "csrf": CSRF,
    }
    return [
        run("bare write, one INSERT (reference)", bare, threads=8, seconds=seconds),
        run("support toggle", toggle, threads=8, seconds=seconds),
        run("bare write, one INSERT (reference, again)", bare, threads=8, seconds=seconds),
    ]


def acknowledged(log: str) -> tuple[dict, set]:
    """The last acknowledged action on each pair, from every thread's log (each thread owns its pairs), and the pairs
    whose last request was still in flight when wrk stopped (either state is right for them)."""
    state, in_flight = {}, set()
    for path in Path(log).parent.glob(Path(log).name + "*"):
        for line in path.read_text().splitlines():
            kind, resident, idea, action = line.split()
            pair = (int(resident), int(idea))
            if kind == "S":
                in_flight.add(pair)
            else:
                in_flight.discard(pair)
            if kind == "A":
                state[pair] = action == "support"
    return state, in_flight


def verify(database_url: str, state: dict, in_flight: set) -> dict:
    import psycopg

    with psycopg.connect(database_url) as connection:
        rows = connection.execute("SELECT resident_id, idea_id FROM ideas_support").fetchall()
    stored = Counter(rows)
    expected = {pair for pair, supported in state.items() if supported}
    return {
        "acknowledged_supports": len(expected),
        "stored_supports": len(rows),
        "in_flight_when_wrk_stopped": len(in_flight),
        "duplicates": sum(1 for count in stored.values() if count > 1),
        "missing": len(expected - set(stored) - in_flight),
        "unexpected": len(set(stored) - expected - in_flight),
    }


def _ratio(value: float, first: dict, last: dict) -> float:
    return round(value / statistics.mean([first["throughput_per_s"], last["throughput_per_s"]]), 3)


def measure(args, ideas: int) -> dict:
    database_url, env, data, seeding = load_ideas.prepare(
        args.admin_url,
        DATABASE,
        [str(ROOT / "bench" / "load_ideas.py"), "--seed", "--ideas", str(ideas), "--accounts", str(args.accounts)],
    )
    print(f"seeded {len(data['ideas'])} ideas and {len(data['sessions'])} accounts in {seeding:.0f} s", flush=True)
    log = tempfile.mkdtemp(prefix="samen-wrk-") + "/acknowledged-"
    results = []
    if not args.growth and args.only != "writes":
        with load_ideas.serving(env | {"SAMEN_PAGE_CACHE": "false"}, args.workers):
            results += reads(data, args.seconds, "off")
    with load_ideas.serving(env, args.workers):
        if args.only != "writes":
            results += reads(data, args.seconds, "on", list_only=bool(args.growth))
        if args.only != "reads":
            results += writes(data, args.seconds, log)
    by_name = {result["scenario"]: result for result in results}
    ratios = {}
    caches = ("off", "on") if not args.growth else ("on",)
    for cache in caches if args.only != "writes" else ():
        first, last = (
            by_name[f"bare read (reference), page cache {cache}"],
            by_name[f"bare read (reference, again), page cache {cache}"],
        )
        for result in results:
            if result["scenario"].endswith(f"page cache {cache}") and not result["scenario"].startswith("bare"):
                ratios[result["scenario"]] = _ratio(result["throughput_per_s"], first, last)
    if args.only != "reads":
        first, last = (
            by_name["bare write, one INSERT (reference)"],
            by_name["bare write, one INSERT (reference, again)"],
        )
        ratios["support toggle"] = _ratio(by_name["support toggle"]["throughput_per_s"], first, last)
    return {
        "ideas": ideas,
        "results": results,
        "ratio_to_reference": ratios,
        "integrity": verify(database_url, *acknowledged(log)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--ideas", type=int, default=10_000)
    parser.add_argument("--accounts", type=int, default=1_000)
    parser.add_argument("--growth", type=int, nargs="*", help="idea counts: only the list and the toggle for each")
    parser.add_argument("--only", choices=["reads", "writes"], help="run only the reads or only the writes")
    parser.add_argument("--output", help="where to write the JSON (default: bench/results/load_wrk.json)")
    parser.add_argument(
        "--admin-url", default=os.environ.get("BENCH_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/test")
    )
    args = parser.parse_args()
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(uptime, flush=True)
    runs = [measure(args, ideas) for ideas in (args.growth or [args.ideas])]
    report = {
        "started": started,
        "settings": vars(args) | {"cores": os.cpu_count(), "wrk": "4.1.0 (Debian)"},
        "load_before": uptime,
        "load_after": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
        "runs": runs,
    }
    out = (
        Path(args.output)
        if args.output
        else ROOT / "bench" / "results" / ("load_wrk_growth.json" if args.growth else "load_wrk.json")
    )
    out.write_text(json.dumps(report, indent=2) + "\n")
    for result in runs:
        print(json.dumps({k: result[k] for k in ("ideas", "ratio_to_reference", "integrity")}, indent=2))
    print(report["load_after"])
    bad = [r["integrity"] for r in runs if r["integrity"]["duplicates"] or r["integrity"]["missing"]]
    unexpected = [r["integrity"] for r in runs if r["integrity"]["unexpected"]]
    return 1 if bad or unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
