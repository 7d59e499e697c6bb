"""Memory and time of merging and writing the outputs as the corpus grows, without the NLP (issue 6).

Run by hand from the repository root (~2 minutes with the defaults):

    python3 benchmarks/bench_merge.py                        # 2,000 / 20,000 / 60,000 documents
    python3 benchmarks/bench_merge.py --docs 1000 10000      # any sizes

The extraction's memory is flat (spaCy works a batch at a time); what used to
grow with the corpus is the stage after it: merging entities and events across
documents and writing graph.ttl, graph.trig and events.jsonl. This feeds that
stage synthetic DocResults, as the extraction would hand them over, and
measures the peak resident memory of each size in a fresh interpreter. Keys
are drawn so that distinct entities and events grow with the corpus too (a
news archive keeps naming new people), the case an in-memory index would not
survive. Prints figures and the ratio of each peak to the smallest one's.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

COUNTRIES = ["PRK", "KOR", "RUS", "UKR", "USA", "CHN", "JPN", "FRA", "DEU", "GBR", "ISR", "IRN", "IND", "PAK", "TUR"]
ACTIONS = ["DeployTroops", "SupplyWeapons", "Consult", "Accuse", "Threaten", "Sanction", "Cooperate", "Assault"]


def synthetic_results(n_docs: int, seed: int = 0):
    """DocResults shaped like the seed articles': ~6 entities, ~10 mentions, ~4 events with evidence per document."""
    from kg.model import DocResult, Document, Entity, Event, Evidence, Mention

    rng = random.Random(seed)
    for i in range(n_docs):
        doc_id = f"doc-{i:07d}"
        people = [f"person-{rng.randrange(max(10, n_docs // 2)):07d}" for _ in range(3)]
        countries = rng.sample(COUNTRIES, 3)
        ents = [Entity(k, k.upper(), "Country", k) for k in countries]
        ents += [Entity(p, f"Person {p[7:]}", "Person", rng.choice(countries)) for p in people]
        keys = countries + people
        mentions = [Mention(doc_id, 40 * j, 40 * j + 12, f"name {keys[j % len(keys)]}", keys[j % len(keys)]) for j in range(10)]
        events = []
        for j in range(4):
            actor, target = rng.sample(keys, 2)
            sentence = f"In document {i}, {actor} did {j} to {target} on a day the wire services reported at length."
            date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            events.append(Event(actor, rng.choice(ACTIONS), target, "asserted", date, "on Monday", rng.choice([None, 100, 12000]),
                                (Evidence(doc_id, sentence, 500 + 100 * j, 590 + 100 * j, "did", countries[0]),)))
        yield DocResult(Document(doc_id, "x" * 3000, "2024-11-14"), tuple(sorted(ents, key=lambda e: e.key)),
                        tuple(mentions), tuple(events))


def child(n_docs: int) -> dict:
    """Merge and write `n_docs` synthetic results; figures of this process alone."""
    from kg.merge import Merger
    from kg.pipeline import write_outputs

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory(prefix="kg-bench-merge-") as tmp:
        out, work = Path(tmp) / "out", Path(tmp) / "work"
        work.mkdir()
        t0 = time.perf_counter()
        with Merger(work / "merge.sqlite") as merger:
            for result in synthetic_results(n_docs):
                merger.add(result)
            merger.finish()
            t1 = time.perf_counter()
            built = write_outputs(merger, out, html=False, work=work)
        t2 = time.perf_counter()
        sizes = {p.name: p.stat().st_size for p in built.files}
        spool = sum(p.stat().st_size for p in work.iterdir())  # the merge and quad databases, left for the caller
    return {"docs": n_docs, "entities": built.entities, "events": built.events, "merge_seconds": t1 - t0,
            "write_seconds": t2 - t1, "base_mb": base, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "bytes": sizes, "spool_bytes": spool}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[2_000, 20_000, 60_000])
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    opts = ap.parse_args()
    if opts.child:
        print(json.dumps(child(opts.child)))
        return
    runs = []
    for n in opts.docs:
        proc = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True, check=True)
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        r = runs[-1]
        print(f"{n:>8,} documents: {r['entities']:>8,} entities {r['events']:>8,} events; merge {r['merge_seconds']:6.1f} s, "
              f"write {r['write_seconds']:6.1f} s; peak {r['peak_mb']:.0f} MB (after imports {r['base_mb']:.0f} MB); "
              f"outputs {sum(r['bytes'].values()) / 1e6:.1f} MB, spool {r['spool_bytes'] / 1e6:.1f} MB", flush=True)
    first = runs[0]
    print("\n== peak memory against the smallest corpus ==")
    for r in runs:
        print(f"{r['docs'] / first['docs']:>6.0f}x documents: peak {r['peak_mb'] / first['peak_mb']:.2f}x "
              f"({r['peak_mb']:.0f} MB vs {first['peak_mb']:.0f} MB)")
    print("\nfigures JSON: " + json.dumps(runs))


if __name__ == "__main__":
    main()
