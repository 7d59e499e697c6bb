"""Agent nouns and sectors: "Turkish authorities" are Turkey's government, "Burundian militiamen" Burundi's armed groups.

Data: ontology/agents.tsv (generated from the Phoenix agents dictionary by `python -m
kg.dictionaries`), ontology/agents_extra.tsv (hand-written additions, same columns) and
ontology/sectors.yaml (each sector's name, entity kind and type). `load_agents()` reads and
validates them once; `Agents.match` finds the longest agent phrase that ends at a noun.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

import yaml

from kg.errors import RulesError
from kg.model import ENTITY_KINDS
from kg.paths import resolved_ontology_dir

AGENTS_FILE = "agents.tsv"
EXTRA_FILE = "agents_extra.tsv"
SECTORS_FILE = "sectors.yaml"
TYPES = ("igo", "government", "military", "media", "party", "company", "ngo")
MAX_WORDS = 6
"""Longest agent phrase matched, in tokens ("head of national police")."""

_CODE_RE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Sector:
    """A sector: its code (GOV), name (government), and the kind and type of an entity acting in it."""

    code: str
    name: str
    kind: str
    type: str | None
    local: bool = False
    """Members named alone ("police", "protesters") belong to the country the text is about."""


@dataclass(frozen=True, eq=False)
class Agents:
    """Agent phrases (lowercase, one space between words) -> sector code, and the sectors by code."""

    phrases: Mapping[str, str]
    sectors: Mapping[str, Sector]

    @cached_property
    def words(self) -> frozenset[str]:
        """The one-word agent nouns ("police", "militiamen", "authorities"): heads that can act for a country."""
        return frozenset(p for p in self.phrases if " " not in p)

    @cached_property
    def last_words(self) -> frozenset[str]:
        """The words agent phrases end with: a noun that ends none heads no agent phrase (a quick test)."""
        return frozenset(p.rsplit(" ", 1)[-1] for p in self.phrases)

    def sector_of(self, phrase: str) -> str | None:
        """Sector code of an agent phrase as written in lowercase ("riot police" -> COP), or None."""
        return self.phrases.get(" ".join(phrase.lower().split()))


def _read_tsv(path: Path, sectors: Mapping[str, Sector], required: bool) -> dict[str, str]:
    if not path.exists():
        if required:
            raise RulesError(f"{path.name}: file not found in {path.parent}: run python -m kg.dictionaries")
        return {}
    out: dict[str, str] = {}
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            header_seen = True
            if fields[:2] == ["agent", "sector"]:
                continue
        if len(fields) < 2 or not fields[0].strip():
            raise RulesError(f"{path.name}: line {number}: expected agent<TAB>sector")
        phrase, sector = " ".join(fields[0].lower().split()), fields[1].strip()
        if sector not in sectors:
            raise RulesError(f"{path.name}: line {number}: sector {sector!r} is not a code of {SECTORS_FILE}")
        out.setdefault(phrase, sector)
    return out


def read_sectors(path: Path) -> dict[str, Sector]:
    """sectors.yaml, validated: code, name, kind, type of each sector."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RulesError(f"{path.name}: cannot read: {error}") from None
    if not isinstance(data, list):
        raise RulesError(f"{path.name}: expected a list of {{code, name, kind, type}} entries")
    out: dict[str, Sector] = {}
    for i, row in enumerate(data, 1):
        where = f"{path.name}: entry {i}"
        if not isinstance(row, dict) or not _CODE_RE.match(str(row.get("code", ""))):
            raise RulesError(f"{where}: 'code' must be three capitals")
        if not isinstance(row.get("name"), str) or not row["name"].strip():
            raise RulesError(f"{where}: 'name' is required")
        if row.get("kind") not in ENTITY_KINDS:
            raise RulesError(f"{where}: kind {row.get('kind')!r} is not one of {', '.join(ENTITY_KINDS)}")
        if row.get("type") is not None and row["type"] not in TYPES:
            raise RulesError(f"{where}: type {row['type']!r} is not one of {', '.join(TYPES)} or null")
        if row["code"] in out:
            raise RulesError(f"{where}: sector {row['code']} listed twice")
        if not isinstance(row.get("local", False), bool):
            raise RulesError(f"{where}: 'local' must be true or false")
        out[row["code"]] = Sector(row["code"], row["name"], row["kind"], row.get("type"), row.get("local", False))
    return out


def load_agents(directory: Path | None = None) -> Agents:
    """The agent and sector tables of `directory` (default ontology/), read once."""
    return _load(Path(directory).resolve() if directory else resolved_ontology_dir())


@lru_cache(maxsize=4)
def _load(directory: Path) -> Agents:
    sectors = read_sectors(directory / SECTORS_FILE)
    # the hand-written additions first: they fill what upstream lacks and win where both list a phrase
    phrases = _read_tsv(directory / EXTRA_FILE, sectors, required=False)
    for phrase, sector in _read_tsv(directory / AGENTS_FILE, sectors, required=True).items():
        phrases.setdefault(phrase, sector)
    return Agents(MappingProxyType(phrases), MappingProxyType(sectors))
