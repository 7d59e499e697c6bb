"""kg.store: the embedded store (bulk load, per-graph replace, re-sync, locks) and the HTTP client's retries."""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import ssl
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kg import store
from kg.errors import InputError, StoreError
from kg.graph import CORPUS_GRAPH, document_iri, to_dataset, union
from kg.model import Corpus
from tests.conftest import make_sample_corpus


def _with_quantity(corpus: Corpus, quantity: int) -> Corpus:
    """The sample corpus with the troop count of d2's event changed: only d2's graph differs."""
    events = tuple(dataclasses.replace(e, quantity=quantity) if e.quantity else e for e in corpus.events)
    return dataclasses.replace(corpus, events=events)


def _quads(ds) -> int:
    return len(list(ds.quads((None, None, None, None))))


def _graph(st: ox.Store, iri) -> set[ox.Quad]:
    return set(st.quads_for_pattern(None, None, None, ox.NamedNode(str(iri))))


@pytest.fixture
def trig(tmp_path: Path) -> Path:
    path = tmp_path / "graph.trig"
    path.write_text(to_dataset(make_sample_corpus()).serialize(format="trig"), encoding="utf-8")
    return path


def test_first_load_bulk_loads_every_named_graph(tmp_path):
    ds = to_dataset(make_sample_corpus())
    report = store.load(ds, tmp_path / "store")
    assert report.bulk and report.graphs == 3 and report.triples == _quads(ds)
    st = store.open_store(tmp_path / "store")
    names = {g.value for g in st.named_graphs()}
    assert names == {str(document_iri("d1")), str(document_iri("d2")), str(CORPUS_GRAPH)}


def test_loading_twice_gives_the_same_triple_count(tmp_path, trig):
    first = store.load(trig, tmp_path / "store")
    second = store.load(trig, tmp_path / "store")
    assert second.triples == first.triples == 77
    assert (second.replaced, second.unchanged, second.bulk) == (0, 3, False)


def test_reload_replaces_only_the_changed_document_graph(tmp_path):
    corpus = make_sample_corpus()
    store.load(to_dataset(corpus), tmp_path / "store")
    st = store.open_store(tmp_path / "store")
    d1_before = _graph(st, document_iri("d1"))
    del st
    report = store.load(to_dataset(_with_quantity(corpus, 9000)), tmp_path / "store")
    assert (report.replaced, report.unchanged) == (1, 2)
    st = store.open_store(tmp_path / "store")
    assert _graph(st, document_iri("d1")) == d1_before
    quantities = {q.object.value for q in st.quads_for_pattern(None, ox.NamedNode("https://w3id.org/kg-geo/ontology#quantity"), None, None)}
    assert quantities == {"9000"}  # the old 12000 is gone, not duplicated beside the new value
    assert report.triples == 77


def test_a_bad_file_leaves_an_empty_store_empty(tmp_path):
    bad = tmp_path / "bad.nt"
    bad.write_text("<http://a> <http://b> <http://c> .\n<http://a> <http://b> oops .\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.nt"):
        store.load(bad, tmp_path / "store")
    assert store.is_empty(store.open_store(tmp_path / "store"))


def test_a_bad_file_leaves_a_loaded_store_as_it_was(tmp_path, trig):
    store.load(trig, tmp_path / "store")
    bad = tmp_path / "bad.trig"
    bad.write_text(trig.read_text(encoding="utf-8") + "\n<http://a> <http://b> {", encoding="utf-8")
    with pytest.raises(InputError, match="bad.trig"):
        store.load(bad, tmp_path / "store")
    assert store.count(store.open_store(tmp_path / "store")) == 77


def test_unknown_extension_names_the_known_ones(tmp_path):
    path = tmp_path / "graph.xyz"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown RDF file extension; use one of .*\.trig"):
        store.load(path, tmp_path / "store")


def test_ensure_loads_the_build_output_beside_the_store_and_keeps_it_until_it_changes(tmp_path, trig):
    st = store.ensure(tmp_path / "store")
    assert store.count(st) == 77
    extra = ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b"), ox.Literal("c"))
    st.add(extra)
    del st
    assert extra in store.ensure(tmp_path / "store")  # unchanged source: no reload
    trig.write_text(to_dataset(_with_quantity(make_sample_corpus(), 1)).serialize(format="trig"), encoding="utf-8")
    os.utime(trig, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    st = store.ensure(tmp_path / "store")
    assert extra not in st and store.count(st) == 77  # the store mirrors the changed build output


def test_ensure_without_store_or_build_output_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="run `kg build`"):
        store.ensure(tmp_path / "nowhere" / "store")


