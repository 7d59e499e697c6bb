"""The per-document cache: exact round trip, keys that change with the document and the context, corrupt entries recomputed."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import kg.cache
from kg.cache import DocCache, cached, context, default_cache_dir
from kg.model import DocResult, Document, Entity, Event, Evidence, Mention, Role
from tests.conftest import news_sample_lines

TEXT = "Seoul’s spy agency said North Korea sent 12,000 troops to Russia last month. “Quote” – ünïcode."


def result_for(document: Document) -> DocResult:
    """A DocResult with every field kind: None, tuples, unicode, attribution."""
    return DocResult(
        document,
        (Entity("KOR", "South Korea", "Country", "KOR", "Q884", ("Seoul", "ROK")),
         Entity("kor-nis", "National Intelligence Service", "Organization", "KOR"),
         Entity("ban", "Ban Ki-moon", "Person", "UN", sector="GOV",
                roles=(Role("KOR", "GOV", "2004-01-17", "2006-12-01"), Role("UN", None, "2007-01-01", None)))),
        (Mention(document.id, 0, 7, "Seoul’s", "KOR"), Mention(document.id, 41, 52, "North Korea", "PRK")),
        (Event("PRK", "DeployTroops", "RUS", "asserted", "2024-10", "last month", 12000,
               (Evidence(document.id, TEXT[:76], 0, 76, "sent", "kor-nis", None),
                Evidence(document.id, TEXT[:76], 0, 76, "sent", None, "officials in Seoul")), cameo="1721"),
         Event("KOR", "Consult", None)),
    )


DOC = Document("d1", TEXT, "2024-11-14", "Title", "https://example.org/a", "Outlet")


def test_round_trip_is_exact(tmp_path: Path) -> None:
    cache = DocCache(tmp_path, ctx="ctx")
    result = result_for(DOC)
    assert cache.get(DOC) is None
    cache.put(result)
    back = cache.get(DOC)
    assert back == result
    # Event equality ignores evidence (compare=False): check it field by field
    assert [e.evidence for e in back.events] == [e.evidence for e in result.events]
    assert back.entities[0].aliases == ("Seoul", "ROK")
    assert back.entities[2].roles == result.entities[2].roles and back.entities[2].sector == "GOV"
    assert back.events[0].cameo == "1721"
    assert (cache.stats.hits, cache.stats.misses) == (1, 1)


def test_every_document_field_and_the_context_are_in_the_key(tmp_path: Path) -> None:
    cache = DocCache(tmp_path, ctx="ctx")
    cache.put(result_for(DOC))
    for changed in (replace(DOC, text=TEXT + " "), replace(DOC, date="2024-11-15"), replace(DOC, id="d2"),
                    replace(DOC, title=None), replace(DOC, url="https://example.org/b"), replace(DOC, source="Other")):
        assert cache.get(changed) is None
    assert DocCache(tmp_path, ctx="other rules").get(DOC) is None
    assert cache.get(DOC) is not None


def test_corrupt_or_foreign_entries_are_ignored(tmp_path: Path) -> None:
    cache = DocCache(tmp_path, ctx="ctx")
    path = cache.path(DOC)
    path.parent.mkdir(parents=True)
    for junk in ("", "{not json", "[1, 2]", json.dumps({"document": ["d1"]})):
        path.write_text(junk, encoding="utf-8")
        assert cache.get(DOC) is None
    # a well-formed entry for another document stored under this key is not trusted
    cache.put(result_for(DOC))
    other = replace(DOC, id="elsewhere")
    target = cache.path(other)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, target)
    assert cache.get(other) is None


def test_writes_leave_no_temporary_files_and_an_unwritable_cache_does_not_fail(tmp_path: Path) -> None:
    cache = DocCache(tmp_path / "c", ctx="ctx")
    cache.put(result_for(DOC))
    files = [p for p in (tmp_path / "c").rglob("*") if p.is_file()]
    assert [p.name for p in files] == [cache.path(DOC).name]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    broken = DocCache(blocker, ctx="ctx")  # its directory is a file: every write fails
    broken.put(result_for(DOC))
    assert broken.get(DOC) is None


def test_cached_runs_only_the_misses_and_stores_them(tmp_path: Path) -> None:
    cache = DocCache(tmp_path, ctx="ctx")
    docs = [Document(f"d{i}", f"text {i}") for i in range(5)]
    seen: list[str] = []

    def run(documents):
        for d in documents:
            seen.append(d.id)
            yield result_for(d)

    first = list(cached(docs[:3], cache, run))
    assert seen == ["d0", "d1", "d2"]
    seen.clear()
    second = list(cached(docs, cache, run))
    assert seen == ["d3", "d4"]
    assert sorted(r.document.id for r in second) == [d.id for d in docs]
    assert {r.document.id: r for r in second}["d1"] == first[1]


def test_corrupt_entry_is_recomputed_and_rewritten(tmp_path: Path) -> None:
    cache = DocCache(tmp_path, ctx="ctx")
    list(cached([DOC], cache, lambda ds: map(result_for, ds)))
    cache.path(DOC).write_text("garbage", encoding="utf-8")
    calls: list[str] = []
    out = list(cached([DOC], cache, lambda ds: [calls.append(d.id) or result_for(d) for d in ds]))
    assert calls == ["d1"] and out == [result_for(DOC)]
    assert cache.get(DOC) == result_for(DOC)


def test_context_changes_with_rules_data_and_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = context()
    assert "rules=" in base and "model=" in base

    class OtherRules:
        version = "changed-rules"

    monkeypatch.setattr(kg.cache, "load_rules", lambda: OtherRules())
    assert context() != base
    monkeypatch.undo()

    data = tmp_path / "ontology"
    shutil.copytree(kg.cache.ontology_dir(), data)
    monkeypatch.setattr(kg.cache, "ontology_dir", lambda: data)
    assert context() == base
    with (data / "boilerplate.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# edited\n")
    assert context() != base
    monkeypatch.undo()

    monkeypatch.setattr(kg.cache, "model_version", lambda model=None: "some_model@9.9")
    assert context() != base


def test_code_digest_covers_every_file_of_a_package_module(tmp_path: Path) -> None:
    package = tmp_path / "kg"
    shutil.copytree(Path(kg.cache.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    base = kg.cache.source_digest(package)
    assert base == kg.cache._code_digest()
    with (package / "events" / "frames.py").open("a", encoding="utf-8") as handle:
        handle.write("\n# edited\n")
    assert kg.cache.source_digest(package) != base
    shutil.rmtree(package / "events")
    with pytest.raises(RuntimeError, match="kg/events"):
        kg.cache.source_digest(package)


def test_default_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_CACHE_DIR", raising=False)
    assert default_cache_dir(tmp_path / "out") == tmp_path / "out" / ".cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "kg"
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "env"))
    assert default_cache_dir(tmp_path / "out") == tmp_path / "env"


# ------------------------------------------------------------ with the real pipeline


def news_documents(n: int) -> list[Document]:
    """The first n articles of the real-news sample the repository holds."""
    return [Document(d["id"], d["text"], d.get("date")) for d in map(json.loads, news_sample_lines(n))]


def test_rebuild_processes_only_the_new_document_and_gives_the_same_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg import pipeline

    docs = news_documents(3)
    processed: list[str] = []
    real = pipeline.process

    def spy(documents, **kwargs):
        def watched():
            for d in documents:
                processed.append(d.id)
                yield d
        return real(watched(), **kwargs)

    monkeypatch.setattr(pipeline, "process", spy)
    cold = pipeline.extract(docs[:2], cache=DocCache(tmp_path))
    assert processed == [d.id for d in docs[:2]]
    processed.clear()
    warm_cache = DocCache(tmp_path)
    warm = pipeline.extract(docs, cache=warm_cache)
    assert processed == [docs[2].id]
    assert (warm_cache.stats.hits, warm_cache.stats.misses) == (2, 1)
    fresh = pipeline.extract(docs)
    from kg.export import to_jsonl

    assert to_jsonl(warm) == to_jsonl(fresh)
    assert to_jsonl(pipeline.extract(docs[:2], cache=DocCache(tmp_path))) == to_jsonl(cold)

    # a rule change gives new keys: everything is processed again
    class OtherRules:
        version = "edited"

    processed.clear()
    monkeypatch.setattr(kg.cache, "load_rules", lambda: OtherRules())
    pipeline.extract(docs, cache=DocCache(tmp_path))
    assert processed == [d.id for d in docs]


def test_cli_build_caches_in_the_output_folder_unless_told_not_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    monkeypatch.delenv("KG_CACHE_DIR", raising=False)
    source = tmp_path / "two.jsonl"
    source.write_text("\n".join(news_sample_lines(2)) + "\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["build", str(source), "-o", str(tmp_path / "a"), "--no-html", "-q"])
    assert res.exit_code == 0, res.output
    assert len(list((tmp_path / "a" / ".cache").rglob("*.json"))) == 2
    res = runner.invoke(app, ["build", str(source), "-o", str(tmp_path / "b"), "--no-html", "-q", "--no-cache"])
    assert res.exit_code == 0, res.output
    assert not (tmp_path / "b" / ".cache").exists()
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()
