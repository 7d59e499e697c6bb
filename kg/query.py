"""Run SPARQL on the graph: inline text, a .rq file or a shipped named query, with bound parameters.

Queries run on pyoxigraph (the embedded store, or a store given by the
caller) with the union of the named graphs as default graph, or on a remote
SPARQL endpoint with the union graph kg keeps there as default graph
(kg.store). Parameter values are bound as RDF literals through
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
import itertools
import json
import multiprocessing
import os
import re
import shutil
import signal
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

import httpx
import pyoxigraph as ox
from rich.cells import cell_len, set_cell_size

from kg import store as kg_store
from kg.errors import InputError, KgError, QueryError, QueryLimit, StoreError, UnknownQuery, choose_from
from kg.graph import PREFIXES
from kg.model import MODALITY_NAMES
from kg.paths import queries_dir
from kg.safe import FORMULA_START, spreadsheet_cell, terminal_text
from kg.temporal import DATE_FORMATS, as_date

FORMATS = ("table", "csv", "tsv", "json")
"""Output formats of `format_result`; json is the W3C SPARQL 1.1 Query Results JSON format."""

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

_PARAM_LINE = re.compile(r"^#\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*:\s*(.*)$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_LEAD_LINE = re.compile(r"^#\s*@lead\s+([A-Za-z_][A-Za-z0-9_]*)\s+\?([A-Za-z_][A-Za-z0-9_]*)((?:\s+\?[A-Za-z_][A-Za-z0-9_]*)*)\s+\(([\w/.-]+\.rq)\)",
                        re.MULTILINE)
_SLOT = re.compile(
    r"VALUES[ \t]+\?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\{[^}]*\}(?=[ \t]*#[ \t]*@(entity|slot)[ \t]+([A-Za-z_][A-Za-z0-9_]*))"
)
"""A VALUES line kg fills: `# @entity NAME` with the entities --param NAME names, `# @slot NAME` with the values a
listing's lead reads (`first_rows`); group 1 is its variable, 2 the kind, 3 the name."""
_UPDATE = re.compile(
    r"^(?:\s*(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>))*\s*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


PARAM_KINDS = {
    "text": "TEXT",
    "entity": "NAME",
    "action": "ACTION",
    "modality": "|".join(MODALITY_NAMES),
    "date": "DATE",
    "count": "N",
}
"""What a parameter of a shipped query holds (`# @param NAME (KIND[, required]): ...`), and how `--list` shows its value.
Every kind but text is checked before the query runs: a value that cannot match is an error, never an empty result."""


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: bound as the variable of the same name; `kind` is one of PARAM_KINDS."""

    name: str
    description: str
    required: bool = False
    kind: str = "text"


@dataclass(frozen=True)
class Lead:
    """What a long listing's order starts with (`# @lead SLOT ?VAR [?MORE ...] (FILE)`): ?VAR, the value shown for
    what is bound into the VALUES lines of SLOT (an entity parameter, or a `# @slot` of kg's own); FILE (under
    kg/queries/) lists (?slot ?lead ?events) in the listing's order: what to bind, the ?VAR it gives, the events it
    starts from (`first_rows`). `params` are the listing's parameters FILE also takes (its `# @param` lines).
    `more`: variables the order starts with after ?VAR, which FILE also gives, each as a column of its own name
    (`sources` orders by the source count, then the actor's label, and binds an actor)."""

    param: str
    variable: str
    keys: str
    params: frozenset[str] = frozenset()
    more: tuple[str, ...] = ()


@dataclass(frozen=True)
class NamedQuery:
    """A shipped query: kg/queries/<name>.rq, its first comment line, its @param lines and its @lead line if any."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    lead: Lead | None = None


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
    params = tuple(_param(path, m) for m in (_PARAM_LINE.match(line) for line in lines) if m)
    slots = entity_params(text)
    for p in params:
        # an entity is bound into its VALUES line, never compared as text: the two declarations must agree
        if (p.kind == "entity") != (p.name in slots):
            raise QueryError(f"{path.name}: @param {p.name} is {p.kind!r} but the query has "
                             f"{'a' if p.name in slots else 'no'} `VALUES ... # @entity {p.name}` line")
    lead = _LEAD_LINE.search(text)
    if lead is None:
        return NamedQuery(path.stem, description, params, text)
    if lead.group(1) not in slots | _slots(text, "slot"):
        raise QueryError(f"{path.name}: @lead {lead.group(1)} is neither a parameter with a `VALUES ... # @entity` line "
                         f"nor a `VALUES ... # @slot` line")
    keys = (path.parent / lead.group(4)).read_text(encoding="utf-8")
    taken = frozenset(m.group(1) for m in map(_PARAM_LINE.match, keys.splitlines()) if m)
    if not taken <= {p.name for p in params}:
        raise QueryError(f"{path.name}: its lead {lead.group(4)} takes {', '.join(sorted(taken))}, not all parameters of it")
    more = tuple(v.lstrip("?") for v in lead.group(3).split())
    return NamedQuery(path.stem, description, params, text, Lead(lead.group(1), lead.group(2), keys, taken, more))


def _param(path: Path, match: re.Match[str]) -> Param:
    """One `# @param NAME (KIND, required): description` line; QueryError names a tag that is neither."""
    tags = [t.strip() for t in (match.group(2) or "").split(",") if t.strip()]
    for tag in tags:
        if tag != "required" and tag not in PARAM_KINDS:
            raise QueryError(f"{path.name}: @param {match.group(1)}: unknown tag {tag!r}; "
                             f"use required and one of: {', '.join(PARAM_KINDS)}")
    kinds = [t for t in tags if t in PARAM_KINDS]
    return Param(match.group(1), match.group(3).strip(), "required" in tags, kinds[0] if kinds else "text")


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
            lines.append(f"    --param {p.name}={PARAM_KINDS[p.kind]}{' (required)' if p.required else ''}  {p.description}")
    return "\n".join(lines) + "\n"


def check_format(fmt: str) -> str:
    """The format if `format_result` knows it; InputError listing the formats otherwise."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return fmt


# ---------------------------------------------------------------- reading SPARQL text

_LEXEME = re.compile(
    r"(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?<!\\)(?P<comment>#[^\n\r]*)"  # "\#" is an escaped character of a prefixed name, not a comment
    r"|(?<!\\)(?P<string>'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\""
    r"|'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\")",
    re.DOTALL,
)
"""The parts of SPARQL text where a keyword is not a keyword: IRIs, comments and strings."""


def _code(text: str) -> str:
    """The text with comments and strings blanked and every IRI as `<___>`, each the same length as
    before, so a keyword found in it is a keyword of the query at the same offset in `text`."""
    def blank(match: re.Match[str]) -> str:
        if match.lastgroup == "iri":
            return "<" + "_" * (len(match.group()) - 2) + ">"
        return " " * len(match.group())

    return _LEXEME.sub(blank, text)


_QUERY_START = re.compile(
    r"\s*(SELECT|ASK|CONSTRUCT|DESCRIBE|PREFIX|BASE|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)(?=[\s{(*?$<#]|$)",
    re.IGNORECASE,
)


def looks_like_sparql(text: str) -> bool:
    """True when the text starts, after blanks and # comments, with a keyword a SPARQL query or update
    starts with (SELECT, ASK, CONSTRUCT, DESCRIBE, PREFIX, BASE, INSERT, ...): then it is never a file name."""
    return bool(_QUERY_START.match(_code(text)))


_REMOTE = re.compile(r"(?<![^\W\d])(?<![?$:\\-])(SERVICE|LOAD)(?![\w:-])(\s*SILENT(?![\w:-]))?\s*(<_*>)?", re.IGNORECASE)
"""SERVICE (a query reaching another endpoint) and LOAD (an update fetching a document), with their target
when it is written as an IRI. A digit before the keyword still counts: a parser may read `1SERVICE` as two tokens."""


def remote_calls(text: str) -> list[tuple[str, str | None]]:
    """Each SERVICE or LOAD of a query or update as (keyword, its IRI or None for a variable or prefixed name)."""
    code = _code(text)
    calls = []
    for match in _REMOTE.finditer(code):
        target = text[match.start(3) + 1:match.end(3) - 1] if match.group(3) else None
        calls.append((match.group(1).upper(), target))
    return calls


_DATASET = re.compile(r"(?<![\w?$:\\-])(FROM|GRAPH)(?![\w:-])", re.IGNORECASE)


def names_dataset(text: str) -> bool:
    """True when a query says which graphs it reads (FROM, FROM NAMED or a GRAPH pattern): on a server, kg then
    leaves the dataset to the query and the server instead of giving it kg's union graph as default graph."""
    return bool(_DATASET.search(_code(text)))


def check_remote(text: str, allowed: Iterable[str] = ()) -> None:
    """QueryError unless every SERVICE (and LOAD) names, as a full IRI, an endpoint in `allowed`.

    kg promises to fetch nothing: a query from a shared .rq file must not contact a host the user
    did not name, not even in the syntax check."""
    allow = set(allowed)
    for keyword, target in remote_calls(text):
        if target is None:
            raise QueryError(f"{keyword} without a full IRI: kg contacts no other host unless told; write the endpoint "
                             f"as <http://...> and allow it with --allow-service URL")
        if target not in allow:
            raise QueryError(f"{keyword} <{target}>: kg contacts no other host unless told; "
                             f"add --allow-service {target} to let this query reach it")


def resolve(query: str) -> tuple[str, NamedQuery | None]:
    """Query text from a shipped name, a .rq file or inline SPARQL; UnknownQuery lists the names.

    Text that starts like SPARQL is a query, never a file name, and a file is named in messages
    exactly as it was given."""
    named = named_queries()
    if query in named:
        return named[query].text, named[query]
    if looks_like_sparql(query):
        return query, None
    if query.endswith(".rq") or (("/" in query or "\\" in query) and "\n" not in query and "{" not in query):
        path = Path(query)
        if not path.is_file():
            raise InputError(f"{query}: no such query file")
        try:
            return path.read_text(encoding="utf-8"), None
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"{query}: cannot read: {getattr(error, 'strerror', None) or error}") from None
    if _NAME.match(query.strip()):
        raise UnknownQuery(f"Unknown query {query.strip()!r}; choose one of: {', '.join(named)}")
    return query, None


def is_update(text: str) -> bool:
    """True when the text reads as a SPARQL update (INSERT, DELETE, LOAD, CLEAR, DROP, ...)."""
    without_comments = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return bool(_UPDATE.match(without_comments))


def _check_syntax(text: str, update: bool) -> None:
    """Parse the query against an empty in-memory store: QueryError with the line and column if bad.

    A query with an allowed SERVICE is not tried: that would call the endpoint once more."""
    if remote_calls(text):
        return
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


def _check_params(named: NamedQuery | None, params: Mapping[str, str]) -> dict[str, str]:
    """The parameters, each value of a shipped query checked against its kind and written as the query
    compares it (see `check_value`); QueryError for an unknown, missing or impossible one."""
    if named is None:
        for name in params:
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
                raise QueryError(f"parameter {name!r} is not a SPARQL variable name")
        return dict(params)
    valid = {p.name for p in named.params}
    unknown = sorted(set(params) - valid)
    if unknown:
        choices = ", ".join(sorted(valid)) or "none"
        raise QueryError(f"query {named.name!r} has no parameter {unknown[0]!r}; its parameters: {choices}")
    missing = [p.name for p in named.params if p.required and not params.get(p.name)]
    if missing:
        raise QueryError(f"query {named.name!r} needs --param {missing[0]}=VALUE")
    kinds = {p.name: p.kind for p in named.params}
    return {name: check_value(name, kinds[name], value) if value != "" else value for name, value in params.items()}


def check_value(name: str, kind: str, value: str) -> str:
    """A parameter value of a kind of PARAM_KINDS as the query compares it: an action by its name, a modality in
    lower case, a date as YYYY[-MM[-DD]], a count as digits; text and entity names as given (an entity is looked up
    in the store later). QueryError lists the choices or the accepted formats of a value that cannot match."""
    if kind == "action":
        from kg.actions import action_types

        types = action_types()
        wanted = value.replace(" ", "").casefold()
        for action in types.values():
            if wanted in (action.name.casefold(), action.label.replace(" ", "").casefold()):
                return action.name
        raise QueryError(f"Unknown action {value!r} (--param {name}); {choose_from(types, value)}")
    if kind == "modality":
        if value.strip().casefold() in MODALITY_NAMES:
            return value.strip().casefold()
        raise QueryError(f"Unknown modality {value!r} (--param {name}); {choose_from(MODALITY_NAMES)}")
    if kind == "date":
        found = as_date(value)
        if found is None:
            raise QueryError(f"--param {name}={value}: not a date; give {DATE_FORMATS}")
        return found
    if kind == "count":
        if not re.fullmatch(r"[0-9]+", value.strip()):
            raise QueryError(f"--param {name}={value}: not a whole number; give one such as 2")
        return str(int(value))
    return value


# ---------------------------------------------------------------- entity parameters


def _slots(text: str, kind: str) -> frozenset[str]:
    return frozenset(m.group(3) for m in _SLOT.finditer(text) if m.group(2) == kind)


def entity_params(text: str) -> frozenset[str]:
    """The parameters of a query that name entities: those of its `VALUES ?var { ... }  # @entity NAME` lines."""
    return _slots(text, "entity")


def bind_entities(text: str, bound: Mapping[str, tuple[Term, ...]]) -> str:
    """The query with each `# @entity NAME` (or `# @slot NAME`) VALUES block holding the terms bound to NAME
    (none: no row): the IRIs of named entities, or the values a listing's lead binds.

    Terms are written by pyoxigraph's N-Triples serialiser; names not in `bound` keep their block as written.
    """

    def fill(m: re.Match[str]) -> str:
        if m.group(3) not in bound:
            return m.group(0)
        return f"VALUES ?{m.group(1)} {{ {' '.join(str(term) for term in bound[m.group(3)])} }}"

    return _SLOT.sub(fill, text)


def resolve_entities(store: ox.Store, name: str) -> tuple[ox.NamedNode, ...]:
    """The IRIs of the entities whose label, alias or key is `name` in any case (the shipped `entities` query)."""
    answer = store.query(named_queries()["entities"].text, substitutions={ox.Variable("name"): ox.Literal(name)})
    return tuple(dict.fromkeys(s["entity"] for s in answer if isinstance(s["entity"], ox.NamedNode)))  # type: ignore[union-attr]


def _bind_names(store: ox.Store, text: str, params: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """(query with the entity parameters resolved and bound, the other parameters); an empty value binds nothing.
    A name no entity has is a QueryError listing the entities' labels, never a silent empty result."""
    names = entity_params(text)
    bound = {p: resolve_entities(store, v) for p, v in params.items() if p in names and v != ""}
    for param, iris in bound.items():
        if not iris:
            raise QueryError(f"Unknown {param} {params[param]!r} (--param {param}): no entity has that label, alias or key; "
                             f"{_entity_choices(store, params[param])}")
    return bind_entities(text, bound), {p: v for p, v in params.items() if p not in names}


def _entity_choices(store: ox.Store, name: str) -> str:
    """The entities' labels as `choose_from` lists them, the closest to `name` (by label, alias or key) first."""
    labels, others = set(), set()
    for row in store.query(named_queries()["aliases"].text):
        labels.add(row["label"].value)  # type: ignore[index,union-attr]
        others.add(row["key"].value)  # type: ignore[index,union-attr]
        if row["aliases"] is not None:  # type: ignore[index]
            others.update(a for a in row["aliases"].value.split(" | ") if a)  # type: ignore[index,union-attr]
    return choose_from(labels, name, names=others, more="`kg query aliases` lists them with their aliases")


# ---------------------------------------------------------------- the first rows of a long listing

LEAD_EVENTS = 5000
"""Events whose rows a listing's first rows may be looked for among (`first_rows`): looked up an entity at a time,
about 0.07 ms an event on a million triples, this many take a fifth to a third of listing every event."""


def first_rows(store: ox.Store, text: str, lead: Lead, rows: int,
               substitutions: Mapping[ox.Variable, ox.Literal] | None = None) -> Result | None:
    """The first `rows` rows of a listing whose order starts with its lead's ?VAR (`lead.variable`: an actor's
    label, an event's date), found a lead value at a time in the listing's order; None when that would take
    longer than listing every event (past LEAD_EVENTS events, or so few rows per event that it would get there).

    A listing of every event joins every fact of every event before its ORDER BY can keep the first rows; the
    rows of one entity or one date are found by looking its events up (10-30 ms). The rows whose ?VAR is the
    first lead value come first, then those of the second, and so on (the order is total, so it is the
    listing's own), and the slot values of a lead value are all those whose rows have it (an actor's label, or
    a date, which is its own slot value). One value at a time, because Oxigraph plans the same text another
    way, joining every event, once a VALUES line holds more than a few entities. A lead that lists nothing (as
    lead/event-dates.rq does when it cannot be sure) leaves the listing to be run whole."""
    subs = substitutions or {}
    taken = {k: v for k, v in subs.items() if k.value in lead.params}
    keys = [(s["slot"], (s["lead"], *(s[v] for v in lead.more)), int(s["events"].value))  # type: ignore[index,union-attr]
            for s in store.query(lead.keys, substitutions=taken or None)]
    if any(not isinstance(slot, (ox.NamedNode, ox.Literal)) or None in value for slot, value, _ in keys):
        return None  # a blank node (or a triple) has no text and cannot be written into a VALUES line
    found: list[Row] = []
    variables: tuple[str, ...] = ()
    events, i = 0, 0
    while i < len(keys) and len(found) < rows:
        if events > LEAD_EVENTS or (events >= 1000 and events * rows > LEAD_EVENTS * max(len(found), 1)):
            return None
        value, slots = keys[i][1], {}
        while i < len(keys) and keys[i][1] == value:  # every slot value with this lead value: their rows interleave
            slots[keys[i][0]] = None
            events += keys[i][2]
            i += 1
        answer = store.query(bind_entities(text, {lead.param: tuple(slots)}), substitutions=subs or None)
        variables = tuple(v.value for v in answer.variables)  # type: ignore[union-attr]
        columns = [variables.index(v) for v in (lead.variable, *lead.more)]
        found += [row for row in map(tuple, answer) if tuple(row[c] for c in columns) == value]  # type: ignore[arg-type]
    if not variables:
        return None
    return Result(variables, tuple(found[:rows]))


# ---------------------------------------------------------------- running


Row = tuple["Term | None", ...]
Shaped = tuple[tuple[str, ...], Iterator[Row]]
"""A table as it comes: the variables, and the rows one at a time."""


def _shape(answer: object, hidden: frozenset[str] = frozenset()) -> Result | Shaped:
    """A pyoxigraph answer (or a Result) as a lazy table without the `hidden` columns, or as a Result for a
    boolean or a message."""
    if isinstance(answer, Result):
        if answer.boolean is not None or answer.message is not None:
            return answer
        return _visible(answer.variables, iter(answer.rows), hidden)
    if isinstance(answer, ox.QueryBoolean):
        return Result(boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        return _visible([v.value for v in answer.variables], (tuple(sol) for sol in answer), hidden)
    # CONSTRUCT / DESCRIBE: triples as subject, predicate, object rows
    return ("subject", "predicate", "object"), ((t.subject, t.predicate, t.object) for t in answer)  # type: ignore[attr-defined]


def _visible(names: Sequence[str], rows: Iterator[Row], hidden: frozenset[str]) -> Shaped:
    """The columns not `hidden`, with their rows (lazily)."""
    keep = [i for i, name in enumerate(names) if name not in hidden]
    if len(keep) == len(names):
        return tuple(names), rows
    return tuple(names[i] for i in keep), (tuple(row[i] for i in keep) for row in rows)


def _from_answer(answer: object, hidden: frozenset[str] = frozenset()) -> Result:
    shaped = _shape(answer, hidden)
    if isinstance(shaped, Result):
        return shaped
    variables, rows = shaped
    return Result(variables, tuple(rows))


Sink = Callable[[object, frozenset[str]], Any]
"""Receives a query's answer (pyoxigraph's lazy solutions, triples or boolean) and the variables to hide."""


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
    allow_service: Iterable[str] = (),
    sink: Sink | None = None,
    timeout: float | None = None,
    limit: int | None = None,
) -> Result | Any:
    """Run a query (shipped name, .rq path or SPARQL text) and return its rows.

    This runs in the calling process and collects the rows; `stream` runs a query
    bounded in time and memory, stoppable with Ctrl-C, and writes rows as they come.

    Args:
        query: a shipped query name (see `list_queries`), a .rq file or SPARQL text.
        store: a pyoxigraph store to use; else the embedded store at `store_dir`,
            (re)loaded from `source` (default: the build output beside it) when that changed.
        params: values bound as literals to the variables of the same name.
        update: allow SPARQL updates; without it an update is refused.
        endpoint: a SPARQL 1.1 Protocol URL to send the query to instead.
        allow_service: endpoints a SERVICE (or LOAD) may reach; any other is refused.
        sink: receives the lazy answer instead of collecting it; `run` returns what it returns.
        timeout: for an endpoint, seconds before the whole request gives up.
        limit: the rows the caller will use at most. A shipped listing with a `# @lead` line, no entity named,
            may then answer with only its first `limit` + 1 rows (one more tells a writer the list goes on),
            found from its first entities (`first_rows`) instead of every event.

    Example: `run("who-did-what", params={"actor": "South Korea"}).rows`.
    """
    text, named = resolve(query)
    check_remote(text, allow_service)
    params = _check_params(named, dict(params or {}))
    hidden = frozenset(p.name for p in named.params) if named else frozenset()
    if update and params:
        raise QueryError("parameters cannot be bound in an update; use them in a query")
    if endpoint is not None:
        return _run_endpoint(text, endpoint, params=params, update=update, auth=auth, hidden=hidden, sink=sink,
                             timeout=timeout)
    if not update and is_update(text):
        raise QueryError("this is a SPARQL update and kg query is read-only; add --update to change the store")
    folder = None
    if store is None:
        _check_syntax(text, update)  # a typo must not create or reload a store first
        folder = kg_store.store_folder(store_dir)  # a build folder stands for its store/
        store = kg_store.ensure(folder, source)
    error: QueryError | None = None
    if update:
        try:
            kg_store.apply_update(store, text, folder)  # the default graph stays the union of the named graphs
            return Result(message="update applied")
        except SyntaxError as exc:
            error = QueryError(f"invalid SPARQL update: {exc}")
        except OSError as exc:
            error = QueryError(f"update failed: {exc}")
    else:
        try:
            named_entity = any(params.get(p) for p in entity_params(text))
            text, params = _bind_names(store, text, params)
            substitutions = {ox.Variable(k): ox.Literal(v) for k, v in params.items()}
            if limit and named is not None and named.lead is not None and not named_entity:
                first = first_rows(store, text, named.lead, limit + 1, substitutions)
                if first is not None:
                    return (sink or _from_answer)(first, hidden)
            answer = store.query(text, substitutions=substitutions or None)  # the default graph is the union (kg.store)
            return (sink or _from_answer)(answer, hidden)
        except SyntaxError as exc:
            error = _syntax(exc, text)
        except QueryError as exc:  # a name no entity has
            error = exc
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
    sink: Sink | None = None,
    timeout: float | None = None,
) -> Result | Any:
    if params:
        raise QueryError("the SPARQL protocol has no bound parameters; run parameterised queries on the embedded store")
    if not update and is_update(text):
        raise QueryError("this is a SPARQL update and kg query is read-only; add --update to change the store")
    deadline = None if timeout is None else time.monotonic() + timeout
    retry = kg_store.Retry() if timeout is None else kg_store.Retry(timeout=timeout)
    union = update or not names_dataset(text)  # kg's union graph is the default graph, as in the embedded store
    with kg_store.open_endpoint(text, url, auth=auth, update=update, retry=retry, deadline=deadline,
                                union=union) as response:
        if update:
            return Result(message="update applied")
        ctype = response.headers.get("content-type", "").split(";")[0].strip()
        body = _Body(response, url, deadline, timeout)
        try:  # parsed as it arrives: the rows reach the sink while the server still sends
            if ctype in ("application/n-triples", "text/plain"):
                answer: object = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
            else:
                answer = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            return (sink or _from_answer)(answer, hidden)
        except (SyntaxError, ValueError) as exc:
            raise QueryError(f"{kg_store.redact(url)} answered something that is not SPARQL results ({ctype}): {exc}") from None


class _Body(io.RawIOBase):
    """An HTTP response body as a file pyoxigraph parses while it arrives, given up at the deadline."""

    def __init__(self, response: httpx.Response, url: str, deadline: float | None, timeout: float | None) -> None:
        super().__init__()
        self._chunks = response.iter_bytes()
        self._rest = b""
        self._url, self._deadline, self._timeout = url, deadline, timeout

    def readable(self) -> bool:
        return True

    def _late(self) -> QueryLimit:
        return QueryLimit(f"{kg_store.redact(self._url)}: no complete answer within --timeout {self._timeout:g}s; stopped")

    def readinto(self, buffer: Any) -> int:
        if not self._rest:
            if self._deadline is not None and time.monotonic() > self._deadline:
                raise self._late()
            try:
                self._rest = next(self._chunks, b"")
            except httpx.TimeoutException:
                raise self._late() from None
            except (httpx.HTTPError, httpx.StreamError) as exc:
                raise StoreError(f"{kg_store.redact(self._url)}: the answer broke off ({type(exc).__name__})") from None
        n = min(len(buffer), len(self._rest))
        buffer[:n] = self._rest[:n]
        self._rest = self._rest[n:]
        return n


# ---------------------------------------------------------------- bounded runs: a child process that can be stopped

DEFAULT_TIMEOUT = 300.0
"""Seconds a query may run (`kg query --timeout`): generous for any real question, short of a machine taken over."""

TABLE_LIMIT = 1000
"""Rows a table shows unless `--limit` says otherwise: a table is read by a person and is built whole to align it."""


def default_max_memory() -> int | None:
    """Half the machine's memory in bytes (None where it cannot be known): what one query may take."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2
    except (AttributeError, ValueError, OSError):
        return None


@dataclass(frozen=True)
class Written:
    """What a streamed query wrote: how many rows, and whether `limit` cut more off."""

    rows: int = 0
    cut: bool = False
    message: str | None = None


@dataclass(frozen=True)
class _Job:
    """Everything the query process needs; plain values, so it crosses a process boundary."""

    query: str
    store_dir: str
    source: str | None
    params: tuple[tuple[str, str], ...]
    update: bool
    fmt: str
    limit: int | None
    allow_service: tuple[str, ...]
    max_memory: int | None
    width: int | None = None


def table_width(out: TextIO) -> int | None:
    """How wide a table written to `out` may be: the terminal's width (COLUMNS wins where set) when `out` is a
    terminal or COLUMNS is set; None (no limit) for a table written to a file or a pipe."""
    isatty = getattr(out, "isatty", None)
    if "COLUMNS" in os.environ or (isatty is not None and isatty()):
        return shutil.get_terminal_size().columns
    return None


def stream(
    query: str,
    out: TextIO,
    fmt: str = "csv",
    *,
    store_dir: Path | str = kg_store.DEFAULT_STORE,
    source: Path | str | None = None,
    params: Mapping[str, str] | None = None,
    update: bool = False,
    endpoint: str | None = None,
    auth: httpx.Auth | None = None,
    allow_service: Iterable[str] = (),
    timeout: float = DEFAULT_TIMEOUT,
    limit: int | None = None,
    max_memory: int | None = None,
    width: int | None = None,
) -> Written:
    """Run a query and write its result to `out` as the rows come, never holding them all.

    On the embedded store the query runs in a child process, because Oxigraph evaluates it in
    native code that neither Ctrl-C nor a timer can stop: Ctrl-C (KeyboardInterrupt here) or
    SIGTERM kills the child at once, `timeout` seconds of waiting for it end it with QueryLimit,
    and it may take at most `max_memory` bytes (default: half the machine's memory). A killed
    query has only read the store, and an update is one transaction, so the store stays whole.
    On an endpoint the query runs here, and `timeout` bounds the whole HTTP exchange.
    `limit` caps the rows written (for a table, TABLE_LIMIT unless given; 0: no cap). A table fits in
    `width` terminal cells (see `table_width`; None: no limit).

    Example: `stream("who-did-what", sys.stdout, "csv", params={"actor": "KOR"}, timeout=60)`.
    """
    check_format(fmt)
    if limit is None and fmt == "table":
        limit = TABLE_LIMIT
    limit = limit or None
    if endpoint is not None:
        result = run(query, params=params, update=update, endpoint=endpoint, auth=auth, allow_service=allow_service,
                     timeout=timeout, sink=lambda answer, hidden: write_result(answer, fmt, out.write, hidden=hidden, limit=limit,
                                                                               width=width, native=query in named_queries()))
        return write_result(result, fmt, out.write) if isinstance(result, Result) else result
    memory = max_memory if max_memory is not None else default_max_memory()
    job = _Job(query, str(store_dir), None if source is None else str(source), tuple((params or {}).items()), update,
               fmt, limit, tuple(allow_service), memory, width)
    return _supervise(job, out.write, timeout)


def _threads() -> int:
    """Threads of this process, native ones too (Oxigraph's own), where the system says; else Python's."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _context() -> Any:
    """fork while this process has one thread (fast: nothing to import again); else forkserver or spawn,
    since a fork copies locks that other threads may hold (a store opened or bulk-loaded before leaves
    native threads behind, and a child forked then can hang)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _threads() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kg.query"])  # each query process starts with this module loaded
        return context
    return multiprocessing.get_context("spawn")


def _supervise(job: _Job, write: Callable[[str], Any], timeout: float) -> Written:
    """Start the query process and pass on what it writes; stop it on Ctrl-C, SIGTERM, timeout or error.

    The clock runs only while waiting for the query: time spent writing (a slow pager) does not count."""
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    forked = context.get_start_method() == "fork"
    process = context.Process(target=_child, args=(sender, job, os.getpid() if forked else None), name="kg-query", daemon=True)
    process.start()
    sender.close()
    waited = 0.0
    try:
        while True:
            left = timeout - waited
            if left <= 0:
                raise QueryLimit(f"the query ran longer than --timeout {timeout:g}s and was stopped; "
                                 "narrow it (a LIMIT, fewer joins) or give it more time")
            started = time.monotonic()
            ready = receiver.poll(left)  # Ctrl-C raises KeyboardInterrupt here, within a moment
            waited += time.monotonic() - started
            if not ready:
                continue
            try:
                kind, payload = receiver.recv()
            except EOFError:
                raise _died(process, job) from None
            if kind == "out":
                write(payload)
            elif kind == "done":
                return payload
            else:
                raise payload
    finally:
        if process.is_alive():
            process.kill()  # only read the store (an update is one transaction): nothing to undo
        process.join()
        receiver.close()


def _died(process: Any, job: _Job) -> QueryError:
    """The error for a query process that ended without a word: killed for memory, most likely."""
    process.join()
    code = process.exitcode
    if code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV) and job.max_memory:
        return QueryLimit(f"the query needed more than --max-memory {job.max_memory // 2**20} MB and was stopped; "
                          "narrow it (a LIMIT, fewer joins, no ORDER BY over everything) or allow more")
    return QueryError(f"the query process ended unexpectedly (exit code {code})")


class _Sender:
    """Text for the parent, sent in pieces of about 64 KB."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= 65536:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.connection.send(("out", "".join(self.parts)))
            self.parts, self.size = [], 0


def _child(connection: Any, job: _Job, parent: int | None = None) -> None:
    """The query process: run the job, send the formatted output, then ("done", Written) or ("error", KgError)."""
    _detach(job.max_memory, parent)
    sender = _Sender(connection)
    try:
        try:
            result = run(job.query, store_dir=job.store_dir, source=job.source, params=dict(job.params), update=job.update,
                         allow_service=job.allow_service, limit=job.limit,
                         sink=lambda answer, hidden: write_result(answer, job.fmt, sender.write, hidden=hidden, limit=job.limit,
                                                                  width=job.width, native=job.query in named_queries()))
            written = write_result(result, job.fmt, sender.write) if isinstance(result, Result) else result
            sender.flush()
            message: tuple[str, object] = ("done", written)
        except KgError as error:
            message = ("error", error)
        except MemoryError:
            message = ("error", QueryLimit(f"the query needed more than --max-memory {(job.max_memory or 0) // 2**20} MB "
                                           "and was stopped; narrow it or allow more"))
        except Exception as error:  # noqa: BLE001 - any other failure reaches the user as one line
            message = ("error", QueryError(f"the query failed: {type(error).__name__}: {error}"))
        connection.send(message)
    finally:
        connection.close()


def _detach(max_memory: int | None, parent: int | None) -> None:
    """Make this process one the parent controls: Ctrl-C is the parent's to handle, it dies with the
    parent (`parent`: its process id when it forked this one), it may allocate at most `max_memory` bytes,
    and native out-of-memory noise stays quiet."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        with suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: a killed kg takes its query along
        if parent is not None and os.getppid() != parent:
            os._exit(1)  # the parent died before the line above: no one is waiting
    if max_memory:
        with suppress(ImportError, ValueError, OSError):  # no resource module on Windows: no memory cap there
            import resource

            resource.setrlimit(resource.RLIMIT_DATA, (max_memory, resource.getrlimit(resource.RLIMIT_DATA)[1]))
    with suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)  # Rust prints "memory allocation failed" there; the parent says it in one line
        os.close(devnull)


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


CELL_WIDTH = 60
"""Characters a table cell shows at most, whatever the room."""
MIN_COLUMN = 8
"""Narrowest a table column is cut to fit the terminal; below this the rows are shown as records, one value a line."""


def _cut(text: str, width: int) -> str:
    """The text in at most `width` terminal cells, cut with "…" (wide characters count two)."""
    return text if cell_len(text) <= width else set_cell_size(text, max(width - 1, 0)) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


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
    text = terminal_text(" ".join(text.split()))  # an escape sequence from an article must not drive the terminal
    return _cut(text, width)


def _fit(natural: list[int], room: int) -> list[int] | None:
    """Column widths that fit in `room` cells with two spaces between columns: the widest columns are cut down
    to one width, as wide as fits, and the narrow ones keep theirs; None when that width is below MIN_COLUMN."""
    room -= 2 * (len(natural) - 1)
    if sum(natural) <= room:
        return natural
    cap = max((c for c in range(MIN_COLUMN, max(natural) + 1) if sum(min(w, c) for w in natural) <= room), default=None)
    return None if cap is None else [min(w, cap) for w in natural]


def _records(variables: tuple[str, ...], cells: list[list[str]], room: int) -> list[str]:
    """Rows too wide for the terminal as records: a numbered rule, then one `name  value` line per variable."""
    name = max(cell_len(v) for v in variables)
    out = []
    for n, row in enumerate(cells, 1):
        rule = f"-[ {n} ]"
        out.append(rule + "-" * (room - len(rule)))
        out += [f"{_pad(v, name)}  {_cut(c, room - name - 2)}".rstrip() for v, c in zip(variables, row)]
    return out


def _table(variables: tuple[str, ...], rows: Iterator[Row], limit: int | None, width: int | None = None) -> tuple[str, int, bool]:
    """An aligned table of at most `limit` rows (it is built whole to align it), cells escaped for a terminal.

    With `width` (the terminal's), no line is longer: the widest columns are cut to fit, or, when that would
    leave them narrower than MIN_COLUMN, each row is written as a record, one variable a line."""
    cells = [[_short(t, max(CELL_WIDTH, width or 0)) for t in row] for row in itertools.islice(rows, limit)]  # a record has room
    cut = limit is not None and next(rows, None) is not None
    natural = [min(CELL_WIDTH, max([cell_len(v)] + [cell_len(r[i]) for r in cells])) for i, v in enumerate(variables)]
    widths = natural if width is None else _fit(natural, width)
    if widths is None:
        out = _records(variables, cells, max(width or 0, MIN_COLUMN * 2))
    else:
        line = lambda values: "  ".join(_pad(_cut(v, w), w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
        out = [line(variables), line(["-" * w for w in widths])] + [line(r) for r in cells]
    if cut:
        note = f"(the first {len(cells)} rows; more were cut at --limit {limit}: raise it, or use -f csv to write every row)"
    else:
        note = f"({len(cells)} row{'s' if len(cells) != 1 else ''})"
    out += textwrap.wrap(note, width) if width else [note]
    return "\n".join(out) + "\n", len(cells), cut


def _scalar(result: Result, fmt: str) -> str:
    if result.message is not None:
        return (json.dumps({"message": result.message}) if fmt == "json" else result.message) + "\n"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
    return ("true" if result.boolean else "false") + "\n"


BATCH = 1000
"""Rows formatted per write: few calls, and little held at once."""


def write_result(answer: object, fmt: str, write: Callable[[str], Any], *, hidden: frozenset[str] = frozenset(),
                 limit: int | None = None, width: int | None = None, native: bool = False) -> Written:
    """Write a query's answer (a Result, or pyoxigraph's lazy answer) as `format_result` formats it, a batch of
    rows at a time, so memory does not grow with the result; at most `limit` rows (None: all).

    CSV cells a spreadsheet would run as a formula are neutralised (`kg.safe.spreadsheet_cell`); table
    cells are escaped for a terminal (`kg.safe.terminal_text`); JSON and TSV keep every value exact.
    `native`: the answer holds IRIs and literals only (a shipped query's), so every row of its CSV may be
    serialised by pyoxigraph and checked here rather than formatted a term at a time (pyoxigraph writes a
    quoted triple term as no CSV reader reads it back)."""
    check_format(fmt)
    if native and fmt == "csv" and limit is None and isinstance(answer, ox.QuerySolutions):
        written = _write_native_csv(answer, write, hidden)
        if written is not None:
            return written
    shaped = _shape(answer, hidden)
    if isinstance(shaped, Result):
        write(_scalar(shaped, fmt))
        return Written(message=shaped.message)
    variables, rows = shaped
    if fmt == "table":
        text, count, cut = _table(variables, rows, limit, width)
        write(text)
        return Written(count, cut)
    if fmt == "json":  # the bytes of json.dumps of the whole document, written a batch at a time
        write(json.dumps({"head": {"vars": list(variables)}}, ensure_ascii=False)[:-1] + ', "results": {"bindings": [')
        encode = lambda row: json.dumps({v: _json_term(t) for v, t in zip(variables, row) if t is not None}, ensure_ascii=False)  # noqa: E731
    elif fmt == "tsv":
        write("\t".join(f"?{v}" for v in variables) + "\n")
        encode = lambda row: "\t".join("" if t is None else str(t) for t in row) + "\n"  # noqa: E731
    else:
        write(_csv_line(variables))
        encode = lambda row: _csv_line([spreadsheet_cell(_csv_term(t)) for t in row])  # noqa: E731
    count = 0
    taken = itertools.islice(rows, limit)
    while batch := [encode(row) for row in itertools.islice(taken, BATCH)]:
        if fmt == "json":
            write((", " if count else "") + ", ".join(batch))
        else:
            write("".join(batch))
        count += len(batch)
    if fmt == "json":
        write("]}}\n")
    cut = limit is not None and count == limit and next(rows, None) is not None
    return Written(count, cut)


_QUOTED = re.compile(r'"[^"]*(?:""[^"]*)*"')
"""A quoted CSV cell as pyoxigraph writes it (a quote inside it doubled): a line break outside one ends a row."""
NATIVE_CHUNK = 1 << 20
"""Bytes of pyoxigraph's CSV gathered before they are checked and passed on."""


def _ox_csv_cell(text: str) -> str:
    """A value as pyoxigraph's CSV writer writes it: quoted when it holds a quote, comma or line break."""
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in '",\r\n') else text


def _may_start_a_formula(text: str) -> bool:
    """False only when no CSV cell of the rows in `text` starts as a spreadsheet formula does
    (`kg.safe.spreadsheet_cell`); a cell starting with CR is always quoted. Plain substring tests:
    they run at memory speed where a regular expression would try every position."""
    for c in FORMULA_START:
        if c not in text:
            continue
        if text.startswith((c, f'"{c}')) or f',"{c}' in text or f'\n"{c}' in text:
            return True
        if c != "\r" and (f",{c}" in text or f"\n{c}" in text):
            return True
    return False


def _native_csv_rows(text: str, columns: int, keep: int) -> tuple[str, int]:
    """Complete rows of pyoxigraph's CSV (each ending CRLF) as `write_result` writes them, and how many there
    are: the first `keep` of `columns` cells, formula cells neutralised. Plain string work where that is exact,
    the csv module otherwise."""
    plain = _QUOTED.sub("", text) if '"' in text else text
    count = plain.count("\r\n")
    if plain.count(",") != count * (columns - 1):  # pyoxigraph writes an IRI as it is, a comma in it too
        raise QueryError("a value of this answer cannot be written as CSV by pyoxigraph (an IRI with a comma); "
                         "use -f tsv or -f json")
    if keep > 1 and not _may_start_a_formula(text):
        if keep == columns:
            return text, count
        # The cells left out are the query's parameters, alike in every row: with every line break ending
        # a row and no quote in them, a row ends with those cells exactly when its text ends with them.
        first = next(csv.reader(io.StringIO(text, newline="")))
        suffix = "".join("," + _ox_csv_cell(cell) for cell in first[keep:]) + "\r\n"
        if '"' not in suffix and text.count("\r\n") == count == text.count(suffix):
            return text.replace(suffix, "\r\n"), count
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    # csv.reader gives [] for an empty line: the one cell of a one-column row left unbound
    writer.writerows([spreadsheet_cell(cell) for cell in (row or [""])[:keep]] for row in csv.reader(io.StringIO(text, newline="")))
    return buffer.getvalue(), count


class _NativeCsv:
    """The file pyoxigraph writes its CSV to: passes on whole rows, `keep` cells each, as `write_result` writes them."""

    def __init__(self, write: Callable[[str], Any], columns: int, keep: int) -> None:
        self.write_text, self.columns, self.keep = write, columns, keep
        self.buffer = bytearray()
        self.header = True
        self.rows = 0

    def write(self, data: bytes) -> int:
        self.buffer += data
        if len(self.buffer) >= NATIVE_CHUNK:
            self.flush()
        return len(data)

    def flush(self, last: bool = False) -> None:
        if self.header:  # kg writes its own header, of the columns it keeps
            end = self.buffer.find(b"\r\n")
            if end < 0:
                return
            del self.buffer[:end + 2]
            self.header = False
        if last:
            end = len(self.buffer)
        else:  # up to the last line break that ends a row: one outside a quoted cell
            end = self.buffer.rfind(b"\r\n") + 2
            quotes = self.buffer.count(b'"', 0, end)
            while end > 1 and quotes % 2:
                before = self.buffer.rfind(b"\r\n", 0, end - 2) + 2
                quotes -= self.buffer.count(b'"', before, end)
                end = before
        if end > 1:
            text, rows = _native_csv_rows(self.buffer[:end].decode("utf-8"), self.columns, self.keep)
            del self.buffer[:end]
            self.rows += rows
            self.write_text(text)


def _write_native_csv(answer: ox.QuerySolutions, write: Callable[[str], Any], hidden: frozenset[str]) -> Written | None:
    """`write_result`'s CSV of a shipped query's answer, serialised by pyoxigraph and checked here (a few times
    faster than a term at a time); None, with nothing written, when the hidden columns are not the last ones."""
    names = [v.value for v in answer.variables]
    keep = [name for name in names if name not in hidden]
    if not keep or names[:len(keep)] != keep:
        return None
    write(_csv_line(keep))
    sink = _NativeCsv(write, len(names), len(keep))
    answer.serialize(sink, format=ox.QueryResultsFormat.CSV)
    sink.flush(last=True)
    return Written(sink.rows, False)


def _csv_line(values: Iterable[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()


def format_result(result: Result, fmt: str = "table") -> str:
    """The result as text: an aligned table, W3C SPARQL CSV/TSV, or W3C SPARQL Query Results JSON."""
    parts: list[str] = []
    write_result(result, fmt, parts.append)
    return "".join(parts)
