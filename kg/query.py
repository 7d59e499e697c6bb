"""Run SPARQL on the graph: inline text, a .rq file or a shipped named query, with bound parameters.

Queries run on pyoxigraph (the embedded store, or a store given by the
caller) with the union of the named graphs as default graph, or on a remote
SPARQL endpoint. Parameter values are bound as RDF literals through
pyoxigraph's `substitutions`, never pasted into query text, so a value like
`"} ; DROP ALL ; {` is only ever a string to compare with. A parameter that
names an entity (a `VALUES ?var { ... }  # @entity NAME` line in the query) is
first resolved to the IRIs of the entities it names by the shipped `entities`
query, and those IRIs, as the store returned them, become that VALUES block:
the store then starts from the entity instead of testing every event.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import httpx
import pyoxigraph as ox

from kg import store as kg_store
from kg.errors import InputError, QueryError, UnknownQuery
from kg.graph import PREFIXES
from kg.paths import queries_dir

FORMATS = ("table", "csv", "tsv", "json")
"""Output formats of `format_result`; json is the W3C SPARQL 1.1 Query Results JSON format."""

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

_PARAM_LINE = re.compile(r"^#\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(\(required\))?\s*:\s*(.*)$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_ENTITY_SLOT = re.compile(
    r"VALUES[ \t]+\?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\{[^}]*\}(?=[ \t]*#[ \t]*@entity[ \t]+([A-Za-z_][A-Za-z0-9_]*))"
)
_UPDATE = re.compile(
    r"^(?:\s*(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>))*\s*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: bound as the variable of the same name."""

    name: str
    description: str
    required: bool = False


@dataclass(frozen=True)
class NamedQuery:
    """A shipped query: kg/queries/<name>.rq, its first comment line and its @param lines."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str


@dataclass(frozen=True)
class Result:
    """A query's answer: variables and rows of terms (None = unbound), a boolean for ASK, or a message for updates."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    message: str | None = None


# ---------------------------------------------------------------- named queries


def _parse_named(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    description = lines[0].lstrip("#").strip() if lines and lines[0].startswith("#") else ""
    params = tuple(
        Param(m.group(1), m.group(3).strip(), bool(m.group(2)))
        for m in (_PARAM_LINE.match(line) for line in lines)
        if m
    )
    return NamedQuery(path.stem, description, params, text)


@lru_cache(maxsize=1)
def named_queries() -> dict[str, NamedQuery]:
    """The shipped queries by name, read once from kg/queries/*.rq."""
    return {p.stem: _parse_named(p) for p in sorted(queries_dir().glob("*.rq"))}


def list_queries() -> list[tuple[str, str]]:
    """(name, description) of every shipped query, sorted by name."""
    return [(q.name, q.description) for q in named_queries().values()]


def describe_queries() -> str:
    """The shipped queries with their descriptions and parameters, as `kg query --list` prints them."""
    lines = []
    for q in named_queries().values():
        lines.append(f"{q.name}: {q.description}")
        for p in q.params:
            lines.append(f"    --param {p.name}=...{' (required)' if p.required else ''}  {p.description}")
    return "\n".join(lines) + "\n"


def check_format(fmt: str) -> str:
    """The format if `format_result` knows it; InputError listing the formats otherwise."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return fmt


def resolve(query: str) -> tuple[str, NamedQuery | None]:
    """Query text from a shipped name, a .rq file or inline SPARQL; UnknownQuery lists the names."""
    named = named_queries()
    if query in named:
        return named[query].text, named[query]
    if query.endswith(".rq") or (("/" in query or "\\" in query) and "\n" not in query and "{" not in query):
        path = Path(query)
        if not path.is_file():
            raise InputError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8"), None
    if _NAME.match(query.strip()):
        raise UnknownQuery(f"Unknown query {query.strip()!r}; choose one of: {', '.join(named)}")
    return query, None


def is_update(text: str) -> bool:
    """True when the text reads as a SPARQL update (INSERT, DELETE, LOAD, CLEAR, DROP, ...)."""
    without_comments = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return bool(_UPDATE.match(without_comments))


def _check_syntax(text: str, update: bool) -> None:
    """Parse the query against an empty in-memory store: QueryError with the line and column if bad."""
    probe = ox.Store()
    try:
        if update:
            probe.update(text)
        else:
            probe.query(text)
    except SyntaxError as exc:
        raise (QueryError(f"invalid SPARQL update: {exc}") if update else _syntax(exc, text)) from None
    except (RuntimeError, OSError):
        pass  # well-formed; what it does is for the real store to say


def parse_params(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """NAME=VALUE strings (as given to --param) as a dict; QueryError on a pair without '='."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE, e.g. actor=\"South Korea\"")
        out[name.strip()] = value
    return out


