"""kg.compiled: tables built once, read back from disk, rebuilt when corrupt or stale, safe to share."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from kg import compiled


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    return tmp_path / "compiled"


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_read_from_disk(cache):
    build, calls = _counting({"a": (1, 2)})
    assert compiled.cached("t", "k1", build) == {"a": (1, 2)}
    assert compiled.cached("t", "k1", build) == {"a": (1, 2)}
    assert len(calls) == 1
    assert [p.name for p in cache.iterdir()] == ["t-k1.pickle"]  # no temporary file left behind


def test_another_key_is_another_file(cache):
    build, calls = _counting(1)
    compiled.cached("t", "k1", build)
    compiled.cached("t", "k2", build)
    assert len(calls) == 2


@pytest.mark.parametrize("garbage", [b"", b"kg-compiled\nk1\nnot a pickle", b"kg-compiled\nother-key\n" + pickle.dumps(1),
                                     b"\x80\x04garbage"])
def test_a_corrupt_or_foreign_file_is_rebuilt_and_rewritten(cache, garbage):
    cache.mkdir(parents=True)
    (cache / "t-k1.pickle").write_bytes(garbage)
    build, calls = _counting("fresh")
    assert compiled.cached("t", "k1", build) == "fresh"
    assert compiled.cached("t", "k1", build) == "fresh" and len(calls) == 1


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker))
    build, calls = _counting(3)
    assert compiled.cached("t", "k1", build) == 3 and compiled.cached("t", "k1", build) == 3
    assert len(calls) == 2


def test_digest_changes_with_any_part_and_part_boundaries():
    assert compiled.digest(["ab", "c"]) != compiled.digest(["a", "bc"])
    assert compiled.digest([b"x"]) == compiled.digest(["x"])


def test_the_cached_gazetteer_is_the_gazetteer(cache):
    from kg import gazetteer
    from kg.paths import ontology_dir

    fresh = gazetteer._build(ontology_dir().resolve())
    gazetteer._load_cached.cache_clear()
    try:
        first = gazetteer.load_gazetteer()   # built, written
        gazetteer._load_cached.cache_clear()
        second = gazetteer.load_gazetteer()  # read back
    finally:
        gazetteer._load_cached.cache_clear()
    assert list(cache.glob("gazetteer-*.pickle"))
    for gaz in (first, second):
        assert len(gaz.entities) == len(fresh.entities)
        for key in ("hamid-karzai", "KOR", "TUR-gov", "yoon-suk-yeol"):
            assert gaz.entities[key] == fresh.entities[key]
        assert gaz.lookup("Yun Seok-yol") == "yoon-suk-yeol" and gaz.types == fresh.types


def test_the_data_is_part_of_the_key(tmp_path):
    from kg.gazetteer import gazetteer_key
    from kg.paths import ontology_dir

    for name in ("countries.yaml", "actors.yaml", "sectors.yaml"):
        (tmp_path / name).write_bytes((ontology_dir() / name).read_bytes())
    before = gazetteer_key(tmp_path)
    with (tmp_path / "actors.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# an edit\n")
    assert gazetteer_key(tmp_path) != before
