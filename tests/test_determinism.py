"""Same corpus, same bytes: whatever the order of the input files and the number of workers."""

from __future__ import annotations

import json
from pathlib import Path

from kg.export import to_jsonl
from kg.model import DocResult, Document, Entity, Event, Evidence, Mention
from kg.pipeline import build, merge
from tests.conftest import news_sample_lines


def _result(doc_id: str, label: str, quantity: int | None, date_text: str | None) -> DocResult:
    doc = Document(doc_id, f"text of {doc_id}", "2024-11-01")
    ev = Event("PRK", "DeployTroops", "RUS", "asserted", "2024-10", date_text, quantity,
               (Evidence(doc_id, "sentence", 0, 8, "sent"),))
    return DocResult(doc, (Entity("kor-nis", label, "Organization", "KOR"),), (Mention(doc_id, 0, 3, "NIS", "kor-nis"),), (ev,))


def test_merge_does_not_depend_on_the_order_results_arrive_in() -> None:
    results = [_result("a", "National Intelligence Service", 12000, "last month"),
               _result("b", "NIS", 10000, "in October"),
               _result("c", "Spy agency", None, None)]
    forward = merge(results)
    backward = merge(list(reversed(results)))
    assert to_jsonl(forward) == to_jsonl(backward)
    assert forward.by_key["kor-nis"].label == "National Intelligence Service"  # the first document by id wins
    (event,) = forward.events
    assert (event.quantity, event.date_text) == (12000, "last month")
    assert [e.doc_id for e in event.evidence] == ["a", "b", "c"]


def _split_articles(folder: Path) -> list[Path]:
    """One .jsonl file per article of the real-news sample: the input order is then the order of the file arguments."""
    folder.mkdir()
    paths = []
    for line in news_sample_lines():
        path = folder / f"{json.loads(line)['id']}.jsonl"
        path.write_text(line + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_outputs_are_byte_identical_across_input_order_and_workers(tmp_path: Path) -> None:
    files = _split_articles(tmp_path / "in")
    assert len(files) >= 3
    runs = {
        "in order, 1 worker": (files, 1),
        "reversed, 1 worker": (files[::-1], 1),
        "rotated, 2 workers": (files[2:] + files[:2], 2),
    }
    outputs = {}
    for name, (sources, workers) in runs.items():
        out = tmp_path / name.replace(" ", "_").replace(",", "")
        build(sources, out, workers=workers, html=False)
        outputs[name] = ((out / "graph.ttl").read_bytes(), (out / "events.jsonl").read_bytes())
    reference = outputs["in order, 1 worker"]
    assert reference[0] and reference[1].count(b'"type": "event"') > 0
    for name, produced in outputs.items():
        assert produced == reference, f"{name} differs from the in-order one-worker build"
