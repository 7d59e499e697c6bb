"""Benchmark the HTML network on a synthetic 2,000-actor, 5,000-event graph.

Prints the CPU time to render graph.ttl to HTML (target: under 15 s) and the
time headless Chromium takes to draw it (target: under 10 s), with ratios to the
targets. Not a test: run `python3 benchmarks/bench_render.py [--nodes N --edges M]`.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from kg.actions import action_types
from kg.graph import to_dataset, union
from kg.model import MODALITY_NAMES, Corpus, Document, Entity, Event, Evidence
from kg.render import read_view, render_html

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
KINDS = ("Country", "Organization", "Person", "ArmedGroup")


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


def cpu(fn):
    """Run fn, returning (result, CPU seconds of this process)."""
    start = time.process_time()
    result = fn()
    return result, time.process_time() - start


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=5000)
    parser.add_argument("--keep", type=Path, help="Also copy the page here.")
    args = parser.parse_args()

    corpus = synthetic_corpus(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as tmp:
        ttl = Path(tmp) / "graph.ttl"
        union(to_dataset(corpus)).serialize(ttl, format="turtle")
        graph, parse_cpu = cpu(lambda: Graph().parse(ttl, format="turtle"))
        view = read_view(graph)
        page = Path(tmp) / "graph.html"
        _, render_cpu = cpu(lambda: render_html(graph, page))
        total = parse_cpu + render_cpu
        print(f"graph: {len(view.actors)} nodes, {len(view.edges)} edges, {len(graph)} triples; "
              f"page {page.stat().st_size / 1e6:.1f} MB")
        print(f"render CPU: parse graph.ttl {parse_cpu:.2f} s + graph -> HTML {render_cpu:.2f} s = {total:.2f} s "
              f"(target 15 s, ratio {total / 15:.2f})")
        if args.keep:
            args.keep.write_bytes(page.read_bytes())
        if not CHROMIUM.exists():
            print("draw: skipped, /usr/bin/chromium not found")
            return 0
        wall, in_page = draw_seconds(page)
        print(f"draw in headless Chromium: {wall:.2f} s to a usable picture "
              f"(page's own clock {in_page:.2f} s; target 10 s, ratio {wall / 10:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