def test_a_store_held_by_another_handle_gives_a_clear_error(tmp_path):
    held = ox.Store(str(tmp_path / "store"))  # RocksDB locks the folder, as `oxigraph serve` does
    with pytest.raises(StoreError, match="in use by another process"):
        store.open_store(tmp_path / "store")
    del held


# ---------------------------------------------------------------- HTTP client (no server: httpx.MockTransport)


def _transport(statuses: list[int], seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        status = statuses.pop(0) if statuses else 204
        return httpx.Response(status, text="boom" if status >= 400 else "")

    return httpx.MockTransport(handler)


def test_transient_faults_are_retried_with_doubling_backoff():
    seen: list[httpx.Request] = []
    sleeps: list[float] = []
    with httpx.Client(transport=_transport([500, 503], seen)) as client:
        response = store.request(client, "PUT", "http://127.0.0.1:1/store", retry=store.Retry(4, 0.5), sleep=sleeps.append)
    assert response.status_code == 204 and len(seen) == 3 and sleeps == [0.5, 1.0]


def test_retries_are_bounded():
    seen: list[httpx.Request] = []
    with httpx.Client(transport=_transport([500] * 10, seen)) as client, pytest.raises(StoreError, match="gave up after 3 attempts"):
        store.request(client, "PUT", "http://127.0.0.1:1/store", retry=store.Retry(3, 0), sleep=lambda s: None)
    assert len(seen) == 3


@pytest.mark.parametrize("status", [401, 403])
def test_refusal_fails_at_once_and_never_shows_credentials(status):
    seen: list[httpx.Request] = []
    auth = store.credentials_from_env({"KG_STORE_USER": "alice", "KG_STORE_PASSWORD": "s3cret-pw"})
    with httpx.Client(transport=_transport([status], seen), auth=auth) as client, pytest.raises(StoreError) as info:
        store.request(client, "PUT", "http://alice:s3cret-pw@127.0.0.1:1/store", sleep=lambda s: None)
    assert len(seen) == 1 and f"HTTP {status}" in str(info.value)
    assert "s3cret-pw" not in str(info.value) and "alice" not in str(info.value)
    assert seen[0].headers["Authorization"].startswith("Basic ")


def test_credentials_from_the_environment():
    assert store.credentials_from_env({}) is None
    request = httpx.Request("GET", "http://x")
    flow = store.credentials_from_env({"KG_STORE_TOKEN": "tok"}).sync_auth_flow(request)
    assert next(flow).headers["Authorization"] == "Bearer tok"
    assert isinstance(store.credentials_from_env({"KG_STORE_USER": "u", "KG_STORE_PASSWORD": "p"}), httpx.BasicAuth)


def test_load_endpoint_puts_each_graph_whole_as_ntriples():
    seen: list[httpx.Request] = []
    ds = to_dataset(make_sample_corpus())
    report = store.load_endpoint(ds, "http://127.0.0.1:1/store", transport=_transport([], seen))
    puts, (union,) = seen[:3], seen[3:]
    assert [r.method for r in puts] == ["PUT"] * 3 and report.graphs == 3
    graphs = [r.url.params["graph"] for r in puts]
    assert graphs == [str(document_iri("d1")), str(document_iri("d2")), str(CORPUS_GRAPH)]  # corpus counts last
    assert all(r.headers["Content-Type"] == "application/n-triples" for r in puts)
    sent = sum(len(ox.Dataset(ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES))) for r in puts)
    assert sent == report.triples == _quads(ds)  # no triple in two graphs here: the union's size is the sum
    # then the union graph, brought up to date by the server in one update sent beside the Graph Store
    assert (union.method, str(union.url), union.headers["Content-Type"]) == (
        "POST", "http://127.0.0.1:1/update", "application/sparql-update")
    assert union.content.decode() == _sent_union_update(start=True)


