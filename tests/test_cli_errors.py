"""Bad input through the real command line: one `Error: ...` line, the documented exit code, no traceback, nothing written.

Each row is a mistake a user makes. Warnings (`Warning: ...`) may precede the
error; nothing else may be on stderr. The exit codes are those of kg/errors.py,
as listed in docs/errors.md (checked here too).
"""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import errors
from kg.cli import app
from kg.errors import InputError, KgError, QueryError, UnknownQuery
from tests.conftest import REPO, make_sample_corpus
from tests.conftest import write

ARTICLE = "North Korea sent troops to Russia on Monday, officials in Seoul said.\n"


def invoke(*args: object):
    """Run `kg ARGS` in-process; a traceback or an escaped exception fails the test."""
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def assert_one_error(result, code: int, message: str) -> None:
    """Exit `code`, and stderr is warnings plus exactly the line `Error: message...`."""
    assert result.exit_code == code, result.output
    lines = [line for line in result.stderr.splitlines() if not line.startswith("Warning: ")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: " + message), lines[0]
    assert result.stdout == ""



@pytest.fixture(autouse=True)
def _no_cache_env(monkeypatch):
    monkeypatch.delenv("KG_CACHE_DIR", raising=False)


# ---------------------------------------------------------------- kg build: bad input

# (files to create, arguments after `build`, exit code, start of the error line after "Error: ", warning fragment)
BUILD_FAILURES = {
    "binary file": (
        {"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))},
        ["{d}/a.txt"], InputError.exit_code, "no readable documents in {d}/a.txt", "binary file",
    ),
    "empty file": ({"a.txt": ""}, ["{d}/a.txt"], InputError.exit_code, "no readable documents in {d}/a.txt", "empty document"),
    "whitespace-only file": ({"a.txt": " \n\t\n"}, ["{d}/a.txt"], InputError.exit_code, "no readable documents", "empty document"),
    "missing path": ({}, ["{d}/missing.txt"], InputError.exit_code, "{d}/missing.txt: no such file or directory", None),
    "directory without documents": (
        {"docs/notes.csv": "a,b\n", "docs/img.png": b"\x89PNG"}, ["{d}/docs"], InputError.exit_code,
        "{d}/docs: no readable documents in this directory (expected .txt, .text, .md, .html, .htm, .jsonl files)", None,
    ),
    "directory of only unreadable documents": (
        {"docs/a.txt": b"\x00\x01\x02", "docs/b.txt": ""}, ["{d}/docs"], InputError.exit_code, "no readable documents", "skipped",
    ),
    "malformed jsonl line": (
        {"c.jsonl": '{"id": "a", "text": "North Korea sent troops."}\n{"id": "b", "text": \n'},
        ["{d}/c.jsonl"], InputError.exit_code, "{d}/c.jsonl:2: not valid JSON", None,
    ),
    "jsonl line that is not an object": (
        {"c.jsonl": '{"id": "a", "text": "North Korea sent troops."}\n\n[1, 2]\n'},
        ["{d}/c.jsonl"], InputError.exit_code, "{d}/c.jsonl:3: expected a JSON object", None,
    ),
    "jsonl text that is not a string": (
        {"c.jsonl": '{"id": "a", "text": 42}\n'}, ["{d}/c.jsonl"], InputError.exit_code, '{d}/c.jsonl:1: "text" must be a string', None,
    ),
    "jsonl date that is not a date": (
        {"c.jsonl": '{"id": "a", "text": "Seoul said so.", "date": "last week"}\n'}, ["{d}/c.jsonl"], InputError.exit_code,
        "{d}/c.jsonl:1:", None,
    ),
    "--date that is not a date": (
        {"a.txt": ARTICLE}, ["--date", "next Tuesday", "{d}/a.txt"], InputError.exit_code,
        "--date: 'next Tuesday' is not a date (expected YYYY-MM-DD)", None,
    ),
    "--date that does not exist": ({"a.txt": ARTICLE}, ["--date", "2024-02-30", "{d}/a.txt"], InputError.exit_code, "--date: '2024-02-30'", None),
    "unsupported file type": ({"a.pdf": b"%PDF-1.7"}, ["{d}/a.pdf"], InputError.exit_code, "{d}/a.pdf: unsupported file type '.pdf'", None),
    "jsonl id that is a number of 5,000 digits": (
        {"c.jsonl": '{"id": 1' + "0" * 5000 + ', "text": "North Korea sent troops."}\n'}, ["{d}/c.jsonl"], InputError.exit_code,
        "{d}/c.jsonl:1: not valid JSON here (a number of more than 4300 digits) (use --skip-bad to skip bad lines)", None,
    ),
    "jsonl field that is a number of 4,301 digits": (
        {"c.jsonl": '{"text": "North Korea sent troops.", "n": ' + "9" * 4301 + '}\n'}, ["{d}/c.jsonl"], InputError.exit_code,
        "{d}/c.jsonl:1: not valid JSON here (a number of more than 4300 digits)", None,
    ),
    "a URL, named as given": ({}, ["https://w3id.org/kg-geo/news.txt"], InputError.exit_code,
                              "https://w3id.org/kg-geo/news.txt: kg reads local files and fetches nothing; download it first", None),
    "stdin given twice": ({}, ["-", "-"], InputError.exit_code, "'-' (stdin) can be given only once", None),
}


@pytest.mark.parametrize("files, args, code, message, warning", list(BUILD_FAILURES.values()), ids=list(BUILD_FAILURES))
def test_build_bad_input_is_one_error_line_and_writes_nothing(tmp_path, files, args, code, message, warning):
    for name, content in files.items():
        write(tmp_path / name, content)
    out = tmp_path / "out"
    result = invoke("build", *[a.format(d=tmp_path) for a in args], "-o", out)
    assert_one_error(result, code, message.format(d=tmp_path))
    if warning:
        assert warning in result.stderr
    assert not out.exists() or not [p for p in out.iterdir() if p.name != ".cache"]


def test_extract_reports_the_same_errors(tmp_path):
    """`kg extract` reads input through the same code: same line, same code."""
    bad = write(tmp_path / "c.jsonl", '{"id": "a", "text": "x"}\n{oops}\n')
    assert_one_error(invoke("extract", bad), InputError.exit_code, f"{bad}:2: not valid JSON")


def test_skip_bad_carries_on_and_reports_what_it_skipped(tmp_path):
    corpus = write(tmp_path / "c.jsonl", "\n".join([
        json.dumps({"id": "good-1", "text": "North Korea sent troops to Russia."}),
        "{not json",
        json.dumps({"id": "bad-type", "text": ["a list"]}),
        json.dumps({"id": "good-2", "text": "South Korea sanctioned North Korea."}),
        '{"id": ' + "7" * 4400 + ', "text": "Russia attacked Ukraine."}',
        '{"id": "big", "text": "Russia attacked Ukraine.", "meta": {"n": [' + "1" * 5000 + "]}}",
    ]) + "\n")
    out = tmp_path / "out"
    result = invoke("build", corpus, "-o", out, "--skip-bad", "--no-html")
    assert result.exit_code == 0, result.output
    assert f"Warning: {corpus}:2: skipped: not valid JSON" in result.stderr
    assert f"Warning: {corpus}:3: skipped: " in result.stderr
    assert f"Warning: {corpus}:5: skipped: not valid JSON here (a number of more than 4300 digits)" in result.stderr
    assert f"Warning: {corpus}:6: skipped: not valid JSON here" in result.stderr
    assert f"Warning: {corpus}: skipped 4 bad lines" in result.stderr
    assert "Error" not in result.stderr and "Traceback" not in result.stderr
    docs = {m["doc"] for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()
            for m in json.loads(line)["mentions"]}
    assert docs == {"good-1", "good-2"}


def test_invalid_utf8_warns_names_the_byte_and_still_builds(tmp_path):
    path = write(tmp_path / "latin1.txt", "North Korea sent troops to Russia, the caf".encode() + b"\xe9 owner said.\n")
    out = tmp_path / "out"
    result = invoke("build", path, "-o", out, "--no-html")
    assert result.exit_code == 0, result.output
    assert f"Warning: {path}: invalid UTF-8 at byte 42" in result.stderr
    text = (out / "events.jsonl").read_text(encoding="utf-8")
    assert "caf\ufffd owner" in text


def test_lone_surrogate_escapes_in_jsonl_build_valid_utf8(tmp_path):
    """`"\\ud800"` is valid JSON but not a character UTF-8 can hold: it becomes U+FFFD instead of a crash."""
    corpus = write(tmp_path / "c.jsonl", '{"id": "s\\udfff", "title": "\\ud83d", "text": "North Korea sent troops \\ud800 to Russia."}\n')
    out = tmp_path / "out"
    result = invoke("build", corpus, "-o", out, "--no-html")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {m["doc"] for r in records if r["type"] == "event" for m in r["mentions"]} == {"s\ufffd"}
    assert "\ufffd" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_single_line_longer_than_spacys_limit_builds(tmp_path):
    """One line of 1.5 million characters (spaCy refuses more than 1,000,000 at once): parsed in chunks, offsets kept.

    Reading a 50 MB single-line file is tested in test_ingest; the NLP over it
    takes minutes, so here the line is just long enough to need chunking.
    """
    head = "North Korea sent troops to Russia. "
    tail = " South Korea sanctioned North Korea."
    path = write(tmp_path / "one-line.txt", head + "x" * 1_500_000 + tail)
    out = tmp_path / "out"
    result = invoke("build", path, "-o", out, "--no-html", "--date", "2024-11-14")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    starts = sorted(m["start"] for e in events if e["type"] == "event" for m in e["mentions"])
    assert starts and starts[0] == 0 and starts[-1] > 1_500_000


# ---------------------------------------------------------------- kg build: where the outputs go


def test_out_that_is_a_file_fails_before_the_nlp(tmp_path):
    src = write(tmp_path / "a.txt", ARTICLE)
    target = write(tmp_path / "out", "not a folder")
    assert_one_error(invoke("build", src, "-o", target), InputError.exit_code, f"{target}: not a directory")
    assert target.read_text() == "not a folder"


def test_output_name_taken_by_a_folder_fails_and_writes_nothing(tmp_path):
    src = write(tmp_path / "a.txt", ARTICLE)
    out = tmp_path / "out"
    (out / "graph.ttl").mkdir(parents=True)
    assert_one_error(invoke("build", src, "-o", out), InputError.exit_code, f"{out / 'graph.ttl'}: is a directory")
    assert sorted(p.name for p in out.iterdir() if p.name != ".cache") == ["graph.ttl"]


def test_out_under_a_file_is_one_line(tmp_path):
    src = write(tmp_path / "a.txt", ARTICLE)
    blocker = write(tmp_path / "file", "x")
    assert_one_error(invoke("build", src, "-o", blocker / "sub", "--no-cache"), InputError.exit_code, f"{blocker / 'sub'}: cannot write the outputs")


def test_extract_to_an_unwritable_path_is_one_line(tmp_path):
    src = write(tmp_path / "a.txt", ARTICLE)
    result = invoke("extract", src, "-o", tmp_path / "no" / "such" / "dir" / "x.jsonl")
    assert_one_error(result, InputError.exit_code, f"{tmp_path / 'no/such/dir/x.jsonl'}: cannot write")


# ---------------------------------------------------------------- kg query / export / render: bad requests


@pytest.fixture
def graph_dir(tmp_path):
    """A folder with graph.trig and graph.ttl of the sample corpus and a loaded store beside them."""
    from kg.graph import to_dataset, union

    ds = to_dataset(make_sample_corpus())
    (tmp_path / "graph.trig").write_text(ds.serialize(format="trig"), encoding="utf-8")
    (tmp_path / "graph.ttl").write_text(union(ds).serialize(format="turtle"), encoding="utf-8")
    assert invoke("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--store", tmp_path / "store", "-f", "csv").exit_code == 0
    return tmp_path


def quad_count(graph_dir: Path) -> int:
    result = invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", graph_dir / "store", "-f", "csv")
    assert result.exit_code == 0, result.output
    return int(result.stdout.splitlines()[1])


INJECTION = '"} ; DROP ALL ; {"'

QUERY_FAILURES = {
    "invalid SPARQL": (["SELEC ?s WHERE { ?s ?p ?o }"], QueryError.exit_code, "invalid SPARQL"),
    "unbalanced braces": (["SELECT ?s WHERE { ?s ?p ?o "], QueryError.exit_code, "invalid SPARQL"),
    "update without --update": (["DROP ALL"], QueryError.exit_code, "this is a SPARQL update and kg query is read-only; add --update"),
    "update after a prefix": (["PREFIX x: <http://x/>\nDELETE WHERE { ?s ?p ?o }"], QueryError.exit_code, "this is a SPARQL update"),
    "insert without --update": (["INSERT DATA { <http://a/s> <http://a/p> <http://a/o> }"], QueryError.exit_code, "this is a SPARQL update"),
    "unknown named query": (["who-did-waht"], UnknownQuery.exit_code, "Unknown query 'who-did-waht'; choose one of: "),
    "unknown output format": (["aliases", "-f", "xml"], InputError.exit_code, "unknown format 'xml'; choose one of: table, csv, tsv, json"),
    "unknown parameter": (["aliases", "-p", "nosuch=1"], QueryError.exit_code, ""),
    "parameter without a value": (["who-did-what", "-p", "actor"], QueryError.exit_code, ""),
}


@pytest.mark.parametrize("args, code, message", list(QUERY_FAILURES.values()), ids=list(QUERY_FAILURES))
def test_bad_query_is_one_error_line_and_changes_nothing(graph_dir, args, code, message):
    before = quad_count(graph_dir)
    assert_one_error(invoke("query", *args, "--store", graph_dir / "store"), code, message)
    gc.collect()  # the failed query's traceback holds the store open (Oxigraph closes a store when it is dropped)
    assert quad_count(graph_dir) == before > 0


def test_injection_in_a_parameter_is_only_a_value(graph_dir):
    """`"} ; DROP ALL ; {"` is bound as a literal: a name no entity has (an error, not an empty table) or a
    string to compare with (no rows); the store untouched either way."""
    before = quad_count(graph_dir)
    result = invoke("query", "who-did-what", "-p", f"actor={INJECTION}", "--store", graph_dir / "store", "-f", "csv")
    assert_one_error(result, QueryError.exit_code, f"Unknown actor {INJECTION!r} (--param actor): no entity has")
    result = invoke("query", "entities", "-p", f"name={INJECTION}", "--store", graph_dir / "store", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == []
    gc.collect()
    assert quad_count(graph_dir) == before


@pytest.mark.parametrize("command, message", [
    (["export", "xml", "{d}/graph.trig"], "unknown export format 'xml'; choose one of: "),
    (["render", "{d}/graph.ttl", "--format", "pdf"], "Unknown format 'pdf'; choose one of: html, gexf, graphml"),
])
def test_unknown_output_format_writes_nothing(graph_dir, command, message):
    target = graph_dir / "result.out"
    result = invoke(*[c.format(d=graph_dir) for c in command], "-o", target)
    assert_one_error(result, InputError.exit_code, message)
    assert not target.exists()


# ---------------------------------------------------------------- the real entry point (`python -m kg`)


@pytest.mark.parametrize("args, code, message", [
    (["build", "{d}/missing.txt"], InputError.exit_code, "Error: {d}/missing.txt: no such file or directory"),
    (["build", "--date", "tomorrow", "{d}/missing.txt"], InputError.exit_code, "Error: --date: 'tomorrow' is not a date (expected YYYY-MM-DD)"),
    (["query", "nosuch", "--store", "{d}/store"], UnknownQuery.exit_code, "Error: Unknown query 'nosuch'; choose one of: "),
    (["query", "DROP ALL", "--store", "{d}/store"], QueryError.exit_code, "Error: this is a SPARQL update and kg query is read-only"),
    # a URL where a file goes is named as given: never "https:/w3id.org/..."
    (["load", "https://w3id.org/kg-geo/graph.trig", "--store", "{d}/store"], InputError.exit_code,
     "Error: https://w3id.org/kg-geo/graph.trig: kg reads local files and fetches nothing; download it first"),
    (["export", "nt", "https://w3id.org/kg-geo/graph.trig"], InputError.exit_code, "Error: https://w3id.org/kg-geo/graph.trig: kg reads local"),
    (["render", "https://w3id.org/kg-geo/graph.ttl"], InputError.exit_code, "Error: https://w3id.org/kg-geo/graph.ttl: kg reads local"),
    (["validate", "https://w3id.org/kg-geo/graph.trig"], InputError.exit_code, "Error: https://w3id.org/kg-geo/graph.trig: kg reads local"),
    (["query", "triple-count", "--data", "https://w3id.org/kg-geo/graph.trig", "--store", "{d}/store"], InputError.exit_code,
     "Error: https://w3id.org/kg-geo/graph.trig: kg reads local"),
    (["eval", "--gold", "https://w3id.org/kg-geo/gold.json"], InputError.exit_code, "Error: https://w3id.org/kg-geo/gold.json: kg reads local"),
])
def test_python_m_kg_prints_one_line_and_exits_with_the_code(tmp_path, args, code, message):
    """The installed entry point, not only the typer app: no traceback even outside a command body."""
    proc = subprocess.run([sys.executable, "-m", "kg", *[a.format(d=tmp_path) for a in args]],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and proc.stderr.startswith(message.format(d=tmp_path)), proc.stderr
    assert proc.stdout == ""
    assert not (tmp_path / "store").exists()


# ---------------------------------------------------------------- the documented table


def documented_codes() -> dict[str, int]:
    """Error class -> exit code, from the table in docs/errors.md."""
    table = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\|\s*(\d+)\s*\|\s*([^|]+)\|", table, flags=re.M)
    found = {}
    for code, classes in rows:
        for name in re.findall(r"`(\w+)`", classes):
            found[name] = int(code)
    return found


def test_every_error_class_and_its_exit_code_is_documented():
    classes = {name: cls for name, cls in vars(errors).items() if isinstance(cls, type) and issubclass(cls, KgError)}
    assert documented_codes() == {name: cls.exit_code for name, cls in classes.items()}
