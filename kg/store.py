"""Triple stores: the embedded Oxigraph store on disk and any SPARQL 1.1 Graph Store Protocol endpoint.

A graph is loaded as its named graphs (one per document plus the corpus graph),
and every graph is replaced whole, so loading the same corpus twice gives the
same store as loading it once and a failed load never leaves half a document.
rdflib builds and serialises graphs; pyoxigraph parses and stores them fast.

In the embedded store the default graph is kept as the union of the named
graphs, each triple once, and queries run on it. Oxigraph's own union default
graph is a bag: a triple told by five documents matches five times, so a COUNT
would be five times too high and every join multiplies the rows (a seed-corpus
query took 100 s instead of 2 ms).

On a server, whose default graph kg cannot choose (`oxigraph serve
--union-default-graph` makes it that bag, and ignores FROM), kg keeps the same
union in a named graph of its own, UNION_GRAPH, after every load and update, and
sends a query that names no graph with that graph as its default graph (the
SPARQL protocol's default-graph-uri): the answers are the embedded store's.
"""

from __future__ import annotations

import base64
import io
import json
import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import InputError, QueryError, StoreError
from kg.paths import queries_dir
from kg.progress import Report, counted
from kg.safe import scrub
from kg.vocab import GRAPH

DEFAULT_OUTPUT = Path("output")
DEFAULT_STORE = DEFAULT_OUTPUT / "store"
"""The embedded store `kg query` and `kg load` use unless told otherwise."""
SOURCE_NAMES = ("graph.trig", "graph.ttl")
"""Build outputs the default store is (re)loaded from, named graphs first."""
META_FILE = "kg-source.json"
"""Written in the store folder: which file was loaded last, with its mtime and size."""
UNION_STALE = "kg-union-stale"
"""Present in the store folder while an update runs: if it is stopped before the default graph is made
the union again, the next `ensure` does that."""

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}
"""File extensions kg reads, and their pyoxigraph formats."""

TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
"""HTTP statuses worth retrying: the server may answer differently in a moment."""

Source = Path | str | Dataset | Graph
"""What can be loaded: an RDF file or an rdflib graph or dataset."""


@dataclass(frozen=True)
class LoadReport:
    """What a load did: graphs in the source, graphs written, graphs already up to date, triples."""

    target: str
    graphs: int
    replaced: int
    unchanged: int
    triples: int
    bulk: bool = False

    def __str__(self) -> str:
        how = "bulk-loaded" if self.bulk else f"replaced {self.replaced}, unchanged {self.unchanged}"
        return f"{self.target}: {self.graphs} graphs ({how}), {self.triples} triples"


# ---------------------------------------------------------------- sources


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a file from its extension; InputError names the ones kg reads."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file extension; use one of {', '.join(sorted(RDF_FORMATS))}")
    return fmt


def _input(source: Source) -> tuple[Path | None, bytes | None, ox.RdfFormat]:
    """A source as (path, None, format) or (None, N-Quads bytes, format), never parsed twice."""
    if isinstance(source, Graph):  # Dataset is a Graph too
        fmt = "nquads" if isinstance(source, Dataset) else "nt"
        data = source.serialize(format=fmt, encoding="utf-8")
        return None, data, ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.N_TRIPLES
    path = Path(source)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return path, None, rdf_format(path)


def _label(source: Source) -> str:
    return str(source) if isinstance(source, (str, Path)) else "graph"


def parse(source: Source, *, union: bool = True) -> ox.Store:
    """The source parsed into an in-memory pyoxigraph store; InputError with the parser's message.

    With `union`, the default graph also holds the union of the named graphs, as in the embedded store.
    """
    path, data, fmt = _input(source)
    mem = ox.Store()
    try:
        if path is not None:
            mem.load(path=str(path), format=fmt)
        else:
            mem.load(input=data, format=fmt)
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"{_label(source)}: {exc}") from exc
    if union:
        sync_default_graph(mem)
    return mem


