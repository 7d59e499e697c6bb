"""Benchmark: what running a query in a child process (so Ctrl-C, --timeout and --max-memory can stop it) costs.

On an embedded store, times one query three ways, side by side in one run:

  direct:      `kg.query.run(...)` + `format_result(..., "csv")` in this process (not interruptible)
  fork:        `kg.query.stream(...)`: a forked child runs the query and sends the CSV back through a pipe
  forkserver:  the same when this process has other threads (here: one idle thread), so a fork is unsafe

for a small answer (the shipped `who-did-what` on the sample corpus, ~70 triples) and a larger one
(every triple of a 100,000-triple store, streamed). Each child opens the store itself, as `kg query`
does, so the difference is the process start and the pipe.

Run: python3 benchmarks/bench_query_bounds.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg import query as kg_query
from kg import store as kg_store
from kg.graph import to_dataset
from tests.conftest import make_sample_corpus


def _median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def measure(mode: str, text: str, store_dir: Path, repeat: int) -> float:
    """The median time of one way of running the query, in this (fresh) process."""
    if mode == "direct":
        return _median_ms(lambda: kg_query.format_result(kg_query.run(text, store_dir=store_dir), "csv"), repeat)
    idle = threading.Event()
    if mode == "forkserver":  # another thread: kg must not fork now
        threading.Thread(target=idle.wait, daemon=True).start()
    else:
        assert kg_query._threads() == 1, "a fresh process has one thread"
    try:
        return _median_ms(lambda: kg_query.stream(text, io.StringIO(), "csv", store_dir=store_dir), repeat)
    finally:
        idle.set()


def _in_fresh_process(mode: str, text: str, store_dir: Path, repeat: int) -> float:
    """Each way in its own interpreter: once a store is opened here, RocksDB's threads stay, and fork is off."""
    out = subprocess.run([sys.executable, __file__, "--measure", mode, text, str(store_dir), "--repeat", str(repeat)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--measure", nargs=3, metavar=("MODE", "QUERY", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        mode, text, store_dir = args.measure
        print(measure(mode, text, Path(store_dir), args.repeat))
        return
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small"
        small.mkdir()
        (small / "graph.trig").write_text(to_dataset(make_sample_corpus()).serialize(format="trig"), encoding="utf-8")
        kg_store.ensure(small / "store").flush()  # loaded once, so every run below only reads
        big = Path(tmp) / "big"
        big.mkdir()
        (big / "graph.nt").write_text("".join(f'<http://example.org/{i}> <http://example.org/p> "value {i}" .\n'
                                              for i in range(100_000)), encoding="utf-8")
        kg_store.load(big / "graph.nt", big / "store")
        cases = [("who-did-what (2 rows)", "who-did-what", small / "store"),
                 ("every triple (100,000 rows)", "SELECT ?s ?o WHERE { ?s ?p ?o }", big / "store")]
        print(f"{'query':<30} {'direct ms':>10} {'fork ms':>10} {'forkserver ms':>14} {'fork/direct':>12} {'forkserver/direct':>18}")
        for label, text, store_dir in cases:
            direct, fork, server = (_in_fresh_process(mode, text, store_dir, args.repeat) for mode in ("direct", "fork", "forkserver"))
            print(f"{label:<30} {direct:>10.1f} {fork:>10.1f} {server:>14.1f} {fork / direct:>11.2f}x {server / direct:>17.2f}x")


if __name__ == "__main__":
    main()