def _sent_union_update(start: bool) -> str:
    """The update `refresh_union` sends a server, caught on its way."""
    seen: list[httpx.Request] = []
    with httpx.Client(transport=_transport([], seen)) as client:
        store.refresh_union(client, "http://127.0.0.1:1/update", start=start)
    return seen[0].content.decode()


def _quads_of(mem: ox.Store, graph: ox.NamedNode) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in mem.quads_for_pattern(None, None, None, graph)}


def test_the_union_graph_update_keeps_each_triple_of_the_named_graphs_once():
    """kg/queries/union-graph.ru, run as a server runs it (here on pyoxigraph, with the placeholder a load
    starts it with): the union graph gets each triple of the other graphs once, follows their changes, and
    a store where kg made no union graph is left alone."""
    mem = store.parse(to_dataset(make_sample_corpus()), union=False)
    untouched = set(mem)
    upkeep = _sent_union_update(start=False)
    mem.update(upkeep)
    assert set(mem) == untouched  # not a store kg loaded: nothing written
    shared = ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b"), ox.Literal("c"))
    for doc in ("d1", "d2"):  # the same triple in two graphs
        mem.add(ox.Quad(shared.subject, shared.predicate, shared.object, ox.NamedNode(document_iri(doc))))
    mem.update(_sent_union_update(start=True))
    everything = set().union(*(_quads_of(mem, g) for g in mem.named_graphs() if g != store.UNION_GRAPH))
    assert _quads_of(mem, store.UNION_GRAPH) == everything and len(everything) == _quads(to_dataset(make_sample_corpus())) + 1
    mem.remove(ox.Quad(shared.subject, shared.predicate, shared.object, ox.NamedNode(document_iri("d1"))))
    mem.update(upkeep)
    assert _quads_of(mem, store.UNION_GRAPH) == everything  # d2 still tells it
    mem.remove(ox.Quad(shared.subject, shared.predicate, shared.object, ox.NamedNode(document_iri("d2"))))
    mem.update(upkeep)
    assert _quads_of(mem, store.UNION_GRAPH) == everything - {(str(shared.subject), str(shared.predicate), str(shared.object))}


def test_tls_is_verified_wherever_a_url_uses_it():
    """Plain http:// endpoints skip loading the CA certificates (no TLS there); an https:// URL among them keeps it."""
    def verify_mode(*urls: str) -> ssl.VerifyMode:
        with store._client(urls, None, store.Retry(), None) as client:
            return client._transport._pool._ssl_context.verify_mode

    assert verify_mode("http://127.0.0.1:7878/store", "http://127.0.0.1:7878/update") == ssl.CERT_NONE
    assert verify_mode("http://127.0.0.1:7878/store", "https://example.org/update") == ssl.CERT_REQUIRED
    assert verify_mode("https://example.org/sparql") == ssl.CERT_REQUIRED


def test_the_update_endpoint_is_found_beside_the_graph_store():
    assert store.update_endpoint("http://127.0.0.1:7878/store") == "http://127.0.0.1:7878/update"  # Oxigraph
    assert store.update_endpoint("http://u:p@host:3030/kg/data/") == "http://u:p@host:3030/kg/update"  # Fuseki
    with pytest.raises(InputError, match="--update-endpoint") as info:
        store.update_endpoint("http://alice:s3cret@host/rdf-graphs/service")
    assert "s3cret" not in str(info.value)


def test_load_endpoint_failing_part_way_says_how_far_it_got():
    seen: list[httpx.Request] = []
    ds = to_dataset(make_sample_corpus())
    retry = store.Retry(attempts=2, backoff=0)
    with pytest.raises(StoreError, match="1 of 3 graphs loaded.*run the load again"):
        store.load_endpoint(ds, "http://127.0.0.1:1/store", transport=_transport([204, 500, 500], seen), retry=retry, sleep=lambda s: None)
    assert len(seen) == 3


def test_redact_drops_user_and_password():
    assert store.redact("http://u:p@host:7878/store?x=1") == "http://host:7878/store?x=1"
    assert store.redact("http://host/store") == "http://host/store"


