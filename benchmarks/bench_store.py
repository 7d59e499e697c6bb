"""Benchmark: `kg load`/`kg query` on the embedded store against raw pyoxigraph, on a million kg-shaped triples.

Generates an N-Triples file of synthetic events in the kg ontology (actors,
targets, modality, dates, codes, mentions) in a temporary folder, then times:

  load:  raw `pyoxigraph.Store(dir).bulk_load(path=...)`  vs  `kg.store.load(path, dir)`
  query: raw `Store(dir).query(...)` + pyoxigraph's CSV serialiser  vs  what `kg query NAME -f csv` writes
         (`kg.query.run` with `write_result` as its sink), and the table a terminal gets (1,000 rows)

(for a listing with a `# @lead` line, also pyoxigraph alone sending the queries kg sends for that table: the
lead's values, then the listing an actor label, a date, or a (count, actor label) at a time, `kg.query.first_rows`)
for an aggregate query and for every shipped query, with and without the
parameters that name an entity. The raw side runs the very queries kg sends:
the `entities` lookup of a name, then the named query with the entities it
found bound into its VALUES line (kg.query.bind_entities), other parameters as
pyoxigraph substitutions. Targets (issues 4 and 16): load speed >= 80% of raw;
every query <= 1.2x raw, and a query that filters by name under 1 s.

With --trig-docs N it also builds a real kg graph.trig (one named graph per
document) from N synthetic documents (benchmarks/bench_merge.py) and times
loading it (raw bulk_load vs kg.store.load, which also keeps the union of the
named graphs in the default graph) and a named query on it, against
pyoxigraph's own union default graph, where a triple is matched once per
graph that holds it.

With --before REV it also times each shipped query as git revision REV wrote it (pyoxigraph alone, alternating
with today's text, after checking both give the same CSV).

Run: python3 benchmarks/bench_store.py [--triples 1000000] [--repeat 5] [--trig-docs 2000] [--before REV]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kg import query as kg_query
from kg import store as kg_store

KG = "https://w3id.org/kg-geo/ontology#"
BASE = "https://w3id.org/kg-geo/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD = "http://www.w3.org/2001/XMLSchema#"
ACTIONS = ["Consult", "Aid", "SupplyWeapons", "Threaten", "Sanction", "DeployTroops", "Assault", "Accuse"]
MODALITIES = ["Asserted", "Considered", "Planned", "Negated"]

AGGREGATE = f"""PREFIX kg: <{KG}>
SELECT ?type (COUNT(?e) AS ?events) WHERE {{ ?e a kg:Event ; a ?type ; kg:modality kg:Asserted . FILTER(?type != kg:Event) }}
GROUP BY ?type ORDER BY ?type"""


def generate(path: Path, triples: int, seed: int = 7) -> int:
    """Write about `triples` kg-shaped N-Triples lines (13 per event plus entities); returns the exact count."""
    rng = random.Random(seed)
    n_entities = 500
    lines: list[str] = []
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n_entities):
            e = f"<{BASE}entity/E{i}>"
            out.write(f"{e} {RDF_TYPE} <{KG}Country> .\n{e} {LABEL} \"Country {i}\" .\n{e} <{KG}key> \"E{i}\" .\n")
            written += 3
        i = 0
        while written < triples:
            ev, men, doc = f"<{BASE}event/{i:x}>", f"<{BASE}mention/{i:x}>", f"<{BASE}doc/d{i // 20}>"
            a, t = rng.randrange(n_entities), rng.randrange(n_entities)
            action, modality = rng.choice(ACTIONS), rng.choice(MODALITIES)
            date = f"20{rng.randrange(10, 25)}-{rng.randrange(1, 13):02d}"
            lines = [
                f"{ev} {RDF_TYPE} <{KG}Event> .",
                f"{ev} {RDF_TYPE} <{KG}{action}> .",
                f"{ev} <{KG}actor> <{BASE}entity/E{a}> .",
                f"{ev} <{KG}target> <{BASE}entity/E{t}> .",
                f"{ev} <{KG}modality> <{KG}{modality}> .",
                f"{ev} <{KG}date> \"{date}\"^^<{XSD}gYearMonth> .",
                f"{ev} <{KG}ploverCode> \"AID\" .",
                f"{ev} <{KG}cameoCode> \"07\" .",
                f"{ev} {LABEL} \"E{a} {action} E{t} ({modality.lower()})\" .",
                f"{ev} <{KG}sourceCount> \"{rng.randrange(1, 4)}\"^^<{XSD}integer> .",
                f"{ev} <{KG}mention> {men} .",
                f"{men} <{KG}document> {doc} .",
                f"{men} <{KG}sentence> \"Country {a} did {action} to country {t}, sentence {i}.\" .",
            ]
            out.write("\n".join(lines) + "\n")
            written += len(lines)
            i += 1
    return written


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def raw_load(nt: Path, where: Path) -> None:
    store = ox.Store(str(where))
    store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    store.flush()
    del store


def kg_load(nt: Path, where: Path) -> None:
    kg_store.load(nt, where)


def raw_query(store: ox.Store, text: str, params: dict[str, str]) -> str:
    """pyoxigraph alone running what kg sends: each name looked up first, the entities bound, the rest substituted."""
    names = kg_query.entity_params(text)
    lookup = kg_query.named_queries()["entities"].text
    bound = {
        p: tuple(s["entity"] for s in store.query(lookup, substitutions={ox.Variable("name"): ox.Literal(v)}))
        for p, v in params.items() if p in names and v
    }
    text = kg_query.bind_entities(text, bound)
    subs = {ox.Variable(k): ox.Literal(v) for k, v in params.items() if k not in names} or None
    answer = store.query(text, use_default_graph_as_union=True, substitutions=subs)
    return answer.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")


class _Recorder:
    """A store that notes each query sent to it: what kg sends for a table of a listing with a `# @lead`."""

    def __init__(self, store: ox.Store) -> None:
        self.store, self.sent = store, []

    def query(self, text: str, **kwargs):  # noqa: ANN201 - pyoxigraph's answer
        self.sent.append((text, kwargs))
        return self.store.query(text, **kwargs)


def table_queries(store: ox.Store, name: str, params: dict[str, str]) -> list[tuple[str, dict]]:
    """The queries kg sends for a terminal's table of a listing that declares a `# @lead` (none named): the lead's
    values in the listing's order (actors' labels, dates), then the listing bound to one value at a time
    (`kg.query.first_rows`)."""
    named = kg_query.named_queries()[name]
    if named.lead is None or kg_query.entity_params(named.text) & set(params):
        return []
    recorder = _Recorder(store)
    subs = {ox.Variable(k): ox.Literal(kg_query.check_value(k, {p.name: p.kind for p in named.params}[k], v))
            for k, v in params.items()}
    if kg_query.first_rows(recorder, named.text, named.lead, kg_query.TABLE_LIMIT + 1, subs) is None:  # type: ignore[arg-type]
        return []
    return recorder.sent


def raw_sent(store: ox.Store, sent: list[tuple[str, dict]]) -> None:
    """pyoxigraph alone: each query kg sent, its answer serialised as CSV."""
    for text, kwargs in sent:
        store.query(text, **kwargs).serialize(format=ox.QueryResultsFormat.CSV)


def kg_run(store: ox.Store, query: str, params: dict[str, str], fmt: str = "csv") -> str:
    """What `kg query NAME -f FMT` writes, on a store already open: the rows as they come (`kg.query.stream`
    runs this in a child process), a table cut at the terminal's 1,000 rows and 120 columns."""
    parts: list[str] = []
    limit, width = (kg_query.TABLE_LIMIT, 120) if fmt == "table" else (None, None)
    kg_query.run(query, store=store, params=params, limit=limit,
                 sink=lambda answer, hidden: kg_query.write_result(answer, fmt, parts.append, hidden=hidden, limit=limit, width=width,
                                                                   native=query in kg_query.named_queries()))
    return "".join(parts)


