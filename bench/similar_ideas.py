"""Quality of the similar-idea hints (issue 4), on the labelled twins in data/similarity/twins.json.

Ours (the multilingual sentence encoder of samen/ideas/similarity.py) against the reference the issue names,
character-trigram similarity as PostgreSQL's pg_trgm computes it (threshold 0.3), on the demo ideas.

    .venv/bin/python bench/similar_ideas.py        # writes bench/results/similar_ideas.json
"""

import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")


def trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams: lower-cased words of letters and digits, padded with two spaces before, one after."""
    grams = set()
    for word in re.findall(r"\w+", text.lower()):
        padded = f"  {word} "
        grams |= {padded[i : i + 3] for i in range(len(padded) - 2)}
    return grams


def trigram_rank(titles: dict[str, str], query: str, limit=5, threshold=0.3) -> list[str]:
    mine = trigrams(query)
    scored = []
    for key, title in titles.items():
        theirs = trigrams(title)
        score = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0
        if score >= threshold:
            scored.append((score, key))
    return [key for _score, key in sorted(scored, reverse=True)[:limit]]


def evaluate(name, search, queries) -> dict:
    precision_at_5, shown_precision, recall_at_5, first_hit = [], [], [], []
    started = time.perf_counter()
    for query in queries:
        found = search(query)
        relevant = set(query["twins"])
        hits = [key for key in found if key in relevant]
        precision_at_5.append(len(hits) / 5)
        shown_precision.append(len(hits) / len(found) if found else 0.0)
        recall_at_5.append(len(hits) / len(relevant))
        first_hit.append(1.0 if found and found[0] in relevant else 0.0)
    elapsed = time.perf_counter() - started
    return {
        "method": name,
        "queries": len(queries),
        "precision_at_5": round(statistics.mean(precision_at_5), 3),
        "best_possible_precision_at_5": round(statistics.mean(len(q["twins"]) / 5 for q in queries), 3),
        "precision_of_shown_hints": round(statistics.mean(shown_precision), 3),
        "recall_at_5": round(statistics.mean(recall_at_5), 3),
        "top_hit_correct": round(statistics.mean(first_hit), 3),
        "ms_per_query": round(1000 * elapsed / len(queries), 2),
    }


def main() -> int:
    import django

    django.setup()
    import numpy as np

    from samen.ideas.similarity import embed, rank

    ideas = json.loads((ROOT / "samen/demo/ideas.json").read_text(encoding="utf-8"))["ideas"]
    queries = json.loads((ROOT / "data/similarity/twins.json").read_text(encoding="utf-8"))["queries"]
    by_process: dict[str, dict[str, str]] = {}
    for idea in ideas:
        by_process.setdefault(idea["process"], {})[idea["key"]] = idea["title"]
    embed("warm-up")
    matrices = {
        process: (list(titles), np.vstack([embed(title) for title in titles.values()]))
        for process, titles in by_process.items()
    }

    def ours(query):
        keys, matrix = matrices[query["process"]]
        return [key for key, _score in rank(matrix, keys, embed(query["title"]))]

    def reference(query):
        return trigram_rank(by_process[query["process"]], query["title"])

    results = [evaluate("multilingual sentence encoder (ours)", ours, queries)]
    results.append(evaluate("character trigrams, pg_trgm (reference)", reference, queries))
    for result in results:
        print(json.dumps(result))
    out = ROOT / "bench" / "results" / "similar_ideas.json"
    out.write_text(json.dumps({"results": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