def test_a_failed_load_or_query_does_not_keep_the_store_locked(tmp_path, trig):
    """An exception kept alive (as pytest or a REPL keeps it) must not hold the store folder open."""
    from kg import query
    from kg.errors import QueryError

    bad = tmp_path / "bad.nt"
    bad.write_text("<http://a> <http://b> oops .\n", encoding="utf-8")
    with pytest.raises(InputError) as failed_load:
        store.load(bad, tmp_path / "empty")
    with pytest.raises(QueryError) as failed_query:  # well-formed, so the store is opened, then binding fails
        query.run("SELECT ?s WHERE { ?s ?p ?o }", store_dir=tmp_path / "store", params={"o": "x"})
    assert failed_load.value and failed_query.value  # both tracebacks still alive here
    assert store.is_empty(store.open_store(tmp_path / "empty"))
    assert store.count(store.open_store(tmp_path / "store")) == 77


def test_the_default_graph_is_the_union_each_triple_once(tmp_path):
    """An entity or event told by two documents is in two named graphs; a query must still see it once.

    Oxigraph's own union default graph is a bag: COUNT doubled, and every join multiplied the rows
    (a named query on the seed build took minutes). kg keeps the union, as a set, in the default graph.
    """
    corpus = make_sample_corpus()
    twice = dataclasses.replace(corpus, events=tuple(
        dataclasses.replace(e, evidence=e.evidence + (dataclasses.replace(e.evidence[0], doc_id="d1" if e.evidence[0].doc_id == "d2" else "d2"),))
        for e in corpus.events))
    trig = tmp_path / "graph.trig"
    trig.write_text(to_dataset(twice).serialize(format="trig"), encoding="utf-8")
    count_events = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a <https://w3id.org/kg-geo/ontology#Event> }"
    embedded = store.load(trig, tmp_path / "store")
    assert embedded.triples == len(union(to_dataset(twice)))
    for mem in (store.parse(trig), store.open_store(tmp_path / "store")):
        assert int(next(iter(mem.query(count_events)))["n"].value) == len(corpus.events)
        del mem


def test_a_store_without_the_union_gets_it_when_opened_for_querying(tmp_path):
    """A store loaded by an older kg holds only named graphs: `ensure` adds their union before the first query."""
    trig = tmp_path / "graph.trig"
    trig.write_text(to_dataset(make_sample_corpus()).serialize(format="trig"), encoding="utf-8")
    old = store.open_store(tmp_path / "store")
    old.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    old.flush()
    del old
    (tmp_path / "store" / store.META_FILE).write_text('{"%s": %s}' % (str(trig.resolve()), json.dumps(store._stamp(trig))), encoding="utf-8")
    opened = store.ensure(tmp_path / "store", trig)
    assert store.count(opened) == len(union(to_dataset(make_sample_corpus())))


# ---------------------------------------------------------------- updates are never sent twice


def _failing(kind: str, seen: list[httpx.Request]) -> httpx.MockTransport:
    """A transport whose every request fails in one way: a status, a timeout, a dropped connection or a refusal."""
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if kind == "timeout":
            raise httpx.ReadTimeout("timed out", request=request)
        if kind == "dropped":
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        if kind == "refused":
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return httpx.Response(int(kind), text="busy")

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("kind", ["503", "500", "timeout", "dropped"])
def test_an_update_that_may_have_reached_the_server_is_not_sent_again(kind):
    seen: list[httpx.Request] = []
    with pytest.raises(StoreError, match="may or may not have been applied, so it is not sent again"):
        with store.open_endpoint("INSERT DATA { <a:a> <a:b> <a:c> }", "http://127.0.0.1:1/update", update=True,
                                 retry=store.Retry(4, 0), transport=_failing(kind, seen)):
            pass
    assert len(seen) == 1


def test_an_update_is_retried_only_while_no_connection_was_made():
    seen: list[httpx.Request] = []
    with pytest.raises(StoreError, match=r"unreachable .*gave up after 3 attempts"):
        with store.open_endpoint("INSERT DATA { <a:a> <a:b> <a:c> }", "http://127.0.0.1:1/update", update=True,
                                 retry=store.Retry(3, 0), transport=_failing("refused", seen)):
            pass
    assert len(seen) == 3