def _check_params(named: NamedQuery | None, params: Mapping[str, str]) -> None:
    if named is None:
        for name in params:
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
                raise QueryError(f"parameter {name!r} is not a SPARQL variable name")
        return
    valid = {p.name for p in named.params}
    unknown = sorted(set(params) - valid)
    if unknown:
        choices = ", ".join(sorted(valid)) or "none"
        raise QueryError(f"query {named.name!r} has no parameter {unknown[0]!r}; its parameters: {choices}")
    missing = [p.name for p in named.params if p.required and not params.get(p.name)]
    if missing:
        raise QueryError(f"query {named.name!r} needs --param {missing[0]}=VALUE")


# ---------------------------------------------------------------- entity parameters


def entity_params(text: str) -> frozenset[str]:
    """The parameters of a query that name entities: those of its `VALUES ?var { ... }  # @entity NAME` lines."""
    return frozenset(m.group(2) for m in _ENTITY_SLOT.finditer(text))


def bind_entities(text: str, bound: Mapping[str, tuple[ox.NamedNode, ...]]) -> str:
    """The query with each `# @entity NAME` VALUES block holding the IRIs bound to NAME (none: no row).

    IRIs are written by pyoxigraph's N-Triples serialiser; parameters not in `bound` keep their block as written.
    """

    def fill(m: re.Match[str]) -> str:
        if m.group(2) not in bound:
            return m.group(0)
        return f"VALUES ?{m.group(1)} {{ {' '.join(str(iri) for iri in bound[m.group(2)])} }}"

    return _ENTITY_SLOT.sub(fill, text)


def resolve_entities(store: ox.Store, name: str) -> tuple[ox.NamedNode, ...]:
    """The IRIs of the entities whose label, alias or key is `name` in any case (the shipped `entities` query)."""
    answer = store.query(named_queries()["entities"].text, substitutions={ox.Variable("name"): ox.Literal(name)})
    return tuple(dict.fromkeys(s["entity"] for s in answer if isinstance(s["entity"], ox.NamedNode)))  # type: ignore[union-attr]


