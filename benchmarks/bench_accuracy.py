"""Accuracy with and without the CAMEO verb dictionary, on every development gold set, in one run.

Prints Markdown tables for the README: precision, recall and F1 of each set scored as
`kg eval` scores it, with the hand-written rules alone and with the dictionary, then the
recall and precision per PLOVER type on the two PLOVER-format sets.

    python benchmarks/bench_accuracy.py            # the sets in eval/ and the seed gold in ../shared/eval
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kg.evaluate import Counts, Report, by_type, evaluate

REPO = Path(__file__).resolve().parent.parent
SETS = {
    "seed articles": REPO.parent / "shared" / "eval" / "seeds-gold.json",
    "PLOVER dev": REPO / "eval" / "plover-dev.jsonl",
    "news-dev (Wikinews 2019-2020)": REPO / "eval" / "news-dev.jsonl",
}


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def _row(name: str, rules: str, c: Counts, extra: str = "") -> str:
    return (f"| {name} | {rules} | {_pct(c.precision)} ({c.matched_system}/{c.system}) | "
            f"{_pct(c.recall)} ({c.matched_gold}/{c.gold}) | {_pct(c.f1)} | {extra} |")


def _extra(report: Report) -> str:
    if report.modality is None or report.entities is None:
        return ""
    return (f"modality {_pct(report.modality.value or 0)}, dates {report.date.correct}/{report.date.total}, "
            f"aliases {report.entities.correct}/{report.entities.found}")


def main() -> int:
    present = {name: path for name, path in SETS.items() if path.exists()}
    for name in SETS.keys() - present.keys():
        print(f"skipped {name}: {SETS[name]} not found", file=sys.stderr)
    reports: dict[tuple[str, bool], Report] = {}
    started = time.perf_counter()
    for name, path in present.items():
        for lexicon in (False, True):
            reports[name, lexicon] = evaluate(path, lexicon=lexicon)
    print("| gold set | rules | precision | recall | F1 | also |\n|---|---|---|---|---|---|")
    for name in present:
        for lexicon in (False, True):
            r = reports[name, lexicon]
            print(_row(name, "+ CAMEO dictionary" if lexicon else "hand-written only", r.counts, _extra(r)))
    for name in present:
        if reports[name, True].kind != "plover":
            continue
        print(f"\n{name}, per PLOVER type (with the dictionary): recall over gold events of the type, precision over kg's events of the type\n")
        print("| type | recall | precision |\n|---|---|---|")
        for action, (rec, prec) in by_type(reports[name, True]).items():
            recall = f"{_pct(rec.recall)} ({rec.matched_gold}/{rec.gold})" if rec.gold else "-"
            precision = f"{_pct(prec.precision)} ({prec.matched_system}/{prec.system})" if prec.system else "-"
            print(f"| {action} | {recall} | {precision} |")
    print(f"\n({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
