"""Where the shipped data lives: ontology/ (installed as the kg.ontology package) and kg/queries/."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def ontology_dir() -> Path:
    """The folder of kg.ttl, shapes, gazetteer and rule tables."""
    return Path(str(files("kg.ontology")))


def queries_dir() -> Path:
    """The folder of the shipped named SPARQL queries (*.rq)."""
    return Path(str(files("kg.queries")))
