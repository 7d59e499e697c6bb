"""One error base class and small named subclasses; the CLI turns them into `Error: ...`."""

from __future__ import annotations


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