def _holds(store: ox.Store, graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph | None) -> bool:
    """True when `graph` (None: any graph) holds at least one triple."""
    return next(iter(store.quads_for_pattern(None, None, None, graph)), None) is not None


def has_named_graphs(store: ox.Store) -> bool:
    """True when some named graph of the store holds a triple."""
    return any(_holds(store, g) for g in store.named_graphs())


def _shipped_sparql(name: str) -> str:
    return (queries_dir() / name).read_text(encoding="utf-8")


def apply_update(store: ox.Store, text: str, store_dir: Path | None = None) -> None:
    """Run a SPARQL update (one transaction), then make the default graph the union of the named graphs again.

    With `store_dir`, a marker file says the union is stale until that is done, so an update
    stopped in between (Ctrl-C, a timeout) is completed by the next `ensure`."""
    marker = store_dir / UNION_STALE if store_dir is not None else None
    if marker is not None:
        marker.touch()
    try:
        store.update(text)
    except BaseException:
        if marker is not None:
            marker.unlink(missing_ok=True)  # nothing was written
        raise
    sync_default_graph(store)
    store.flush()
    if marker is not None:
        marker.unlink(missing_ok=True)


def sync_default_graph(store: ox.Store) -> None:
    """Make the default graph the union of the named graphs (each triple once); a store without named graphs is left alone."""
    if has_named_graphs(store):
        store.update(_shipped_sparql("union-default-graph.ru"))


def _named_triples(quads: Iterator[ox.Quad]) -> Iterator[ox.Quad]:
    """The triples of the named-graph quads among `quads`, as default-graph quads."""
    for q in quads:
        if not isinstance(q.graph_name, ox.DefaultGraph):
            yield ox.Quad(q.subject, q.predicate, q.object)


def graphs(store: ox.Store) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]:
    """The graphs of a store that hold triples: default graph first, then named graphs by IRI, corpus last."""
    from kg.graph import CORPUS_GRAPH

    named = sorted(store.named_graphs(), key=lambda g: (str(g) == f"<{CORPUS_GRAPH}>", str(g)))
    default = ox.DefaultGraph()
    return ([default] if _holds(store, default) else []) + [g for g in named if _holds(store, g)]


def _loaded_graphs(store: ox.Store) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]:
    """The graphs a load writes: the named graphs, or the default graph of a source that has none
    (with named graphs, the default graph is their union, which kg keeps itself)."""
    held = graphs(store)
    return [g for g in held if not isinstance(g, ox.DefaultGraph)] or held


# ---------------------------------------------------------------- embedded store

STORE_FOLDER = "store"
"""The store's folder inside a build folder: `kg build -o OUT` writes OUT/graph.trig, `kg query` keeps OUT/store/."""


def is_store(folder: Path | str) -> bool:
    """True for a folder that holds an Oxigraph store (RocksDB, its storage, keeps a CURRENT file there)."""
    return (Path(folder) / "CURRENT").is_file()


def is_build_folder(folder: Path | str) -> bool:
    """True for a folder `kg build` wrote (graph.trig or graph.ttl in it) or that holds a store/ folder."""
    path = Path(folder)
    return path.is_dir() and (any((path / name).is_file() for name in SOURCE_NAMES) or is_store(path / STORE_FOLDER))


def store_folder(folder: Path | str) -> Path:
    """The store a --store value names: a build folder stands for its store/ subfolder, anything else for itself.
    A build folder wins over a store left in it (an older kg made one there when given the build folder)."""
    path = Path(folder)
    return path / STORE_FOLDER if is_build_folder(path) else path


def not_a_store(folder: Path | str, *, new: bool = False) -> StoreError:
    """The error for a folder that is neither a store nor a build folder, where kg writes no database files;
    `new`: a store was to be made there."""
    hint = "name a new or empty folder, a store, or a build folder" if new else "name the folder `kg build -o` wrote, or its store/"
    return StoreError(f"{folder}: not an Oxigraph store nor a build folder (no graph.trig, graph.ttl or store/ in it); {hint}")


