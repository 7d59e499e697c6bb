"""One error base class and small named subclasses; the CLI turns them into `Error: ...`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class KgError(Exception):
    """Base of every error a user can cause or fix; never shown as a traceback."""

    exit_code = 1


class InputError(KgError):
    """An input path, document or option value cannot be read or understood."""

    exit_code = 2


class OutputError(InputError):
    """An output file or folder cannot be written (no space, read-only, a directory, no permission) or is busy."""


class RulesError(KgError):
    """A rule table or gazetteer under ontology/ is malformed."""

    exit_code = 3


class OntologyError(KgError):
    """The ontology or shapes cannot be loaded, or a graph does not conform."""

    exit_code = 3


class ModelError(KgError):
    """The spaCy model is missing or cannot be loaded."""

    exit_code = 4


class QueryError(KgError):
    """A SPARQL query is malformed, refused, or has bad parameters."""

    exit_code = 5


class UnknownQuery(QueryError):
    """A named query that is not shipped with kg."""


class QueryLimit(QueryError):
    """A query ran longer than its time limit or needed more than its memory limit, and was stopped."""


class StoreError(KgError):
    """The triple store (embedded or remote) refused, failed or is unreachable."""

    exit_code = 6


class ValidationError(OntologyError):
    """A graph violates the SHACL shapes."""

    exit_code = 7


class EvalError(KgError):
    """A gold file is not in one of the formats `kg eval` reads."""

    exit_code = 2


CHOICES_SHOWN = 30
"""How many valid choices a message lists before it counts the rest."""


def choose_from(choices: Iterable[str], value: str | None = None, *, names: Iterable[str] = (), more: str = "") -> str:
    """The end of an "unknown value" message: `choose one of: a, b, c`, every choice when they are few, else
    the ones closest to `value` first (matched among `choices` and the other accepted `names`, e.g. aliases)
    and a count of the rest, followed by `more` (where to see them all)."""
    listed = sorted(dict.fromkeys(choices))
    if len(listed) <= CHOICES_SHOWN:
        return f"choose one of: {', '.join(listed)}" if listed else "there is none to choose from"
    folded = {c.casefold(): c for c in (*names, *listed)}  # a choice's own spelling wins over an alias that folds alike
    near = [folded[c] for c in difflib.get_close_matches((value or "").casefold(), folded, n=5, cutoff=0.6)] if value else []
    shown = list(dict.fromkeys([*near, *listed]))[:CHOICES_SHOWN]
    rest = len(listed) - len(set(shown) & set(listed))
    return f"choose one of: {', '.join(shown)} (and {rest} more{': ' + more if more else ''})"
