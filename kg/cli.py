"""The `kg` command line: each command parses its arguments and calls one library function.

Errors a user can cause are `KgError`s: they print `Error: ...` on stderr and
exit with the error's code, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Turn news articles into a knowledge graph of geopolitics: who did what to whom, when, how sure, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(error: KgError) -> None:
    """Print a user error as one line and exit with its code."""
    typer.echo(f"Error: {error}", err=True)
    raise typer.Exit(error.exit_code)


# Commands are added below, one short function each.


def main() -> None:
    """Entry point of the `kg` script."""
    try:
        app()
    except KgError as error:  # raised outside a command body (e.g. while parsing)
        typer.echo(f"Error: {error}", err=True)
        sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