CASES: list[tuple[str, dict[str, str]]] = [
    ("who-did-what", {"actor": "E42"}),
    ("who-did-what", {"target": "e42"}),
    ("who-did-what", {"actor": "E42", "modality": "asserted"}),
    ("actor-profile", {"actor": "E42"}),
    ("timeline", {"actor": "E42"}),
    ("sources", {"actor": "E42"}),
    ("considered", {"actor": "E42"}),
    ("aliases", {"name": "Country 42"}),
    ("entities", {"name": "country 42"}),
    ("triple-count", {}),
    ("aliases", {}),
    ("who-did-what", {}),
    ("timeline", {}),
    ("timeline", {"since": "2020-06"}),
    ("sources", {}),
    ("considered", {}),
    ("event-table", {}),
]
"""Every shipped query: with a name (the case issue 16 is about) first, then the whole graph's worth of rows."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="query runs per side (median reported)")
    parser.add_argument("--only", nargs="*", help="only these shipped queries")
    parser.add_argument("--loads", type=int, default=2, help="load runs per side, alternating (best reported)")
    parser.add_argument("--trig-docs", type=int, default=0, help="also load a kg graph.trig of this many synthetic documents")
    parser.add_argument("--before", metavar="REV", help="also time the shipped queries of this git revision (raw, alternating)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        nt = tmp / "graph.nt"
        t = timed(lambda: generate(nt, args.triples))
        n = sum(1 for _ in nt.open(encoding="utf-8"))
        print(f"generated {n} triples ({nt.stat().st_size / 1e6:.0f} MB) in {t:.1f}s")

        raw_times, kg_times = [], []
        for k in range(args.loads):  # alternate, so background load hurts both sides alike
            raw_dir, kg_dir = tmp / f"raw{k}", tmp / f"kg{k}"
            raw_times.append(timed(lambda: raw_load(nt, raw_dir)))
            kg_times.append(timed(lambda: kg_load(nt, kg_dir)))
            if k < args.loads - 1:
                shutil.rmtree(raw_dir)
                shutil.rmtree(kg_dir)
        raw_t, kg_t = min(raw_times), min(kg_times)
        print(f"load  raw pyoxigraph bulk_load: {raw_t:6.2f}s  {n / raw_t:10,.0f} triples/s")
        print(f"load  kg.store.load:            {kg_t:6.2f}s  {n / kg_t:10,.0f} triples/s")
        print(f"load  speed ratio kg/raw: {raw_t / kg_t:.2f}  (target >= 0.80)")

        where = tmp / f"kg{args.loads - 1}"
        # opening the store is paid once per `kg query` process, by both sides: timed apart, then each
        # query runs on a store already open, so the figures compare the queries themselves
        t_raw_open = statistics.median(timed(lambda: ox.Store.read_only(str(where))) for _ in range(5))
        t_kg_open = statistics.median(timed(lambda: kg_store.ensure(where)) for _ in range(5))
        print(f"open  raw Store.read_only {t_raw_open * 1000:.1f} ms; kg.store.ensure (read-write, checks the source) "
              f"{t_kg_open * 1000:.1f} ms")
        raw_store, kg_st = ox.Store.read_only(str(where)), kg_store.ensure(where)
        cases = [("aggregate by action", AGGREGATE, AGGREGATE, {})] + [
            (f"{name} {' '.join(f'{k}={v}' for k, v in params.items())}".strip(), name, kg_query.named_queries()[name].text, params)
            for name, params in CASES if not args.only or name in args.only
        ]
        figures = []
        for label, query, text, params in cases:
            raw_out, kg_out = raw_query(raw_store, text, params), kg_run(kg_st, query, params)
            rows = len(kg_out.splitlines()) - 1
            assert rows == len(raw_out.splitlines()) - 1, f"{label}: kg and raw pyoxigraph disagree"
            sent = table_queries(raw_store, query, params) if query in kg_query.named_queries() else []
            raw_q, kg_q, table_q, raw_t = [], [], [], []
            for _ in range(args.repeat):
                raw_q.append(timed(lambda: raw_query(raw_store, text, params)))
                kg_q.append(timed(lambda: kg_run(kg_st, query, params)))
                table_q.append(timed(lambda: kg_run(kg_st, query, params, "table")))
                if sent:
                    raw_t.append(timed(lambda: raw_sent(raw_store, sent)))
            rq, kq, tq = statistics.median(raw_q), statistics.median(kg_q), statistics.median(table_q)
            figure = {"query": label, "rows": rows, "raw_s": rq, "kg_s": kq, "kg_table_s": tq}
            if sent:
                figure["raw_table_s"], figure["table_queries"] = statistics.median(raw_t), len(sent)
            verdict = "met" if kq / rq <= 1.2 else "NOT MET"
            print(f"query {label:42} {rows:7,} rows: raw {rq * 1000:8.1f} ms, kg {kq * 1000:8.1f} ms, "
                  f"ratio kg/raw {kq / rq:.2f} (<= 1.20: {verdict}){'' if kq < 1 else ', over 1 s'}; "
                  f"table of {min(rows, kg_query.TABLE_LIMIT):,} rows {tq * 1000:8.1f} ms", flush=True)
            if sent:
                print(f"      table: {len(sent)} queries (the lead's values, then one value's rows at a time), raw "
                      f"{figure['raw_table_s'] * 1000:.1f} ms, kg {tq * 1000:.1f} ms ({tq / figure['raw_table_s']:.2f})", flush=True)
            if args.before and query in kg_query.named_queries():
                figure["before_raw_s"] = before_figure(raw_store, args.before, query, text, params, args.repeat)
            figures.append(figure)
        print("\nfigures JSON: " + json.dumps(figures))
        del raw_store, kg_st
        if args.trig_docs:
            trig_figures(tmp, args.trig_docs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def before_figure(store: ox.Store, rev: str, name: str, text: str, params: dict[str, str], repeat: int) -> float:
    """pyoxigraph's time for the query `name` as revision `rev` shipped it, alternating with today's; same rows."""
    old = subprocess.run(["git", "show", f"{rev}:kg/queries/{name}.rq"], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent).stdout
    assert raw_query(store, old, params) == raw_query(store, text, params), f"{name}: {rev} gives other rows"
    old_t, new_t = [], []
    for _ in range(repeat):
        old_t.append(timed(lambda: raw_query(store, old, params)))
        new_t.append(timed(lambda: raw_query(store, text, params)))
    before, now = statistics.median(old_t), statistics.median(new_t)
    print(f"      as {rev} shipped it: raw {before * 1000:8.1f} ms against {now * 1000:8.1f} ms now ({before / now:.1f}x)", flush=True)
    return before


def _raw_in_child(where: Path, text: str, params: dict[str, str]) -> None:
    raw_query(ox.Store.read_only(str(where)), text, params)


def trig_figures(tmp: Path, n_docs: int, timeout: float = 120.0) -> None:
    """Load a real kg graph.trig and query it: kg's union default graph against pyoxigraph's bag union."""
    import multiprocessing

    from bench_merge import synthetic_results

    from kg.merge import Merger
    from kg.pipeline import write_outputs

    work = tmp / "trig-work"
    work.mkdir()
    with Merger(work / "merge.sqlite") as merger:
        for result in synthetic_results(n_docs):
            merger.add(result)
        write_outputs(merger.finish(), tmp / "trig-out", html=False, work=work)
    trig = tmp / "trig-out" / "graph.trig"
    raw_dir, kg_dir = tmp / "trig-raw", tmp / "trig-kg"
    t_raw = timed(lambda: (lambda s: (s.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG), s.flush()))(ox.Store(str(raw_dir))))
    quads = len(ox.Store.read_only(str(raw_dir)))
    t_kg = timed(lambda: kg_store.load(trig, kg_dir))
    print(f"\ntrig  {n_docs} documents, {quads} quads ({trig.stat().st_size / 1e6:.0f} MB)")
    print(f"load  raw bulk_load {t_raw:.2f}s; kg.store.load (with the union) {t_kg:.2f}s; ratio kg/raw speed {t_raw / t_kg:.2f}")
    who = kg_query.named_queries()["who-did-what"].text
    kg_st = kg_store.ensure(kg_dir)
    t = timed(lambda: kg_run(kg_st, "who-did-what", {"actor": "PRK"}))
    rows = len(kg_run(kg_st, "who-did-what", {"actor": "PRK"}).splitlines()) - 1
    del kg_st
    print(f"query who-did-what actor=PRK on kg's union: {t * 1000:.0f} ms ({rows} rows)")
    # pyoxigraph's bag union, in a child process so that it can be given up on
    proc = multiprocessing.Process(target=_raw_in_child, args=(raw_dir, who, {"actor": "PRK"}))
    start = time.perf_counter()
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.terminate()
        print(f"query who-did-what actor=PRK on pyoxigraph's union default graph: not done after {timeout:.0f}s")
    else:
        print(f"query who-did-what actor=PRK on pyoxigraph's union default graph: {time.perf_counter() - start:.1f}s")


if __name__ == "__main__":
    main()
