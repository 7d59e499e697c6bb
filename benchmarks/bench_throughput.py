"""Throughput, parallelism, memory, incremental rebuild and determinism of `kg build`, side by side in one run.

Run by hand from the repository root (takes ~15 minutes on 2 cores with the defaults):

    python3 benchmarks/bench_throughput.py                 # 100,000 words of each corpus
    python3 benchmarks/bench_throughput.py --words 20000 --doc-chars   # quicker look, no long documents
    python3 benchmarks/bench_throughput.py --dask          # also a --scheduler local run

Every measurement runs in a fresh subprocess so that its peak resident memory
is its own. Throughput is measured on two corpora side by side
(benchmarks/corpus.py): real news (the Wikinews articles in
../shared/corpora) and the seed articles' sentences mixed into a corpus of
any size; the other figures use the seed mix. Bare spaCy is `nlp.pipe` with
the same model and only the components kg uses (kg.nlp.NEEDED); both timers
start after the model is loaded. With --doc-chars, single documents of those
many characters of real news give the time per character (bare spaCy there
parses the same pieces kg cuts a long text into). Prints figures, ratios,
and whether each target (issues 6 and 16) is met.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import corpus  # noqa: E402

TARGETS = {"throughput": 0.90, "speedup": 1.6, "memory_mb": 600.0}


# ------------------------------------------------------------------ children


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children: insensitive to other load."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


_SAMPLER = """
import json, select, sys, psutil
me, sampler = psutil.Process(int(sys.argv[1])), psutil.Process()
child = total = 0.0
while not select.select([sys.stdin], [], [], 0.1)[0]:  # until the parent writes or closes stdin
    try:
        kids = [c.memory_info().rss for c in me.children(recursive=True) if c.pid != sampler.pid]
        own = me.memory_info().rss
    except psutil.Error:  # a worker exited between listing and reading
        continue
    child = max(child, max(kids, default=0) / 2**20)
    total = max(total, (own + sum(kids)) / 2**20)
