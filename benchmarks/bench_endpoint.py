"""Benchmark: every shipped query on the embedded store against the same build on `oxigraph serve`, with and without --union-default-graph.

Writes a kg graph.trig (one named graph per document, plus the corpus graph) of
N synthetic documents shaped like the seed articles' (benchmarks/bench_merge.py),
or builds one from a corpus file with `--build FILE`, then:

  load:  kg.store.load into an embedded store  vs  kg.store.load_endpoint into each server
         (the PUTs and the update that brings kg's union graph up to date, then that update alone again)
  query: kg.query.run on the embedded store  vs  kg.query.run(endpoint=...) on each server

for every shipped query kg runs without a parameter, as written, and with an entity's IRIs bound into
it as kg binds a --param (the very same text on both sides), checking that every side gives the same rows. With --before, the
server's own default graph (a bag with --union-default-graph) is timed too, as kg queried it before it
kept its union graph there (a third server, loaded the same way, its union graph then dropped), each
query given up after --before-timeout seconds.

Run: python3 benchmarks/bench_endpoint.py [--docs 2000] [--repeat 3] [--before] [--build ../shared/seeds/articles.jsonl]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from kg import query as kg_query
from kg import store as kg_store
from tests.test_store_server import OXIGRAPH, Server, free_port

EVENT_COUNT = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a <https://w3id.org/kg-geo/ontology#Event> }"
BOUND = [("who-did-what", "actor"), ("actor-profile", "actor"), ("timeline", "actor"), ("sources", "actor"),
         ("considered", "actor"), ("aliases", "name")]
"""Queries timed again with the entities of a name bound into them, as `kg query NAME --param PARAM=...` runs them."""


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def serve(location: Path, union_default_graph: bool, *options: str) -> Server:
    """`oxigraph serve` on a free loopback port (the tests' helper), started."""
    if OXIGRAPH is None:
        raise SystemExit("bench_endpoint needs the `oxigraph` command (pip install oxigraph)")
    server = Server(location, free_port(), union_default_graph=union_default_graph, options=options)
    server.start()
    return server


def label_of(server: Server) -> str:
    return "server --union-default-graph" if server.union_default_graph else "server"


def make_trig(tmp: Path, n_docs: int, corpus: Path | None) -> Path:
    """graph.trig of `n_docs` synthetic documents, or of `kg build` on `corpus`."""
    out = tmp / "output"
    if corpus is not None:
        from kg.pipeline import build

        build([str(corpus)], out, html=False)
        return out / "graph.trig"
    from bench_merge import synthetic_results

    from kg.merge import Merger
    from kg.pipeline import write_outputs

    work = tmp / "work"
    work.mkdir()
    with Merger(work / "merge.sqlite") as merger:
        for result in synthetic_results(n_docs):
            merger.add(result)
        write_outputs(merger.finish(), out, html=False, work=work)
    return out / "graph.trig"


def rows(result: kg_query.Result) -> list[tuple[str, ...]]:
    return sorted(tuple("" if t is None else str(t) for t in row) for row in result.rows)


def bag_query(server: Server, text: str, timeout: float) -> float | None:
    """Seconds the server takes on its own default graph (no default-graph-uri), or None past `timeout`."""
    start = time.perf_counter()
    try:
        response = httpx.post(server.base + "/query", content=text.encode("utf-8"), timeout=timeout + 5,
                              headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    except httpx.TimeoutException:
        return None
    took = time.perf_counter() - start
    return None if response.is_error and took >= timeout else took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="synthetic documents in the graph.trig")
    parser.add_argument("--build", type=Path, help="build this corpus file instead (e.g. ../shared/seeds/articles.jsonl)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query and side (median reported)")
    parser.add_argument("--actor", default="PRK", help="the name bound into the queries that take an entity")
    parser.add_argument("--before", action="store_true", help="also time the server's own bag default graph")
    parser.add_argument("--before-timeout", type=float, default=60.0)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-endpoint-"))
    servers: list[Server] = []
    try:
        trig = make_trig(tmp, args.docs, args.build)
        servers = [serve(tmp / "plain", False), serve(tmp / "union", True)]
        t_embedded = timed(lambda: kg_store.load(trig, tmp / "store"))
        embedded = kg_store.ensure(tmp / "store")
        quads = sum(1 for _ in embedded.quads_for_pattern(None, None, None, None)) - kg_store.count(embedded)
        print(f"graph.trig: {trig.stat().st_size / 1e6:.1f} MB, {quads:,} quads in named graphs, "
              f"{kg_store.count(embedded):,} distinct triples")
        print(f"load  embedded kg.store.load: {t_embedded:.2f} s")
        for server in servers:
            t_load = timed(lambda: kg_store.load_endpoint(trig, server.base + "/store"))
            with httpx.Client() as client:
                kg_store.request(client, "POST", server.base + "/update", content=f"DROP GRAPH {kg_store.UNION_GRAPH}",
                                 timeout=600, headers={"Content-Type": "application/sparql-update"})
                t_first = timed(lambda: kg_store.refresh_union(client, server.base + "/update", start=True))
                t_again = timed(lambda: kg_store.refresh_union(client, server.base + "/update"))
            print(f"load  {label_of(server)}: {t_load:.2f} s, of which about {t_first:.2f} s is making the union graph "
                  f"(timed again apart); bringing it up to date when nothing changed: {t_again:.2f} s")

        # as written, the queries kg runs without a parameter (actor-profile and entities need one), then bound
        texts = {name: named.text for name, named in kg_query.named_queries().items()
                 if not any(p.required for p in named.params)} | {"event count": EVENT_COUNT}
        for name, param in BOUND:
            iris = kg_query.resolve_entities(embedded, args.actor)
            texts[f"{name} {param}={args.actor}"] = kg_query.bind_entities(kg_query.named_queries()[name].text, {param: iris})

        figures: dict[str, list[float]] = {}
        for label, text in texts.items():
            expected = rows(kg_query.run(text, store=embedded))
            for server in servers:
                got = rows(kg_query.run(text, endpoint=server.base + "/query", timeout=600))
                assert got == expected, f"{label}: {label_of(server)} and the embedded store disagree"
            times: list[list[float]] = [[] for _ in range(1 + len(servers))]
            for _ in range(args.repeat):  # alternated, so background load hurts every side alike
                times[0].append(timed(lambda: kg_query.run(text, store=embedded)))
                for server, spent in zip(servers, times[1:]):
                    spent.append(timed(lambda: kg_query.run(text, endpoint=server.base + "/query", timeout=600)))
            figures[label] = [len(expected)] + [statistics.median(t) for t in times]
        del embedded
        if args.before:  # last, apart: a query the server gives up on may keep a core busy a while
            for server in servers:
                server.stop()
            before = serve(tmp / "before", True, f"--timeout-s={max(1, round(args.before_timeout))}")
            servers.append(before)
            kg_store.load_endpoint(trig, before.base + "/store")
            httpx.post(before.base + "/update", content=f"DROP GRAPH {kg_store.UNION_GRAPH}", timeout=600,
                       headers={"Content-Type": "application/sparql-update"}).raise_for_status()
            for label, text in texts.items():
                figures[label].append(bag_query(before, text, args.before_timeout))

        columns = ["server", "server --union-default-graph"]
        print(f"\n{'query':34} {'rows':>7}  {'embedded':>9}  " + "  ".join(f"{c:>29}" for c in columns)
              + ("  the server's own bag default graph (--union-default-graph), as before" if args.before else ""))
        for label, (n, here, *there) in figures.items():
            bag = there.pop() if args.before else 0.0
            cells = [f"{t * 1000:9.1f} ms ({t / here:5.2f}x)" for t in there]
            line = f"{label:34} {n:7,}  {here * 1000:6.1f} ms  " + "  ".join(f"{c:>29}" for c in cells)
            if args.before:
                line += "  " + (f"not done after {args.before_timeout:.0f} s" if bag is None else f"{bag * 1000:.1f} ms")
            print(line)
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
