"""Benchmark building, caching and loading the gazetteer, and resolving names with it.

Prints, side by side in one run: the cold build of the gazetteer from ontology/ (reading,
merging the Phoenix tables, validating) and its warm load from the compiled cache
(kg.compiled, target: under 0.5 s), the model set-up (`kg.nlp.build_nlp`) with a cold and a
warm compiled cache, the numbers of entities and names, and lookups per second over every
alias. Each timing runs in a fresh interpreter with its own $KG_CACHE_DIR.
Not a test: run `python3 benchmarks/bench_gazetteer.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

TARGET_LOAD_S = 0.5

_SETUP = """
import time
t = time.perf_counter()
{body}
print(time.perf_counter() - t)
"""


def _timed(body: str, cache: str) -> float:
    """Seconds `body` takes in a fresh interpreter with KG_CACHE_DIR=cache."""
    env = dict(os.environ, KG_CACHE_DIR=cache)
    out = subprocess.run([sys.executable, "-c", _SETUP.format(body=body)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing (best is reported)")
    args = parser.parse_args()
    gaz_body = "from kg.gazetteer import load_gazetteer; load_gazetteer()"
    nlp_body = "from kg.nlp import build_nlp, model_name; build_nlp(model_name())"
    rows = {}
    for name, body in (("gazetteer", gaz_body), ("model set-up", nlp_body)):
        cold, warm = [], []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as cache:
                cold.append(_timed(body, cache))
                warm.append(_timed(body, cache))
        rows[name] = (min(cold), min(warm))
    from kg.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    names = [surface for forms in gaz.forms.values() for surface, _ in forms]
    t0 = time.perf_counter()
    hits = sum(gaz.lookup(n) is not None for n in names)
    t_lookup = time.perf_counter() - t0
    for name, (cold, warm) in rows.items():
        print(f"{name}: cold {cold:.2f} s, warm {warm:.2f} s (warm/cold {warm / cold:.2f})")
    print(f"gazetteer warm load target {TARGET_LOAD_S:.1f} s: ratio {rows['gazetteer'][1] / TARGET_LOAD_S:.2f}")
    print(f"entities: {len(gaz.entities)}  names: {len(names)}")
    print(f"lookups: {len(names)} names, {hits} resolved, {len(names) / t_lookup:,.0f} lookups/s")


if __name__ == "__main__":
    main()