@pytest.mark.parametrize("kind", ["503", "timeout", "dropped"])
def test_queries_and_loads_keep_their_retries(kind):
    seen: list[httpx.Request] = []
    with pytest.raises(StoreError, match="gave up after 3 attempts"):
        with store.open_endpoint("SELECT * WHERE { ?s ?p ?o }", "http://127.0.0.1:1/query", retry=store.Retry(3, 0),
                                 transport=_failing(kind, seen)):
            pass
    assert len(seen) == 3
    seen.clear()
    with pytest.raises(StoreError, match="gave up after 3 attempts"):
        store.load_endpoint(to_dataset(make_sample_corpus()), "http://127.0.0.1:1/store", retry=store.Retry(3, 0),
                            sleep=lambda s: None, transport=_failing(kind, seen))
    assert len(seen) == 3


def test_an_error_body_that_echoes_credentials_is_cut_and_scrubbed():
    auth = store.credentials_from_env({"KG_STORE_USER": "alice", "KG_STORE_PASSWORD": "s3cret-pw"})

    def echo(request: httpx.Request) -> httpx.Response:
        headers = "\n".join(f"{k}: {v}" for k, v in request.headers.items())
        return httpx.Response(500, text=f"Internal error\n{headers}\npassword=s3cret-pw\x1b[2J" + "." * 10_000)

    with httpx.Client(transport=httpx.MockTransport(echo), auth=auth) as client, pytest.raises(StoreError) as info:
        store.request(client, "PUT", "http://127.0.0.1:1/store", retry=store.Retry(1, 0))
    message = str(info.value)
    header = base64.b64encode(b"alice:s3cret-pw").decode()
    assert header not in message and "s3cret-pw" not in message and "\x1b" not in message and "\n" not in message
    assert message.startswith("http://127.0.0.1:1/store: HTTP 500 Internal Server Error: Internal error ") and len(message) < 400


# ---------------------------------------------------------------- which folder is the store


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_build_folder_stands_for_its_store(tmp_path, trig):
    """`--store output` (the build folder) read 0 triples from a new store made among the outputs."""
    assert store.store_folder(tmp_path) == tmp_path / "store"  # graph.trig in it: a build folder
    assert store.store_folder(tmp_path / "store") == tmp_path / "store"
    n = store.count(store.ensure(tmp_path))
    assert n == store.count(store.parse(trig)) and store.is_store(tmp_path / "store") and not store.is_store(tmp_path)
    assert store.count(store.ensure(tmp_path / "store")) == n
    # a folder holding only a store/ is a build folder too, and a load into it goes there
    other = tmp_path / "other"
    store.load(trig, other / "store")
    assert store.store_folder(other) == other / "store" and store.load(trig, other).unchanged == 3


def test_a_folder_that_is_no_store_is_refused_and_left_as_it_was(tmp_path, trig):
    notes = tmp_path / "elsewhere" / "notes"  # no graph beside these two
    notes.mkdir(parents=True)
    (notes / "todo.txt").write_text("x", encoding="utf-8")
    empty = tmp_path / "elsewhere" / "empty"
    empty.mkdir()
    with pytest.raises(StoreError, match=r"notes: not an Oxigraph store nor a build folder .*name the folder `kg build -o` wrote"):
        store.ensure(notes)
    with pytest.raises(StoreError, match="empty: no store here and no graph.trig or graph.ttl beside it"):
        store.ensure(empty)
    with pytest.raises(StoreError, match="notes: not an Oxigraph store nor a build folder .*name a new or empty folder"):
        store.load(trig, notes)
    with pytest.raises(StoreError, match="notes: not an Oxigraph store"):
        store.ensure(notes, trig)
    assert _files(notes) == ["todo.txt"] and _files(empty) == []
    # an empty or absent folder may become a store when something is loaded into it
    assert store.load(trig, empty).bulk and store.load(trig, tmp_path / "new" / "store").bulk


def test_a_load_reports_the_bytes_read_and_the_graphs_replaced(tmp_path, trig):
    calls: list[tuple] = []
    report = store.load(trig, tmp_path / "store", progress=lambda *args: calls.append(args))
    size = trig.stat().st_size
    assert report.bulk and report.triples == store.count(store.parse(trig))  # the same load as without a callback
    loading = [c for c in calls if c[0] == "loading graph.trig"]
    assert loading[-1] == ("loading graph.trig", size, size, "bytes")
    assert [c for c in calls if c[0] == "making the union graph"][-1] == ("making the union graph", size, size, "bytes")
    calls.clear()
    store.load(trig, tmp_path / "store", progress=lambda *args: calls.append(args))
    assert calls[-1] == ("replacing graphs", 3, 3)
