"""Loading into and querying a real Oxigraph server on loopback, with faults: down, refusing, failing, slow.

Each test starts `oxigraph serve` on a free 127.0.0.1 port in a tmp folder and
stops it, with `--union-default-graph` (whose default graph is a bag of every
graph) or, where a test runs on both, without it too. Faults a real server does
not produce on demand (401, 500, a hang) come from a small http.server on
loopback that answers by itself or forwards to the real server.
"""

from __future__ import annotations

import dataclasses
import shutil
import socket
import subprocess
import sysconfig
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from kg import query, store
from kg.cli import app
from kg.errors import QueryError, StoreError
from kg.graph import CORPUS_GRAPH, document_iri, to_dataset
from kg.model import Corpus
from tests.conftest import REPO, SEEDS_JSONL, make_sample_corpus, require

pytestmark = pytest.mark.server

# The `oxigraph` command the test extra installs lies beside this interpreter, whether or not its venv is on PATH.
OXIGRAPH = shutil.which("oxigraph", path=sysconfig.get_path("scripts")) or shutil.which("oxigraph")
FAST = store.Retry(attempts=3, backoff=0.05, timeout=5.0)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclasses.dataclass
class Server:
    """An `oxigraph serve` process on loopback that a test can stop and start again on the same folder and port."""

    location: Path
    port: int
    proc: subprocess.Popen | None = None
    union_default_graph: bool = True
    options: tuple[str, ...] = ()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [OXIGRAPH, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"]
            + (["--union-default-graph"] if self.union_default_graph else []) + list(self.options),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(self.base + "/", timeout=1)
                return
            except httpx.TransportError:
                if self.proc.poll() is not None:
                    raise RuntimeError("oxigraph serve exited at start")
                time.sleep(0.1)
        raise RuntimeError("oxigraph serve did not answer within 30s")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=20)
            self.proc = None


def _serve(location: Path, union_default_graph: bool = True) -> Iterator[Server]:
    if OXIGRAPH is None:
        pytest.skip("the oxigraph server binary is not installed")
    srv = Server(location, free_port(), union_default_graph=union_default_graph)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """`oxigraph serve --union-default-graph`, as the docs used to suggest."""
    yield from _serve(tmp_path / "oxigraph")


@pytest.fixture(params=[False, True], ids=["plain", "union-default-graph"])
def any_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    """`oxigraph serve`, without and with --union-default-graph: kg must answer the same on both."""
    yield from _serve(tmp_path / "oxigraph", request.param)


Behaviour = Callable[[int, BaseHTTPRequestHandler], "tuple[int, str] | None"]
"""Given the request's number (from 0) and the handler: (status, body) to answer, or None to forward."""