def _check_new(store_dir: Path) -> None:
    """A store may be made only where nothing else is: an absent or empty folder; else `not_a_store`."""
    if store_dir.exists() and not is_store(store_dir) and (not store_dir.is_dir() or any(store_dir.iterdir())):
        raise not_a_store(store_dir, new=True)


def open_store(store_dir: Path | str) -> ox.Store:
    """Open (or create) the embedded store; StoreError when another process holds it."""
    path = Path(store_dir)
    try:
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreError(
                f"{path}: the store is in use by another process (an `oxigraph serve` on this folder?); "
                "stop it, or query and load it over HTTP with --endpoint"
            ) from exc
        raise StoreError(f"{path}: cannot open the store: {exc}") from exc


def is_empty(store: ox.Store) -> bool:
    """True when the store holds no quad in any graph."""
    return not _holds(store, None)


def count(store: ox.Store) -> int:
    """Number of triples in the store's default graph: the union of its named graphs, each triple once."""
    if not has_named_graphs(store):
        return len(store)  # native: no need to count in SPARQL
    return int(next(iter(store.query(_shipped_sparql("triple-count.rq"))))["triples"].value)


def _replace(store: ox.Store, mem: ox.Store, progress: Report | None = None) -> tuple[int, int, int]:
    """Make every named graph of `mem` equal in `store`, keeping the default graph their union;
    returns (graphs, replaced, unchanged). A source without named graphs replaces the default graph."""
    replaced = unchanged = 0
    todo = _loaded_graphs(mem)
    for g in counted(todo, progress, "replacing graphs", len(todo)):
        new = set(mem.quads_for_pattern(None, None, None, g))
        old = set(store.quads_for_pattern(None, None, None, g))
        if new == old:
            unchanged += 1
            continue
        # add what is new, then remove what is gone: the graph is never missing a triple it keeps
        store.extend(new - old)
        store.extend(_named_triples(iter(new - old)))
        for quad in old - new:
            store.remove(quad)
            if not isinstance(g, ox.DefaultGraph) and not any(
                not isinstance(q.graph_name, ox.DefaultGraph)
                for q in store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)
            ):
                store.remove(ox.Quad(quad.subject, quad.predicate, quad.object))  # no other graph tells it
        replaced += 1
    return len(todo), replaced, unchanged


def load(source: Source, store_dir: Path | str = DEFAULT_STORE, *, progress: Report | None = None) -> LoadReport:
    """Load a graph file or dataset into the embedded store, replacing each of its graphs whole.

    An empty store takes pyoxigraph's bulk loader straight from the file (the
    fast path for big graphs; a parse error empties it again). A store that
    already holds data gets each graph of the source replaced, and graphs of
    the source that did not change are left alone.

    `store_dir` may be a build folder (its store/ is meant) or an absent or empty folder (a new store is made);
    any other folder is refused, so no database files land among files that are not a store's.
    `progress` is told of the bytes read (a bulk load) or of each graph replaced.

    Example: `load(Path("output/graph.trig"), "output/store")`.
    """
    store_dir = store_folder(store_dir)
    _check_new(store_dir)
    store = open_store(store_dir)
    try:
        with _writing(store_dir):
            if is_empty(store):
                report = _bulk(store, source, str(store_dir), progress)
            else:
                n, replaced, unchanged = _replace(store, parse(source, union=False), progress)
                store.flush()
                report = LoadReport(str(store_dir), n, replaced, unchanged, count(store))
            if isinstance(source, (str, Path)):
                _write_meta(Path(store_dir), Path(source), only=report.bulk)
    except BaseException:
        del store  # a traceback keeps frame locals; an open store keeps its folder locked
        raise
    return report


