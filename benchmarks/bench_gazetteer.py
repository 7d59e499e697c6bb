"""Benchmark loading the gazetteer and resolving names with it.

Prints the cold load time of ontology/*.yaml (target: under 0.5 s), with the ratio to the
target, the number of entities and entity-ruler patterns, and lookups per second over every
alias. Not a test: run `python3 benchmarks/bench_gazetteer.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import time

import yaml

from kg.gazetteer import _load_cached, load_gazetteer
from kg.paths import ontology_dir

TARGET_LOAD_S = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="cold loads to time (best is reported)")
    args = parser.parse_args()

    loads = []
    for _ in range(args.repeat):
        _load_cached.cache_clear()
        t0 = time.perf_counter()
        gaz = load_gazetteer()
        loads.append(time.perf_counter() - t0)
    best = min(loads)
    t0 = time.perf_counter()
    patterns = gaz.patterns()
    t_patterns = time.perf_counter() - t0
    names = [surface for forms in gaz.forms.values() for surface, _ in forms]
    t0 = time.perf_counter()
    hits = sum(gaz.lookup(n) is not None for n in names)
    t_lookup = time.perf_counter() - t0

    print(f"yaml C loader: {hasattr(yaml, 'CSafeLoader')}  ontology: {ontology_dir()}")
    print(f"cold load: best {best * 1000:.0f} ms of {args.repeat} (target {TARGET_LOAD_S * 1000:.0f} ms, "
          f"ratio {best / TARGET_LOAD_S:.2f})")
    print(f"entities: {len(gaz.entities)}  patterns: {len(patterns)} built in {t_patterns * 1000:.1f} ms")
    print(f"lookups: {len(names)} names, {hits} resolved, {len(names) / t_lookup:,.0f} lookups/s")


if __name__ == "__main__":
    main()