@pytest.fixture
def stub() -> Iterator[Callable[[Behaviour, str | None], str]]:
    """Start a loopback HTTP server with a behaviour, forwarding to an upstream when it returns None."""
    servers: list[ThreadingHTTPServer] = []

    def start(behaviour: Behaviour, upstream: str | None = None) -> str:
        counter = iter(range(10**6))

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _handle(self) -> None:
                body = self.body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                answer = behaviour(next(counter), self)
                if answer is None and upstream is not None:
                    r = httpx.request(self.command, upstream + self.path, content=body,
                                      headers={k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")})
                    answer = (r.status_code, r.text)
                status, text = answer or (500, "no upstream")
                data = text.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = do_DELETE = _handle

        class Quiet(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that timed out and hung up is what the hang tests want

        httpd = Quiet(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def _titled(corpus: Corpus) -> Corpus:
    """The sample corpus with a title on every document: every document graph changes."""
    return dataclasses.replace(corpus, documents=tuple(dataclasses.replace(d, title=f"Title of {d.id}") for d in corpus.documents))


def count(srv: Server) -> int:
    """Quads in the documents' graphs (and the corpus graph): every named graph but kg's union."""
    result = query.run(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {store.UNION_GRAPH}) }}",
                       endpoint=srv.base + "/query")
    return int(result.rows[0][0].value)


def triples(srv: Server) -> int:
    """`kg query triple-count` on the server: the triples of kg's union graph, each once."""
    return int(query.run("triple-count", endpoint=srv.base + "/query").rows[0][0].value)


def graph_lines(srv: Server, iri: object) -> set[str]:
    """The N-Triples lines of one named graph, fetched with a Graph Store Protocol GET."""
    r = httpx.get(srv.base + "/store", params={"graph": str(iri)}, headers={"Accept": "application/n-triples"})
    r.raise_for_status()
    return {line for line in r.text.splitlines() if line.strip()}


def expected_lines(corpus: Corpus, iri: object) -> set[str]:
    g = to_dataset(corpus).graph(iri)
    return {f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in g}


# ---------------------------------------------------------------- loading and querying over HTTP


def test_load_then_query_back_over_http(any_server):
    server = any_server
    report = store.load_endpoint(to_dataset(make_sample_corpus()), server.base + "/store", retry=FAST)
    assert (report.graphs, report.triples) == (3, 77)
    assert count(server) == 77 and triples(server) == 77
    result = query.run("who-did-what", endpoint=server.base + "/query")
    assert [(r[0].value, r[1].value) for r in result.rows] == [("North Korea", "DeployTroops"), ("South Korea", "SupplyWeapons")]
    for doc in ("d1", "d2"):
        assert graph_lines(server, document_iri(doc)) == expected_lines(make_sample_corpus(), document_iri(doc))


def test_cli_load_and_query_over_http(server, tmp_path):
    src = tmp_path / "graph.trig"
    src.write_text(to_dataset(make_sample_corpus()).serialize(format="trig"), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["load", str(src), "--endpoint", server.base + "/store"])
    assert result.exit_code == 0, result.output
    assert "3 graphs" in result.stderr and "77 triples" in result.stderr
    result = runner.invoke(app, ["query", "considered", "--endpoint", server.base + "/query", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("South Korea,SupplyWeapons,Ukraine,considered")


def test_cli_load_takes_the_update_endpoint_it_cannot_guess(server, stub, tmp_path):
    src = tmp_path / "graph.trig"
    src.write_text(to_dataset(make_sample_corpus()).serialize(format="trig"), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["load", str(src), "--endpoint", "http://127.0.0.1:1/rdf-graphs/service"])
    assert result.exit_code == 2 and "name it with --update-endpoint" in result.stderr  # before any request
    seen: list[str] = []
    updates = stub(lambda n, h: seen.append(h.command + " " + h.path), server.base)
    result = runner.invoke(app, ["load", str(src), "--endpoint", server.base + "/store", "--update-endpoint", updates + "/update"])
    assert result.exit_code == 0, result.output
    assert seen == ["POST /update"] and triples(server) == 77


def test_loading_twice_or_a_changed_corpus_never_duplicates(server):
    corpus = make_sample_corpus()
    for _ in range(2):
        store.load_endpoint(to_dataset(corpus), server.base + "/store", retry=FAST)
        assert count(server) == 77 and triples(server) == 77
    store.load_endpoint(to_dataset(_titled(corpus)), server.base + "/store", retry=FAST)
    assert count(server) == 79 and triples(server) == 79  # one title per document, nothing else added
    assert graph_lines(server, document_iri("d1")) == expected_lines(_titled(corpus), document_iri("d1"))


# ---------------------------------------------------------------- faults


def test_server_down_then_restarted_the_rerun_completes(server):
    corpus = make_sample_corpus()
    store.load_endpoint(to_dataset(corpus), server.base + "/store", retry=FAST)
    server.stop()
    with pytest.raises(StoreError, match=r"unreachable.*gave up after 3 attempts\); 0 of 3 graphs loaded"):
        store.load_endpoint(to_dataset(_titled(corpus)), server.base + "/store", retry=FAST)
    server.start()
    assert count(server) == 77 and triples(server) == 77  # the store is as it was
    store.load_endpoint(to_dataset(_titled(corpus)), server.base + "/store", retry=FAST)
    assert count(server) == 79 and triples(server) == 79
    for doc in ("d1", "d2"):
        assert graph_lines(server, document_iri(doc)) == expected_lines(_titled(corpus), document_iri(doc))


def test_a_failure_mid_load_leaves_no_document_half_loaded(server, stub):
    corpus = make_sample_corpus()
    store.load_endpoint(to_dataset(corpus), server.base + "/store", retry=FAST)
    # the first PUT goes through, every later request fails
    flaky = stub(lambda n, h: None if n == 0 else (500, "internal error"), server.base)
    with pytest.raises(StoreError, match=r"HTTP 500.*gave up after 3 attempts\); 1 of 3 graphs loaded, each one whole"):
        store.load_endpoint(to_dataset(_titled(corpus)), flaky + "/store", retry=FAST)
    assert graph_lines(server, document_iri("d1")) == expected_lines(_titled(corpus), document_iri("d1"))  # new, whole
    assert graph_lines(server, document_iri("d2")) == expected_lines(corpus, document_iri("d2"))  # old, whole
    assert triples(server) == 77  # queries answer from the union of the last complete load
    store.load_endpoint(to_dataset(_titled(corpus)), server.base + "/store", retry=FAST)
    assert count(server) == 79 and triples(server) == 79
    assert graph_lines(server, CORPUS_GRAPH) == expected_lines(corpus, CORPUS_GRAPH)


def test_transient_500s_are_retried_until_the_load_succeeds(server, stub):
    seen: list[int] = []

    def first_two_fail(n: int, handler: BaseHTTPRequestHandler) -> tuple[int, str] | None:
        seen.append(n)
        return (503, "busy") if n < 2 else None

    report = store.load_endpoint(to_dataset(make_sample_corpus()), stub(first_two_fail, server.base) + "/store", retry=FAST)
    assert report.replaced == 3 and len(seen) == 6 and count(server) == 77  # 5 PUTs, then the union graph's update


def test_refusal_is_a_clear_error_and_never_shows_the_password(server, stub, monkeypatch, tmp_path):
    refusing = stub(lambda n, h: (401, "Unauthorized"), None)
    monkeypatch.setenv("KG_STORE_USER", "alice")
    monkeypatch.setenv("KG_STORE_PASSWORD", "s3cret-pw")
    src = tmp_path / "graph.trig"
    src.write_text(to_dataset(make_sample_corpus()).serialize(format="trig"), encoding="utf-8")
    result = CliRunner().invoke(app, ["load", str(src), "--endpoint", refusing + "/store"])
    assert result.exit_code == 6
    assert result.stderr.startswith(f"Error: {refusing}/store refused the request (HTTP 401 Unauthorized")
    assert "KG_STORE_USER" in result.stderr and "s3cret-pw" not in result.output
    assert count(server) == 0


def test_a_hanging_server_times_out(stub):
    def hang(n: int, handler: BaseHTTPRequestHandler) -> tuple[int, str]:
        time.sleep(1.5)
        return (204, "")

    slow = stub(hang, None)
    with pytest.raises(StoreError, match=r"timed out after 0.3s \(gave up after 2 attempts\); 0 of 3 graphs loaded"):
        store.load_endpoint(to_dataset(make_sample_corpus()), slow + "/store", retry=store.Retry(2, 0.01, 0.3))


def test_embedded_store_held_by_a_running_server(server):
    with pytest.raises(StoreError, match="in use by another process"):
        store.open_store(server.location)
    result = CliRunner().invoke(app, ["query", "aliases", "--store", str(server.location)])
    assert result.exit_code == 6 and "in use by another process" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_a_real_news_build_loads_and_queries_the_same_over_http_and_embedded(server, tmp_path):
    from kg.pipeline import build
    from kg.validate import validate
    from tests.conftest import NEWS_SAMPLE

    built = build([str(NEWS_SAMPLE)], tmp_path / "output", html=False)
    trig = tmp_path / "output" / "graph.trig"
    assert validate(trig).conforms
    report = store.load_endpoint(trig, server.base + "/store", retry=FAST)
    quads = count(server)
    assert report.graphs == built.documents + 1 and triples(server) == report.triples < quads
    store.load_endpoint(trig, server.base + "/store", retry=FAST)
    assert count(server) == quads and triples(server) == report.triples  # twice is the same as once
    over_http = query.run("who-did-what", endpoint=server.base + "/query")
    embedded = query.run("who-did-what", store_dir=tmp_path / "output" / "store")
    assert len(embedded.rows) == built.events > 0
    assert {tuple(map(str, r)) for r in over_http.rows} == {tuple(map(str, r)) for r in embedded.rows}


def test_updates_over_http_need_the_flag_too(server):
    store.load_endpoint(to_dataset(make_sample_corpus()), server.base + "/store", retry=FAST)
    insert = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> <http://example.org/c> } }"
    with pytest.raises(QueryError, match="read-only; add --update"):
        query.run(insert, endpoint=server.base + "/update")
    assert count(server) == 77
    assert query.run(insert, endpoint=server.base + "/update", update=True).message == "update applied"
    assert count(server) == 78 and triples(server) == 78  # the union graph follows an update, as the embedded store's
    query.run("DROP GRAPH <http://example.org/g>", endpoint=server.base + "/update", update=True)
    assert count(server) == 77 and triples(server) == 77
    with pytest.raises(QueryError, match="no bound parameters"):
        query.run("who-did-what", endpoint=server.base + "/query", params={"actor": "KOR"})


EVENT_COUNT = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a <https://w3id.org/kg-geo/ontology#Event> }"
"""The docs' event count, without DISTINCT: on a default graph that is a bag, an event two graphs tell counts twice."""


@pytest.fixture(scope="module", params=["examples", "seeds"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of `kg build` on the repository's examples, or on the seed articles (from ../shared)."""
    from kg.pipeline import build

    source = REPO / "examples" / "articles.jsonl" if request.param == "examples" else require(SEEDS_JSONL, "the seed articles")
    out = tmp_path_factory.mktemp(request.param) / "output"
    build([str(source)], out, html=False)
    return out


def _rows(result: query.Result) -> list[tuple[str, ...]]:
    return sorted(tuple("" if t is None else str(t) for t in row) for row in result.rows)


def test_every_shipped_query_and_count_answers_the_same_on_a_server_as_embedded(built, any_server):
    """Issue 13: on `oxigraph serve`, with or without --union-default-graph, every shipped query, the triple
    count and the event count give the embedded store's answers on the same build: kg's union graph, each
    triple once, is their default graph there, where the server's own union counted a triple once per graph."""
    server = any_server
    endpoint = server.base + "/query"
    store.load_endpoint(built / "graph.trig", server.base + "/store", retry=FAST)
    embedded = store.ensure(built / "store")
    try:
        actor = str(query.run("who-did-what", store=embedded).rows[0][0].value)  # the first actor of the build
        texts = {name: named.text for name, named in query.named_queries().items()} | {"event count": EVENT_COUNT}
        for name, param in [("who-did-what", "actor"), ("who-did-what", "target"), ("actor-profile", "actor"),
                            ("timeline", "actor"), ("sources", "actor"), ("considered", "actor"), ("aliases", "name")]:
            # the server has no bound parameters: the entities of a name bound into the text, as kg binds them
            bound = query.bind_entities(texts[name], {param: query.resolve_entities(embedded, actor)})
            texts[f"{name} {param}={actor}"] = bound
            inline, named = query.run(bound, store=embedded), query.run(name, store=embedded, params={param: actor})
            keep = [inline.variables.index(v) for v in named.variables]
            assert _rows(query.Result(named.variables, tuple(tuple(r[i] for i in keep) for r in inline.rows))) == _rows(named)
        answers = {}
        for name, text in texts.items():
            here = query.run(text, store=embedded)
            there = query.run(text, endpoint=endpoint, timeout=60)
            assert there.variables == here.variables, name
            assert _rows(there) == _rows(here), name
            answers[name] = here
    finally:
        del embedded  # an open store keeps its folder locked
    assert answers["who-did-what"].rows and answers[f"actor-profile actor={actor}"].rows
    n_triples, n_events = (int(answers[name].rows[0][0].value) for name in ("triple-count", "event count"))
    assert n_triples == store.count(store.parse(built / "graph.trig")) and n_events > 0
    # what the server's own default graph says: a bag with --union-default-graph, the empty default graph without
    raw = httpx.post(endpoint, content=named_text("triple-count"), timeout=60,
                     headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"}).text.split()[1]
    assert int(raw) > n_triples if server.union_default_graph else int(raw) == 0
    # the command line too, in its own query process
    runner = CliRunner()
    for name in ("triple-count", "event-table"):
        over_http = runner.invoke(app, ["query", name, "--endpoint", endpoint, "-f", "csv"])
        local = runner.invoke(app, ["query", name, "--store", str(built / "store"), "-f", "csv"])
        assert over_http.exit_code == 0 == local.exit_code, over_http.output + local.output
        assert sorted(over_http.stdout.splitlines()) == sorted(local.stdout.splitlines()), name


def named_text(name: str) -> str:
    return query.named_queries()[name].text


def test_queries_that_name_their_graphs_get_the_servers_dataset(server):
    """A query with GRAPH or FROM reads the server's dataset as the server defines it: kg's union graph is then
    one named graph among the others, and the documents' graphs are all there."""
    store.load_endpoint(to_dataset(make_sample_corpus()), server.base + "/store", retry=FAST)
    result = query.run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", endpoint=server.base + "/query")
    assert [str(r[0].value) for r in result.rows] == sorted([str(document_iri("d1")), str(document_iri("d2")),
                                                             str(CORPUS_GRAPH), store.UNION_GRAPH.value])


# ---------------------------------------------------------------- updates sent once, queries bounded in time


def test_an_update_whose_answer_is_lost_is_applied_once(server, stub):
    """The server applies the INSERT, then the answer never arrives: sending it again would insert twice
    (here: a blank node, so a second copy is a second triple)."""
    store.load_endpoint(to_dataset(make_sample_corpus()), server.base + "/store", retry=FAST)
    before = count(server)
    seen: list[int] = []

    def apply_then_fail(n: int, handler: BaseHTTPRequestHandler) -> tuple[int, str] | None:
        seen.append(n)
        httpx.post(server.base + "/update", content=handler.body, headers={"Content-Type": handler.headers["Content-Type"]})
        return (503, "upstream answer lost")

    lossy = stub(apply_then_fail, None)
    insert = "INSERT DATA { GRAPH <http://example.org/g> { [] <http://example.org/said> \"once\" } }"
    with pytest.raises(StoreError, match="may or may not have been applied, so it is not sent again"):
        query.run(insert, endpoint=lossy + "/update", update=True)
    assert len(seen) == 1
    assert count(server) == before + 1  # one triple more, not two


def test_a_slow_endpoint_is_given_up_at_the_timeout(stub):
    def trickle(n: int, handler: BaseHTTPRequestHandler) -> tuple[int, str]:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/sparql-results+json")
        handler.end_headers()
        handler.wfile.write(b'{"head": {"vars": ["x"]}, "results": {"bindings": [')
        for _ in range(60):  # a byte a second: never a read timeout, never an end
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(1)
        raise ConnectionError("done trickling")

    slow = stub(trickle, None)
    result = CliRunner().invoke(app, ["query", "SELECT * WHERE { ?s ?p ?o }", "--endpoint", slow + "/query", "-f", "csv",
                                      "--timeout", "2"])
    assert result.exit_code == QueryError.exit_code
    assert result.stderr == f"Error: {slow}/query: no complete answer within --timeout 2s; stopped\n"


def test_endpoint_rows_are_streamed_and_limited(server):
    store.load_endpoint(to_dataset(make_sample_corpus()), server.base + "/store", retry=FAST)
    result = CliRunner().invoke(app, ["query", "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", "--endpoint", server.base + "/query",
                                      "-f", "csv", "--limit", "4"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 5 and result.stderr == "Warning: output cut at 4 rows by --limit 4\n"