@contextmanager
def _writing(store_dir: Path | str) -> Iterator[None]:
    """A disk fault while the store is written (no space, read-only) as one StoreError naming the store."""
    try:
        yield
    except OSError as exc:
        raise StoreError(f"{store_dir}: cannot write the store: {exc.strerror or exc}") from exc


def _bulk(store: ox.Store, source: Source, target: str, progress: Report | None = None) -> LoadReport:
    try:
        path, data, fmt = _input(source)
        if path is not None and progress is None:
            store.bulk_load(path=str(path), format=fmt)
        elif path is not None:
            with _reading(path, progress, f"loading {path.name}") as stream:
                store.bulk_load(input=stream, format=fmt)
        else:
            store.bulk_load(input=data, format=fmt)
        if has_named_graphs(store):  # the union, from a second streaming parse: a set, as the store keeps quads
            if path is not None and progress is not None:
                with _reading(path, progress, "making the union graph") as stream:
                    store.bulk_extend(_named_triples(ox.parse(stream, format=fmt)))
            else:
                parsed = ox.parse(path=str(path), format=fmt) if path is not None else ox.parse(data, format=fmt)
                store.bulk_extend(_named_triples(parsed))
    except InputError as exc:
        error = exc
    except (SyntaxError, ValueError, OSError) as exc:
        with suppress(OSError):  # a full disk may refuse even this
            store.clear()  # it was empty: leave it so, not half-loaded
        if isinstance(exc, OSError):  # reading the file, or (far more often) writing the store: name both
            error = StoreError(f"{target}: cannot load {_label(source)} into the store: {exc.strerror or exc}")
        else:
            error = InputError(f"{_label(source)}: {exc}")
    else:
        n = len(_loaded_graphs(store))
        return LoadReport(target, n, n, 0, count(store), bulk=True)
    del store  # a traceback keeps frame locals; an open store keeps its folder locked
    raise error


class _Counting(io.RawIOBase):
    """A binary file that tells `progress` how many of its bytes have been read."""

    def __init__(self, handle: BinaryIO, progress: Report, task: str, size: int) -> None:
        super().__init__()
        self.handle, self.progress, self.task, self.size, self.read_so_far = handle, progress, task, size, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self.handle.readinto(buffer)
        self.read_so_far += n
        self.progress(self.task, self.read_so_far, self.size, "bytes")
        return n


@contextmanager
def _reading(path: Path, progress: Report, task: str) -> Iterator[io.BufferedReader]:
    """The file opened for a parser, its reading reported to `progress` (read through, about as fast as by path)."""
    with open(path, "rb") as handle:
        yield io.BufferedReader(_Counting(handle, progress, task, path.stat().st_size), 1 << 20)


def _stamp(path: Path) -> dict[str, int]:
    st = path.stat()
    return {"mtime_ns": st.st_mtime_ns, "size": st.st_size}


