"""Benchmark the page step: a 2,000-actor, 5,000-event page, and its memory as the corpus grows.

1. Time: a synthetic 2,000-actor, 5,000-event corpus goes into the merge
   database (as `kg build` leaves it), then `render_html` draws every actor
   (--max-actors 2000) from it: wall and CPU time of the page step (target
   under 10 s), then the time headless Chromium takes to a usable picture
   (target 10 s).
2. Memory: for each size in --memory-docs (default 200 and 2,000 synthetic
   documents shaped like the seed articles', benchmarks/bench_merge.py), a
   fresh interpreter merges them, resets its peak RSS and draws the default
   page (the 200 busiest actors) from the merge database: the page step's
   own peak (target: within 1.2x from the smallest to the largest size).

Not a test: run `python3 benchmarks/bench_render.py [--nodes N --edges M] [--memory-docs 200 2000]`.
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
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from kg.actions import action_types  # noqa: E402
from kg.merge import Merger  # noqa: E402
from kg.model import MODALITY_NAMES, Corpus, DocResult, Document, Entity, Event, Evidence  # noqa: E402
from kg.render import render_html  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
KINDS = ("Country", "Organization", "Person", "ArmedGroup")
TARGET_PAGE_S = 10.0
TARGET_DRAW_S = 10.0
TARGET_MEMORY_RATIO = 1.2


def synthetic_corpus(n_nodes: int, n_edges: int, seed: int = 1) -> Corpus:
    """A reproducible corpus with `n_nodes` actors and `n_edges` targeted events (skewed degrees, like news)."""
    rng = random.Random(seed)
    countries = [Entity(f"C{i:03d}", f"Country {i}", "Country", f"C{i:03d}") for i in range(max(1, n_nodes // 10))]
    others = [
        Entity(f"e{i}", f"Actor {i}", rng.choice(KINDS[1:]), rng.choice(countries).key)
        for i in range(n_nodes - len(countries))
    ]
    entities = countries + others
    weights = [1.0 / (i + 1) ** 0.6 for i in range(len(entities))]  # a few actors take part in most events
    docs = [Document(f"doc{i}", "...", "2024-11-01", f"Article {i}", f"https://example.org/{i}") for i in range(n_edges // 10 + 1)]
    actions = sorted(action_types())
    events, seen = [], set()
    while len(events) < n_edges:
        a, b = rng.choices(entities, weights, k=2)
        if len(events) < len(entities):  # every actor takes part in something: the graph has n_nodes nodes
            a = entities[len(events)]
        if a.key == b.key:
            continue
        event = Event(
            a.key, rng.choice(actions), b.key, rng.choice(MODALITY_NAMES),
            f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.8 else None,
        )
        if event.key in seen:
            continue
        seen.add(event.key)
        sources = rng.sample(docs, k=rng.choice((1, 1, 1, 2, 3)))
        evidence = tuple(Evidence(d.id, f"{a.label} and {b.label} in sentence {len(events)}.", 0, 40) for d in sources)
        events.append(Event(event.actor, event.action, event.target, event.modality, event.date, evidence=evidence))
    return Corpus(tuple(docs), tuple(entities), (), tuple(events))


def results(corpus: Corpus) -> list[DocResult]:
    """The corpus as the extraction hands it to the merge: one DocResult per document, with its own evidence."""
    by_key = corpus.by_key
    told: dict[str, list[Event]] = {}
    for e in corpus.events:
        for doc_id in sorted({x.doc_id for x in e.evidence}):
            told.setdefault(doc_id, []).append(replace(e, evidence=tuple(x for x in e.evidence if x.doc_id == doc_id)))
    out = []
    for doc in corpus.documents:
        events = tuple(told.get(doc.id, ()))
        keys = sorted({k for e in events for k in (e.actor, e.target) if k})
        out.append(DocResult(doc, tuple(by_key[k] for k in keys), (), events))
    return out


def draw_seconds(page_path: Path) -> tuple[float, float]:
    """(wall seconds from navigation to a usable picture, the page's own performance.now() at ready)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        start = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_function("document.body.dataset.ready === '1'", timeout=120_000)
        wall = time.perf_counter() - start
        in_page = page.evaluate("window.kgReadyMs") / 1000
        browser.close()
    return wall, in_page


def _status(field: str) -> float:
    """A memory figure of this process from /proc/self/status, MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def memory_child(n_docs: int) -> dict:
    """Merge `n_docs` synthetic documents, reset the peak RSS, draw the default page: the page step's figures."""
    from bench_merge import synthetic_results

    with tempfile.TemporaryDirectory(prefix="kg-bench-page-") as tmp:
        with Merger(Path(tmp) / "merge.sqlite") as merger:
            for result in synthetic_results(n_docs):
                merger.add(result)
            merger.finish()
            before = _status("VmRSS")
            Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM, the peak: from here on it is the page's
            t0, c0 = time.perf_counter(), time.process_time()
            render_html(merger, Path(tmp) / "graph.html")
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            page = (Path(tmp) / "graph.html").stat().st_size
            entities, events = merger.count("merged_entities"), merger.count("merged_events")
    return {"docs": n_docs, "entities": entities, "events": events, "seconds": seconds, "cpu": cpu,
            "rss_before_mb": before, "page_peak_mb": _status("VmHWM"), "page_bytes": page,
            "process_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=5000)
    parser.add_argument("--memory-docs", type=int, nargs="*", default=[200, 2000], help="corpus sizes for the memory figures")
    parser.add_argument("--keep", type=Path, help="Also copy the page here.")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(memory_child(args.child)))
        return 0

    ok = True
    corpus = synthetic_corpus(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "graph.html"
        with Merger(Path(tmp) / "merge.sqlite") as merger:
            for result in results(corpus):
                merger.add(result)
            merger.finish()
            t0, c0 = time.perf_counter(), time.process_time()
            render_html(merger, page, max_actors=args.nodes)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"page: {args.nodes} actors, {args.edges} events; {page.stat().st_size / 1e6:.1f} MB")
        print(f"page step from the merge database: {wall:.2f} s ({cpu:.2f} CPU s); target {TARGET_PAGE_S:.0f} s, "
              f"ratio {wall / TARGET_PAGE_S:.2f}: {'met' if wall < TARGET_PAGE_S else 'NOT MET'}")
        ok &= wall < TARGET_PAGE_S
        if args.keep:
            args.keep.write_bytes(page.read_bytes())
        if CHROMIUM.exists():
            draw, in_page = draw_seconds(page)
            print(f"draw in headless Chromium: {draw:.2f} s to a usable picture (page's own clock {in_page:.2f} s); "
                  f"target {TARGET_DRAW_S:.0f} s, ratio {draw / TARGET_DRAW_S:.2f}: {'met' if draw < TARGET_DRAW_S else 'NOT MET'}")
            ok &= draw < TARGET_DRAW_S
        else:
            print("draw: skipped, /usr/bin/chromium not found")

    runs = []
    for n in args.memory_docs:
        proc = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            raise SystemExit(f"the {n}-document page run failed ({proc.returncode})")
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        r = runs[-1]
        print(f"{n:>7,} documents ({r['entities']:,} entities, {r['events']:,} events): default page in {r['seconds']:.2f} s "
              f"({r['cpu']:.2f} CPU s), {r['page_bytes'] / 1e6:.2f} MB; page step peak {r['page_peak_mb']:.0f} MB "
              f"(RSS {r['rss_before_mb']:.0f} MB before it)")
    if len(runs) > 1:
        ratio = runs[-1]["page_peak_mb"] / runs[0]["page_peak_mb"]
        met = ratio <= TARGET_MEMORY_RATIO
        print(f"page step peak, {runs[-1]['docs']:,} / {runs[0]['docs']:,} documents: {ratio:.2f}x "
              f"(target <= {TARGET_MEMORY_RATIO}x): {'met' if met else 'NOT MET'}")
        ok &= met
    print("\nfigures JSON: " + json.dumps(runs))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