def _bind_names(store: ox.Store, text: str, params: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """(query with the entity parameters resolved and bound, the other parameters); an empty value binds nothing."""
    names = entity_params(text)
    bound = {p: resolve_entities(store, v) for p, v in params.items() if p in names and v != ""}
    return bind_entities(text, bound), {p: v for p, v in params.items() if p not in names}


# ---------------------------------------------------------------- running


def _from_solutions(solutions: ox.QuerySolutions, hidden: frozenset[str]) -> Result:
    names = [v.value for v in solutions.variables]
    keep = [i for i, name in enumerate(names) if name not in hidden]
    if len(keep) == len(names):
        rows = tuple(tuple(sol) for sol in solutions)
    else:
        rows = tuple(tuple(sol[i] for i in keep) for sol in solutions)
    return Result(tuple(names[i] for i in keep), rows)


def _from_answer(answer: object, hidden: frozenset[str] = frozenset()) -> Result:
    if isinstance(answer, ox.QueryBoolean):
        return Result(boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        return _from_solutions(answer, hidden)
    # CONSTRUCT / DESCRIBE: triples as subject, predicate, object rows
    return Result(("subject", "predicate", "object"), tuple((t.subject, t.predicate, t.object) for t in answer))  # type: ignore[attr-defined]


def _syntax(exc: Exception, text: str) -> QueryError:
    if is_update(text):
        return QueryError("this is a SPARQL update and kg query is read-only; add --update to change the store")
    return QueryError(f"invalid SPARQL: {exc}")


def run(
    query: str,
    *,
    store: ox.Store | None = None,
    store_dir: Path | str = kg_store.DEFAULT_STORE,
    source: Path | str | None = None,
    params: Mapping[str, str] | None = None,
    update: bool = False,
    endpoint: str | None = None,
    auth: httpx.Auth | None = None,
) -> Result:
    """Run a query (shipped name, .rq path or SPARQL text) and return its rows.

    Args:
        query: a shipped query name (see `list_queries`), a .rq file or SPARQL text.
        store: a pyoxigraph store to use; else the embedded store at `store_dir`,
            (re)loaded from `source` (default: the build output beside it) when that changed.
        params: values bound as literals to the variables of the same name.
        update: allow SPARQL updates; without it an update is refused.
        endpoint: a SPARQL 1.1 Protocol URL to send the query to instead.

    Example: `run("who-did-what", params={"actor": "South Korea"}).rows`.
    """
    text, named = resolve(query)
    params = dict(params or {})
    _check_params(named, params)
    hidden = frozenset(p.name for p in named.params) if named else frozenset()
    if update and params:
        raise QueryError("parameters cannot be bound in an update; use them in a query")
    if endpoint is not None:
        return _run_endpoint(text, endpoint, params=params, update=update, auth=auth, hidden=hidden)
    if not update and is_update(text):
        raise QueryError("this is a SPARQL update and kg query is read-only; add --update to change the store")
    if store is None:
        _check_syntax(text, update)  # a typo must not create or reload a store first
        store = kg_store.ensure(store_dir, source)
    error: QueryError | None = None
    if update:
        try:
            store.update(text)
            kg_store.sync_default_graph(store)  # the default graph stays the union of the named graphs
            store.flush()
            return Result(message="update applied")
        except SyntaxError as exc:
            error = QueryError(f"invalid SPARQL update: {exc}")
        except OSError as exc:
            error = QueryError(f"update failed: {exc}")
    else:
        try:
            text, params = _bind_names(store, text, params)
            substitutions = {ox.Variable(k): ox.Literal(v) for k, v in params.items()}
            answer = store.query(text, substitutions=substitutions or None)  # the default graph is the union (kg.store)
            return _from_answer(answer, hidden)
        except SyntaxError as exc:
            error = _syntax(exc, text)
        except RuntimeError as exc:  # e.g. a substituted variable not in the projection
            error = QueryError(f"cannot bind parameters: {exc}")
        except OSError as exc:
            error = QueryError(f"query failed: {exc}")
    # drop the store before raising: a traceback keeps this frame's locals, and an
    # open Oxigraph store keeps its folder locked until it is dropped
    del store
    raise error


def _run_endpoint(
    text: str,
    url: str,
    *,
    params: Mapping[str, str],
    update: bool,
    auth: httpx.Auth | None,
    hidden: frozenset[str],
) -> Result:
    if params:
        raise QueryError("the SPARQL protocol has no bound parameters; run parameterised queries on the embedded store")
    if not update and is_update(text):
        raise QueryError("this is a SPARQL update and kg query is read-only; add --update to change the store")
    response = kg_store.query_endpoint(text, url, auth=auth, update=update)
    if update:
        return Result(message="update applied")
    ctype = response.headers.get("content-type", "").split(";")[0].strip()
    try:
        if ctype in ("application/n-triples", "text/plain"):
            return _from_answer(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES), hidden)
        answer = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as exc:
        raise QueryError(f"{kg_store.redact(url)} answered something that is not SPARQL results ({ctype}): {exc}") from exc
    return _from_answer(answer, hidden)


# ---------------------------------------------------------------- formatting


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _csv_term(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


@lru_cache(maxsize=1)
def _prefixes() -> tuple[tuple[str, str], ...]:
    pairs = [(str(ns), p) for p, ns in PREFIXES.items()]
    pairs += [("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"), ("http://www.w3.org/2000/01/rdf-schema#", "rdfs")]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _short(term: Term | None, width: int) -> str:
    if term is None:
        text = ""
    elif isinstance(term, ox.NamedNode):
        text = term.value
        for ns, prefix in _prefixes():
            if text.startswith(ns):
                text = f"{prefix}:{text[len(ns):]}"
                break
    else:
        text = _csv_term(term)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(result: Result, width: int = 60) -> str:
    cells = [[_short(t, width) for t in row] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(result.variables), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


def format_result(result: Result, fmt: str = "table") -> str:
    """The result as text: an aligned table, W3C SPARQL CSV/TSV, or W3C SPARQL Query Results JSON."""
    check_format(fmt)
    if result.message is not None:
        return (json.dumps({"message": result.message}) if fmt == "json" else result.message) + "\n"
    if result.boolean is not None:
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "table":
        return _table(result)
    if fmt == "json":
        doc = {
            "head": {"vars": list(result.variables)},
            "results": {
                "bindings": [
                    {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                    for row in result.rows
                ]
            },
        }
        return json.dumps(doc, ensure_ascii=False) + "\n"
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in result.variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows([_csv_term(t) for t in row] for row in result.rows)
    return buf.getvalue()