def _read_meta(store_dir: Path) -> dict[str, dict[str, int]]:
    try:
        meta = json.loads((store_dir / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _write_meta(store_dir: Path, source: Path, *, only: bool = False) -> None:
    meta = {} if only else _read_meta(store_dir)
    meta[str(source.resolve())] = _stamp(source)
    (store_dir / META_FILE).write_text(json.dumps(meta, sort_keys=True, indent=1), encoding="utf-8")


def default_source(store_dir: Path | str) -> Path | None:
    """The build output beside the store (graph.trig, else graph.ttl), if there is one."""
    for name in SOURCE_NAMES:
        candidate = Path(store_dir).parent / name
        if candidate.is_file():
            return candidate
    return None


def build_output(out_dir: Path | str = DEFAULT_OUTPUT) -> Path:
    """The graph `kg build` wrote (graph.trig, else graph.ttl); InputError when there is none."""
    for name in SOURCE_NAMES:
        if (Path(out_dir) / name).is_file():
            return Path(out_dir) / name
    raise InputError(f"no {' or '.join(SOURCE_NAMES)} in {out_dir}/; run `kg build` first or name a graph file")


def ensure(store_dir: Path | str = DEFAULT_STORE, source: Path | str | None = None) -> ox.Store:
    """Open the store for querying, first (re)loading `source` into it when that file changed.

    The mtime and size of every file loaded are recorded in the store folder.
    When the source is the only file the store was loaded from, a changed
    source empties the store and bulk-loads it again (the store mirrors the
    build); otherwise its graphs are replaced one by one. Without a source,
    the build output beside the store (graph.trig, else graph.ttl) is used.
    A build folder stands for its store/; a folder that is not a store is made one only to load a source
    into, and only when it is absent or empty: nothing is ever written into any other folder.
    """
    store_dir = store_folder(store_dir)
    src = Path(source) if source is not None else default_source(store_dir)
    if src is None:
        if not is_store(store_dir):
            if store_dir.is_dir() and any(store_dir.iterdir()):
                raise not_a_store(store_dir)
            raise StoreError(
                f"{store_dir}: no store here and no graph.trig or graph.ttl beside it; run `kg build` or `kg load` first"
            )
    elif not src.is_file():
        raise InputError(f"{src}: no such file")
    else:
        _check_new(store_dir)
    meta = _read_meta(store_dir)
    key = str(src.resolve()) if src is not None else ""
    reload = src is not None and meta.get(key) != _stamp(src)
    try:
        store = open_store(store_dir)
    except StoreError as error:
        # a store on a read-only or full disk cannot be opened for writing, but can still be read
        if reload or (store_dir / UNION_STALE).exists() or "in use by another process" in str(error):
            raise
        try:
            return ox.Store.read_only(str(store_dir))
        except OSError:
            raise error from None
    try:
        with _writing(store_dir):
            if reload:
                if set(meta) <= {key} or is_empty(store):
                    store.clear()
                    _bulk(store, src, str(store_dir))
                    _write_meta(store_dir, src, only=True)
                else:
                    _replace(store, parse(src, union=False))
                    store.flush()
                    _write_meta(store_dir, src)
            if (store_dir / UNION_STALE).exists() or not _holds(store, ox.DefaultGraph()):
                # an update stopped between its change and the union, or a store loaded by an older kg
                sync_default_graph(store)
                (store_dir / UNION_STALE).unlink(missing_ok=True)
    except BaseException:
        del store  # a traceback keeps frame locals; an open store keeps its folder locked
        raise
    return store


# ---------------------------------------------------------------- HTTP endpoints


class BearerAuth(httpx.Auth):
    """`Authorization: Bearer <token>` on every request; the token is never part of a message."""

    def __init__(self, token: str) -> None:
        self._token = token
        self.secrets = (token,)

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


class BasicAuth(httpx.BasicAuth):
    """HTTP basic auth that knows what must never be printed: the password and the header value."""

    def __init__(self, username: str, password: str) -> None:
        super().__init__(username, password)
        pair = f"{username}:{password}"
        self.secrets = (password, pair, base64.b64encode(pair.encode("utf-8")).decode("ascii"))


def secrets_of(auth: httpx.Auth | None, url: str = "") -> tuple[str, ...]:
    """The strings a message must not show: the credentials of `auth` and the password in `url`."""
    found = tuple(getattr(auth, "secrets", ()))
    password = urlsplit(url).password
    return found + ((password,) if password else ())


def credentials_from_env(env: Mapping[str, str] | None = None) -> httpx.Auth | None:
    """Auth from KG_STORE_TOKEN (bearer) or KG_STORE_USER/KG_STORE_PASSWORD (basic), else None."""
    env = os.environ if env is None else env
    if env.get("KG_STORE_TOKEN"):
        return BearerAuth(env["KG_STORE_TOKEN"])
    if env.get("KG_STORE_USER"):
        return BasicAuth(env["KG_STORE_USER"], env.get("KG_STORE_PASSWORD", ""))
    return None


def redact(url: str) -> str:
    """The URL without any user:password@ part, for messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


@dataclass(frozen=True)
class Retry:
    """How hard to try a request: attempts in all, first backoff in seconds (doubling), timeout per request."""

    attempts: int = 4
    backoff: float = 0.5
    timeout: float = 30.0


UNION_GRAPH = ox.NamedNode(GRAPH["union"])
"""On a server: the named graph kg keeps as the union of the other named graphs, each triple once
(kg/queries/union-graph.ru), and gives a query as its default graph."""
UNION_TIMEOUT = 600.0
"""Seconds a server may take to bring the union graph up to date: it reads every named graph, in one transaction."""
_UNION_START = f"INSERT DATA {{ GRAPH {UNION_GRAPH} {{ {UNION_GRAPH} {UNION_GRAPH} {UNION_GRAPH} }} }}"
"""A placeholder triple that starts the union graph where there is none: union-graph.ru, run after it in the
same transaction, fills the graph and removes the placeholder, which no other graph holds."""
_UNION_HELD = f"ASK {{ GRAPH {UNION_GRAPH} {{ ?s ?p ?o }} }}"
"""Whether a server holds kg's union graph (kg loaded it)."""


def update_endpoint(url: str) -> str:
    """The SPARQL 1.1 Update URL beside a Graph Store Protocol URL: Oxigraph's /store and Fuseki's /DATASET/data
    are beside /update. InputError for another URL: kg cannot guess it."""
    parts = urlsplit(url)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last not in ("store", "data"):
        raise InputError(
            f"{redact(url)}: kg keeps a union graph on the server with SPARQL updates and cannot tell the update "
            "endpoint beside this Graph Store URL; name it with --update-endpoint"
        )
    return urlunsplit((parts.scheme, parts.netloc, f"{head}/update", "", ""))


def refresh_union(client: httpx.Client, update_url: str, *, start: bool = False, retry: Retry = Retry(),
                  sleep: Callable[[float], None] = time.sleep) -> None:
    """Bring the server's union graph up to date with its named graphs in one update (`start`: make one where
    there is none). It is idempotent, so it is retried like a query, and it may take UNION_TIMEOUT seconds."""
    text = _shipped_sparql("union-graph.ru")
    if start:
        text = f"{_UNION_START} ;\n{text}"
    patient = replace(retry, timeout=max(retry.timeout, UNION_TIMEOUT))
    request(client, "POST", update_url, content=text.encode("utf-8"), timeout=patient.timeout,
            headers={"Content-Type": "application/sparql-update"}, retry=patient, sleep=sleep)


def holds_union(client: httpx.Client, url: str, *, retry: Retry = Retry(), deadline: float | None = None) -> bool:
    """True when the SPARQL endpoint at `url` holds kg's union graph with a triple in it: one ASK."""
    response = request(client, "POST", url, content=_UNION_HELD.encode("utf-8"), retry=retry, deadline=deadline,
                       stream=True, headers={"Content-Type": "application/sparql-query",
                                             "Accept": "application/sparql-results+json"})
    body = b""
    try:
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > ERROR_BODY_BYTES:
                return False  # an answer to an ASK is a few bytes: this is not a server kg loaded
        return json.loads(body).get("boolean") is True
    except (ValueError, AttributeError):
        return False  # not SPARQL results JSON: not a server kg loaded
    except (httpx.HTTPError, httpx.StreamError) as exc:
        raise StoreError(f"{redact(url)}: the answer broke off ({type(exc).__name__})") from None
    finally:
        response.close()


def _client(urls: tuple[str, ...], auth: httpx.Auth | None, retry: Retry,
            transport: httpx.BaseTransport | None) -> httpx.Client:
    """An HTTP client for `urls`. Plain http:// URLs never use TLS, so their transport skips loading the CA
    certificates, which took 23 of the 25 ms a one-row query on a loopback server took."""
    if transport is None and all(urlsplit(url).scheme == "http" for url in urls):
        transport = httpx.HTTPTransport(verify=False)  # nothing to verify: no TLS on http://
    return httpx.Client(auth=auth, timeout=retry.timeout, transport=transport)


def _graph_url(url: str, graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> tuple[str, dict[str, str]]:
    if isinstance(graph, ox.DefaultGraph):
        return url + ("&" if "?" in url else "?") + "default", {}
    return url, {"graph": graph.value}


ERROR_BODY_BYTES = 4096
"""How much of an error response kg reads: enough to explain it, never a hostile server's endless body."""


def _explain(response: httpx.Response, secrets: tuple[str, ...] = ()) -> str:
    """The status and the start of the body, cut, with credentials a server echoed back scrubbed out."""
    body = b""
    try:
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) >= ERROR_BODY_BYTES:
                break
    except (httpx.HTTPError, httpx.StreamError):
        pass  # an explanation cut short is still an explanation
    finally:
        response.close()
    text = scrub(body[:ERROR_BODY_BYTES].decode("utf-8", "replace"), secrets)
    return f"HTTP {response.status_code} {scrub(response.reason_phrase)}" + (f": {text}" if text else "")


UNSURE_UPDATE = "it may or may not have been applied, so it is not sent again: look at the store before running it again"


def request(
    client: httpx.Client,
    method: str,
    url: str,
    *,
    retry: Retry = Retry(),
    sleep: Callable[[float], None] = time.sleep,
    idempotent: bool = True,
    stream: bool = False,
    deadline: float | None = None,
    **kwargs: object,
) -> httpx.Response:
    """One HTTP request with bounded retries on transient faults; StoreError on refusal or exhaustion.

    A request that is not idempotent (a SPARQL update) is sent again only when the connection was
    never made, so it cannot be applied twice: after a timeout, a dropped connection or a 5xx it
    may have reached the server. With `stream`, the body is left unread (the caller closes it). No
    attempt starts after `deadline` (a time.monotonic() value)."""
    last = ""
    secrets = secrets_of(client.auth, url)
    for attempt in range(retry.attempts):
        if attempt:
            if deadline is not None and time.monotonic() + retry.backoff * 2 ** (attempt - 1) > deadline:
                raise StoreError(f"{redact(url)}: {last} (gave up after {attempt} attempts, out of time)")
            sleep(retry.backoff * 2 ** (attempt - 1))
        try:
            response = client.send(client.build_request(method, url, **kwargs), stream=stream)  # type: ignore[arg-type]
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:  # no connection: nothing was sent
            last = f"unreachable ({type(exc).__name__}: {scrub(str(exc), secrets)})"
            continue
        except httpx.TimeoutException:
            last = f"timed out after {retry.timeout:g}s"
            if not idempotent:
                raise StoreError(f"{redact(url)}: {last}; {UNSURE_UPDATE}") from None
            continue
        except httpx.TransportError as exc:
            last = f"unreachable ({type(exc).__name__}: {scrub(str(exc), secrets)})"
            if not idempotent:
                raise StoreError(f"{redact(url)}: {last}; {UNSURE_UPDATE}") from None
            continue
        if response.status_code in (401, 403):
            raise StoreError(
                f"{redact(url)} refused the request ({_explain(response, secrets)}); "
                "set KG_STORE_USER and KG_STORE_PASSWORD, or KG_STORE_TOKEN"
            )
        if response.status_code in TRANSIENT_STATUS:
            last = _explain(response, secrets)
            if not idempotent:
                raise StoreError(f"{redact(url)}: {last}; {UNSURE_UPDATE}")
            continue
        if response.is_error:
            raise StoreError(f"{redact(url)}: {_explain(response, secrets)}")
        return response
    raise StoreError(f"{redact(url)}: {last} (gave up after {retry.attempts} attempts)")


def load_endpoint(
    source: Source,
    url: str,
    *,
    auth: httpx.Auth | None = None,
    retry: Retry = Retry(),
    sleep: Callable[[float], None] = time.sleep,
    transport: httpx.BaseTransport | None = None,
    progress: Report | None = None,
    update_url: str | None = None,
) -> LoadReport:
    """PUT each graph of the source whole to a Graph Store Protocol endpoint (e.g. Oxigraph's /store), then
    bring the server's union graph (UNION_GRAPH) up to date with one SPARQL update sent to `update_url`
    (default: the /update beside `url`, see `update_endpoint`).

    A PUT replaces the named graph in one request, so a load that fails part
    way leaves every document either as it was or fully replaced, and running
    it again completes it; until then the union graph is the one of the last
    complete load. Transient faults (connection refused, timeouts, 429/5xx)
    are retried with exponential backoff; 401/403 fail at once.

    Example: `load_endpoint(Path("output/graph.trig"), "http://127.0.0.1:7878/store")`.
    """
    update_url = update_url or update_endpoint(url)
    mem = parse(source)
    todo = _loaded_graphs(mem)
    done = 0
    with _client((url, update_url), auth, retry, transport) as client:
        for g in counted(todo, progress, "sending graphs", len(todo)):
            body = mem.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)
            target, params = _graph_url(url, g)
            try:
                request(client, "PUT", target, params=params, content=body,
                        headers={"Content-Type": "application/n-triples"}, retry=retry, sleep=sleep)
            except StoreError as exc:
                raise StoreError(
                    f"{exc}; {done} of {len(todo)} graphs loaded, each one whole; run the load again to complete it"
                ) from exc
            done += 1
        try:
            refresh_union(client, update_url, start=True, retry=retry, sleep=sleep)
        except StoreError as exc:
            raise StoreError(f"{exc}; all {done} graphs were loaded, but the union graph kg queries was not brought up "
                             "to date: run the load again") from exc
    return LoadReport(redact(url), len(todo), done, 0, count(mem))


@contextmanager
def open_endpoint(
    text: str,
    url: str,
    *,
    auth: httpx.Auth | None = None,
    retry: Retry = Retry(),
    update: bool = False,
    transport: httpx.BaseTransport | None = None,
    deadline: float | None = None,
    union: bool = False,
) -> Iterator[httpx.Response]:
    """POST a query or update to a SPARQL 1.1 Protocol endpoint and yield the response with its body unread,
    to stream it. A query is retried on transient faults; an update only when no connection was made.

    With `union`, kg's union graph stands for the default graph, as the embedded store's default graph does:
    a query runs on it where the server holds one (the protocol's default-graph-uri), and an update is
    followed by bringing it up to date (union-graph.ru, which changes nothing on a server without one)."""
    kind = "update" if update else "query"
    headers = {
        "Content-Type": f"application/sparql-{kind}",
        "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
    }
    with _client((url,), auth, retry, transport) as client:
        try:
            dataset = {"default-graph-uri": UNION_GRAPH.value} if union and not update and holds_union(
                client, url, retry=retry, deadline=deadline) else {}
            response = request(client, "POST", url, params=dataset, content=text.encode("utf-8"), headers=headers,
                               retry=retry, idempotent=not update, stream=True, deadline=deadline)
        except StoreError as exc:
            if "HTTP 400" in str(exc):
                raise QueryError(str(exc)) from exc
            raise
        try:
            if union and update:
                try:
                    refresh_union(client, url, retry=retry)
                except StoreError as exc:
                    raise StoreError(f"{exc}; the update was applied, but the union graph kg queries was not brought "
                                     "up to date: load the graph again with `kg load --endpoint`") from exc
            yield response
        finally:
            response.close()
