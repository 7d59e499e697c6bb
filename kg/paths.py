"""Where the shipped data lives: ontology/ (installed as the kg.ontology package) and kg/queries/."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path


def ontology_dir() -> Path:
    """The folder of kg.ttl, shapes, gazetteer and rule tables."""
    return Path(str(files("kg.ontology")))


@lru_cache(maxsize=1)
def resolved_ontology_dir() -> Path:
    """`ontology_dir()` resolved, found once: the loaders are asked for their tables at every text, and
    resolving a path asks the file system each time."""
    return ontology_dir().resolve()


def queries_dir() -> Path:
    """The folder of the shipped named SPARQL queries (*.rq)."""
    return Path(str(files("kg.queries")))