print(json.dumps([child, total]))
"""


class TreeMemory:
    """Samples the RSS of this process's descendants (worker processes) every 0.1 s, from a separate process.

    Not from a thread: kg forks its workers only while this process has no other thread (a fork copies
    locks other threads hold), and a sampler thread would make every worker start spaCy from scratch."""

    def __init__(self) -> None:
        self.sampler = subprocess.Popen([sys.executable, "-c", _SAMPLER, str(os.getpid())],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def peaks(self) -> dict[str, float]:
        """Peak RSS of this process (exact, from the kernel) and of its largest descendant and the whole tree (sampled), MB."""
        out, _ = self.sampler.communicate("stop\n")
        child, total = json.loads(out)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KB
        return {"peak_mb": round(own, 1), "child_peak_mb": round(child, 1), "tree_peak_mb": round(max(total, own), 1)}


def child_bare(args: dict) -> dict:
    """Bare spaCy: the same model with the same needed components, nlp.pipe over the texts."""
    import spacy

    from kg.nlp import NEEDED, model_name
    from kg.pipeline import BATCH_SIZE

    name = model_name()
    full = spacy.load(name)
    nlp = spacy.load(name, exclude=[p for p in full.pipe_names if p not in NEEDED])
    del full

    def texts():
        for path in args["sources"]:
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    if args.get("chunked"):  # the pieces kg parses a long text in
                        from kg.nlp import chunks

                        yield from (piece for _, piece in chunks(json.loads(line)["text"]))
                    else:
                        yield json.loads(line)["text"]

    memory = TreeMemory()
    t0, c0 = time.perf_counter(), _cpu()
    n = 0
    for doc in nlp.pipe(texts(), batch_size=BATCH_SIZE, n_process=args.get("workers", 1)):
        n += 1
    return {"seconds": time.perf_counter() - t0, "cpu": _cpu() - c0, "docs": n, "pipes": nlp.pipe_names, **memory.peaks()}


def child_build(args: dict) -> dict:
    """`kg build` as a library call, model/gazetteer/rules/CAMEO dictionary/agent tables loaded before the timer starts."""
    from kg import pipeline
    from kg.agents import load_agents
    from kg.cache import DocCache, context
    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.nlp import load_nlp
    from kg.pipeline import build
    from kg.rules import load_rules

    writing = [0.0]
    write_outputs = pipeline.write_outputs

    def timed_write(*a, **kw):
        t = time.perf_counter()
        try:
            return write_outputs(*a, **kw)
        finally:
            writing[0] += time.perf_counter() - t

    pipeline.write_outputs = timed_write  # build() calls it by module name: time the output stage apart

    if args.get("scheduler") is None and args.get("workers", 1) == 1:
        load_nlp()
    load_gazetteer()
    load_rules()
    load_lexicon()  # (the tables kg loads once per process, as the model: 0.14 s that no document costs)
    load_agents()
    cache = DocCache(args["cache"]) if args.get("cache") else False
    version = hashlib.sha256(context().encode()).hexdigest()[:12]
    memory = TreeMemory()
    t0, c0 = time.perf_counter(), _cpu()
    result = build(args["sources"], args["out"], workers=args.get("workers", 1), html=args.get("html", False),
                   cache=cache, scheduler=args.get("scheduler"))
    out = {"seconds": time.perf_counter() - t0, "cpu": _cpu() - c0, "write_seconds": writing[0], "docs": result.documents, "entities": result.entities,
           "events": result.events, **memory.peaks()}
    if hashlib.sha256(context().encode()).hexdigest()[:12] != version:
        version = "changed during the run"
    out["version"] = version
    if cache:
        out.update(hits=cache.stats.hits, misses=cache.stats.misses)
    return out


def run_child(kind: str, **args) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON figures."""
    proc = subprocess.run([sys.executable, __file__, "--child", kind, json.dumps(args)],
                          capture_output=True, text=True, cwd=HERE.parent)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{kind} child failed ({proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ the run


def machine() -> dict:
    """Figures about the machine and software the numbers were measured on."""
    import spacy

    from kg.cache import model_version

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_mb": mem, "python": platform.python_version(),
            "spacy": spacy.__version__, "model": model_version(), "load_avg": os.getloadavg()}


def shard(docs: list[dict], folder: Path, parts: int) -> list[Path]:
    """Write the documents as `parts` .jsonl files (input order = argument order)."""
    folder.mkdir(parents=True, exist_ok=True)
    size = -(-len(docs) // parts)
    return [corpus.write_jsonl(docs[i:i + size], folder / f"part-{i // size:02d}.jsonl") for i in range(0, len(docs), size)]


def same_outputs(a: Path, b: Path) -> bool:
    """Byte-identical graph.ttl and events.jsonl."""
    return all((a / n).read_bytes() == (b / n).read_bytes() for n in ("graph.ttl", "events.jsonl"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=100_000, help="words of each corpus (real news has about 201,000)")
    ap.add_argument("--repeat", type=int, default=1, help="alternate bare/kg runs this many times, keep the best of each")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dask", action="store_true", help="also build with --scheduler local and compare outputs")
    ap.add_argument("--doc-chars", type=int, nargs="*", default=[10_000, 100_000, 1_000_000],
                    help="single documents of these many characters (none: skip)")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "ARGS"), help=argparse.SUPPRESS)
    opts = ap.parse_args()
    if opts.child:
        kind, args = opts.child
        print(json.dumps({"bare": child_bare, "build": child_build}[kind](json.loads(args))))
        return

    figures: dict = {"machine": machine()}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        root = Path(tmp)
        docs = corpus.make_documents(opts.words)
        real = corpus.real_documents(opts.words)
        small = docs[: max(1, len(docs) // 10)]
        files = shard(docs, root / "corpus", 4)
        real_files = shard(real, root / "real", 4)
        small_file = [corpus.write_jsonl(small, root / "small.jsonl")]
        words = corpus.words(docs)
        figures["corpus"] = {"documents": len(docs), "words": words, "bytes": sum(p.stat().st_size for p in files),
                             "small_documents": len(small), "small_words": corpus.words(small),
                             "real_documents": len(real), "real_words": corpus.words(real)}
        print(f"corpora: seed mix {len(docs)} documents, {words} words; real news {len(real)} documents, "
              f"{corpus.words(real)} words; machine: {figures['machine']}", flush=True)

        # 1. throughput: bare spaCy vs kg build on real news and on the seed mix, alternated with
        # 2. parallelism (reversed file order: also a determinism check)
        runs: dict[str, list[dict]] = {k: [] for k in ("real_bare", "real_kg", "bare", "kg_w1", "kg_wn")}
        for i in range(opts.repeat):
            for name, kind, sources, extra in [
                ("real_bare", "bare", real_files, {}), ("real_kg", "build", real_files, {"out": str(root / "out-real")}),
                ("bare", "bare", files, {}), ("kg_w1", "build", files, {"out": str(root / "out-w1")}),
                ("kg_wn", "build", files[::-1], {"out": str(root / "out-wn"), "workers": opts.workers}),
            ]:
                runs[name].append(run_child(kind, sources=[str(p) for p in sources], **extra))
                print(f"  {name} run {i + 1}: {runs[name][-1]['seconds']:.1f} s", flush=True)
        for name, results in runs.items():
            figures[name] = min(results, key=lambda r: r["seconds"])
        bare_n = run_child("bare", sources=[str(p) for p in files], workers=opts.workers)
        print(f"  bare spaCy n_process={opts.workers}: {bare_n['seconds']:.1f} s", flush=True)
        figures["bare_wn"] = bare_n

        # 3. memory: the same build on a tenth of the documents
        km = run_child("build", sources=[str(p) for p in small_file], out=str(root / "out-small"))
        print(f"  kg build -w1 on {len(small)} documents: {km['seconds']:.1f} s", flush=True)
        figures["kg_small"] = km

        # 4. incremental: cold build with an empty cache, then the corpus plus one new article
        cache = root / "cache"
        cold = run_child("build", sources=[str(p) for p in files], out=str(root / "out-inc"), cache=str(cache))
        extra = corpus.write_jsonl(corpus.make_documents(500, seed=99, prefix="new"), root / "new.jsonl")
        warm = run_child("build", sources=[str(p) for p in files] + [str(extra)], out=str(root / "out-inc"), cache=str(cache))
        print(f"  cached build: cold {cold['seconds']:.1f} s, +1 article {warm['seconds']:.1f} s", flush=True)
        figures["cache_cold"], figures["cache_warm"] = cold, warm

        # 5. determinism
        identical = same_outputs(root / "out-w1", root / "out-wn")
        last_w1, last_wn = runs["kg_w1"][-1]["version"], runs["kg_wn"][-1]["version"]  # the folders hold the last runs
        figures["identical_order_workers"] = identical if last_w1 == last_wn != "changed during the run" else None
        if opts.dask:
            kd = run_child("build", sources=[str(p) for p in files], out=str(root / "out-dask"), workers=opts.workers, scheduler="local")
            figures["kg_dask"] = kd
            same = same_outputs(root / "out-w1", root / "out-dask")
            figures["identical_dask"] = same if last_w1 == kd["version"] != "changed during the run" else None
            print(f"  kg build --scheduler local -w{opts.workers}: {kd['seconds']:.1f} s", flush=True)

        # 6. one long document: time per character as documents grow
        figures["long"] = []
        for n_chars in opts.doc_chars:
            doc = corpus.one_document(n_chars)
            path = corpus.write_jsonl([doc], root / f"long-{n_chars}.jsonl")
            kg_run = run_child("build", sources=[str(path)], out=str(root / f"out-long-{n_chars}"))
            bare_run = run_child("bare", sources=[str(path)], chunked=True)
            figures["long"].append({"chars": len(doc["text"]), "kg": kg_run, "bare": bare_run})
            print(f"  one document of {len(doc['text']):,} characters: kg {kg_run['seconds']:.1f} s, "
                  f"bare spaCy {bare_run['seconds']:.1f} s", flush=True)
        figures["machine"]["load_avg_end"] = os.getloadavg()

    report(figures, opts.workers)


def _void(value: bool | None) -> str:
    return "-" if value is None else str(value)


def report(f: dict, workers: int) -> None:
    """Print the figures and the targets, met or not."""
    words = f["corpus"]["words"]
    real_words = f["corpus"]["real_words"]

    def wps(r: dict, n: int = words) -> str:
        return f"{n / r['seconds']:,.0f} words/s ({r['seconds']:.1f} s, {r.get('cpu', 0):.1f} CPU s)"

    def peak(r: dict) -> float:
        return max(r["peak_mb"], r["child_peak_mb"])

    ratio = f["bare"]["seconds"] / f["kg_w1"]["seconds"]
    cpu_ratio = f["bare"]["cpu"] / f["kg_w1"]["cpu"]
    real_ratio = f["real_bare"]["seconds"] / f["real_kg"]["seconds"]
    real_cpu_ratio = f["real_bare"]["cpu"] / f["real_kg"]["cpu"]
    speedup = f["kg_w1"]["seconds"] / f["kg_wn"]["seconds"]
    extract_ratio = f["bare"]["seconds"] / (f["kg_w1"]["seconds"] - f["kg_w1"]["write_seconds"])

    print("\n== figures ==")
    print(f"                                     real news ({real_words:,} words)                  seed mix ({words:,} words)")
    print(f"bare spaCy ({', '.join(f['bare']['pipes'])}):")
    print(f"  {wps(f['real_bare'], real_words):45} {wps(f['bare'])}")
    print("kg build --workers 1:")
    print(f"  {wps(f['real_kg'], real_words):45} {wps(f['kg_w1'])}")
    print(f"  of which writing the outputs:      {f['real_kg']['write_seconds']:.1f} s / {f['kg_w1']['write_seconds']:.1f} s")
    print(f"  kg / bare spaCy, wall clock:       {real_ratio:.2f} / {ratio:.2f};  CPU time: {real_cpu_ratio:.2f} / {cpu_ratio:.2f}")
    print(f"  peak RSS:                          {peak(f['real_kg']):.0f} MB / {peak(f['kg_w1']):.0f} MB")
    print(f"kg build --workers {workers} (seed mix):   {wps(f['kg_wn'])}, peak {f['kg_wn']['peak_mb']:.0f} MB main, "
          f"{f['kg_wn']['child_peak_mb']:.0f} MB largest worker, {f['kg_wn']['tree_peak_mb']:.0f} MB all processes")
    print(f"bare spaCy n_process={workers}:              {wps(f['bare_wn'])}  (speed-up {f['bare']['seconds'] / f['bare_wn']['seconds']:.2f}x)")
    if "kg_dask" in f:
        print(f"kg build --scheduler local -w{workers}:    {wps(f['kg_dask'])}; "
              f"{f['kg_dask']['seconds'] / f['kg_wn']['seconds']:.2f}x the time of --workers {workers}")
    small = f["corpus"]["small_documents"]
    print(f"memory: {small} documents peak {peak(f['kg_small']):.0f} MB; {f['corpus']['documents']} documents peak {peak(f['kg_w1']):.0f} MB")
    cold, warm = f["cache_cold"], f["cache_warm"]
    print(f"incremental: cold {cold['seconds']:.1f} s (misses {cold['misses']}), +1 article {warm['seconds']:.1f} s "
          f"(hits {warm['hits']}, misses {warm['misses']})")
    print(f"outputs: {f['kg_w1']['docs']} documents, {f['kg_w1']['entities']} entities, {f['kg_w1']['events']} events (seed mix); "
          f"{f['real_kg']['docs']} documents, {f['real_kg']['entities']} entities, {f['real_kg']['events']} events (real news)")
    if f["long"]:
        print("one document of real news, kg build (bare spaCy on the same pieces), time per 1,000 characters:")
        for row in f["long"]:
            kg_ms, bare_ms = (1000 * row[k]["seconds"] / row["chars"] * 1000 for k in ("kg", "bare"))
            print(f"  {row['chars']:>10,} characters: {kg_ms:7.1f} ms ({bare_ms:.1f} ms), kg/bare time {kg_ms / bare_ms:.2f}x, "
                  f"peak {peak(row['kg']):.0f} MB, {row['kg']['events']} events")

    mem_ratio = peak(f["kg_w1"]) / peak(f["kg_small"])
    rows = [
        ("throughput kg/bare, real news (wall)", f"{real_ratio:.2f}", f">= {TARGETS['throughput']}", real_ratio >= TARGETS["throughput"]),
        ("throughput kg/bare, real news (CPU)", f"{real_cpu_ratio:.2f}", f">= {TARGETS['throughput']}", real_cpu_ratio >= TARGETS["throughput"]),
        ("throughput kg/bare, seed mix (wall)", f"{ratio:.2f}", f">= {TARGETS['throughput']}", ratio >= TARGETS["throughput"]),
        ("throughput kg/bare, seed mix (CPU)", f"{cpu_ratio:.2f}", f">= {TARGETS['throughput']}", cpu_ratio >= TARGETS["throughput"]),
        ("  extraction only, seed mix (wall)", f"{extract_ratio:.2f}", f">= {TARGETS['throughput']}", extract_ratio >= TARGETS["throughput"]),
        (f"speed-up --workers {workers}", f"{speedup:.2f}x", f">= {TARGETS['speedup']}x", speedup >= TARGETS["speedup"]),
        ("peak RSS (largest process)", f"{max(peak(f['kg_w1']), peak(f['kg_wn'])):.0f} MB", f"< {TARGETS['memory_mb']:.0f} MB",
         max(peak(f["kg_w1"]), peak(f["kg_wn"])) < TARGETS["memory_mb"]),
        ("peak RSS 10x docs / 1x docs", f"{mem_ratio:.2f}", "about 1", mem_ratio < 1.25),
        ("rebuild +1 article / cold", f"{warm['seconds'] / cold['seconds']:.3f}", "small, 1 miss",
         warm["misses"] == 1 and warm["seconds"] < 0.25 * cold["seconds"]),
        ("identical bytes (order, workers)", _void(f["identical_order_workers"]), "True", f["identical_order_workers"]),
    ]
    if "identical_dask" in f:
        rows.append(("identical bytes (Dask)", _void(f["identical_dask"]), "True", f["identical_dask"]))
    print("\n== targets ==")
    for name, value, target, ok in rows:
        verdict = "void: kg's code or data changed between the runs" if ok is None else "met" if ok else "NOT MET"
        print(f"{name:38} {value:>10}  target {target:14} {verdict}")
    print(f"\nload average at start {f['machine']['load_avg']}, at end {f['machine']['load_avg_end']}")
    print("\nfigures JSON: " + json.dumps(f))


if __name__ == "__main__":
    main()
