"""The gazetteer: every country, organisation, person, body and place kg knows by name.

Data lives under `ontology/`: `countries.yaml` (generated from pycountry + countryinfo and
`country_overrides.yaml` by `python -m kg.gazetteer`), `actors.yaml` (hand-written) and
`ambiguous.yaml` (aliases deliberately resolved to nothing because they name several entities),
and the tables generated from the Phoenix dictionaries (`phoenix_*.yaml`, by `python -m
kg.dictionaries`), which the hand-made files override: see `merge_generated`.
`load_gazetteer()` validates them once and gives the spaCy entity-ruler patterns, a
normalised lookup from any spelling to one canonical key, and the generic names
("Foreign Ministry") that resolve only with their country.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from kg.agents import SECTORS_FILE, Sector, read_sectors
from kg.errors import RulesError
from kg.model import ENTITY_KINDS, Entity, Role
from kg.paths import ontology_dir, resolved_ontology_dir
from kg.roles import role_at

COUNTRIES_FILE = "countries.yaml"
ACTORS_FILE = "actors.yaml"
AMBIGUOUS_FILE = "ambiguous.yaml"
OVERRIDES_FILE = "country_overrides.yaml"
OFFICES_FILE = "office_holders.yaml"
GENERATED_FILES = ("phoenix_countries.jsonl", "phoenix_international.jsonl", "phoenix_nonstate.jsonl",
                   "subdivisions.jsonl")
"""Generated tables merged after the hand-made ones, in this order: an earlier table's name wins."""
"""Gazetteer tables generated from vendor/ (kg/dictionaries/phoenix.py), loaded after the hand-made ones."""

TYPES = ("igo", "government", "military", "media", "party", "company", "ngo")
FIELDS = ("key", "label", "kind", "type", "country", "sector", "wikidata", "aliases", "capitals", "demonyms",
          "surname", "generic", "roles")
REQUIRED = ("key", "label", "kind", "country")
ROLES = ("name", "capital", "demonym")
# spaCy NER label each kind of name is tagged with by the gazetteer's span ruler.
SPACY_LABEL = {"Country": "GPE", "Organization": "ORG", "ArmedGroup": "ORG", "Person": "PERSON",
               "Location": "LOC"}
DEMONYM_LABEL = "NORP"

_KEY_RE = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_SECTOR_RE = re.compile(r"^[A-Z]{3}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DASHES = "\u002d\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2018\u2019\u201a\u201b\u02bc\u02bb\u0060\u00b4\u2032"
_TRANSLATE = {ord(c): " " for c in _DASHES} | {ord(c): "'" for c in _APOSTROPHES}
# Arabic names come transliterated several ways, one person's name in each outlet's spelling: the article as "al" or
# "el" inside a name ("Omar el-Bashir", "Omar al-Bashir"; not a first word: "El Salvador"), the Prophet's name in
# five spellings. Matching reads each as one form.
_TRANSLITERATED = re.compile(r"(?<=\S )el (?=\S)|\b(?:muhammad|mohammad|mohamed|muhammed|mohamad|mohammed)\b")


class StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML loader (libyaml when available) that refuses a key repeated in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, f"found duplicate key {key!r}",
                    key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Matching form of a name: NFKC, accents folded, casefolded, dashes as spaces, no "the"/possessive.

    >>> normalize("the Democratic People’s Republic of Korea's")
    "democratic people's republic of korea"
    """
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLATE))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).casefold().translate(_TRANSLATE)
    text = " ".join(text.split())
    if text.endswith("'s"):
        text = text[:-2].rstrip()
    elif text.endswith("s'"):
        text = text[:-1]
    if text.startswith("the "):
        text = text[4:]
    return _TRANSLITERATED.sub(lambda m: "al " if m.group().startswith("el") else "mohammed", text)


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Validated gazetteer: entities by key plus indexes from normalised names to keys.

    Read-only mappings; hashed by identity; picklable (dask workers may receive one).
    """

    entities: Mapping[str, Entity]
    types: Mapping[str, str]
    """key -> type (igo, government, media...) of the entities that have one: use `types.get(key)`."""
    names: Mapping[str, tuple[str, str]]
    """normalised form -> (key, role) with role one of name, capital, demonym."""
    forms: Mapping[str, tuple[tuple[str, str], ...]]
    """key -> ((surface form as written, role), ...) in file order."""
    surnames: Mapping[str, str]
    generics: Mapping[tuple[str, str], str]
    """(country key, normalised generic name) -> key: "Foreign Ministry" of RUS."""
    ambiguous: frozenset[str]

    def __reduce__(self) -> tuple:
        parts = (self.types, self.names, self.forms, self.surnames, self.generics)
        return (_rebuild, (EntityTable.rows_of(self.entities), *(dict(p) for p in parts), self.ambiguous))

    def lookup(self, text: str) -> str | None:
        """Key of the entity this name denotes, or None if unknown or deliberately ambiguous.

        Exact match of the normalised name first; failing that, a country-owned name after its
        country ("Seoul's National Intelligence Service", "Russian Foreign Ministry").

        >>> load_gazetteer().lookup("Kiev's")
        'UKR'
        """
        hit = self._resolve(normalize(text))
        return hit[0] if hit else None

    def alias_role(self, text: str) -> str | None:
        """How the name denotes its entity: "name", "capital" (metonym), "demonym", or None."""
        hit = self._resolve(normalize(text))
        return hit[1] if hit else None

    def _resolve(self, norm: str) -> tuple[str, str] | None:
        hit = self.names.get(norm)
        if hit or " " not in norm:
            return hit
        words = norm.split(" ")
        for k in range(1, len(words)):
            head, tail = " ".join(words[:k]), " ".join(words[k:])
            head = head[:-2] if head.endswith("'s") else head[:-1] if head.endswith("s'") else head
            owner = self.names.get(head)
            if owner is None or self.entities[owner[0]].kind != "Country":
                continue
            country = owner[0]
            key = self.generics.get((country, tail))
            if key is None:
                named = self.names.get(tail)
                if named and named[1] == "name" and self.entities[named[0]].kind != "Country" \
                        and self.entities[named[0]].country == country:
                    key = named[0]
            if key:
                return key, "name"
        return None

    def lookup_generic(self, text: str, country: str) -> str | None:
        """Key of a body named generically ("Foreign Ministry") once its possessor country is known."""
        return self.generics.get((country, normalize(text)))

    def surname_of(self, key: str) -> str | None:
        """Surname a person may be called by after the full name appeared in the same document."""
        return self.surnames.get(key)

    def bearers(self, surname: str) -> tuple[str, ...]:
        """Keys of the persons who bear this surname: the candidates for "President Bush" or "Chancellor Kohl"
        when no full name came before. The hand-made entries with a `surname` field (the persons news names by
        surname) come alone if there are any; else every person whose label ends with it."""
        index = self.__dict__.get("_bearers")
        if index is None:
            index = self.bearer_index()
            object.__setattr__(self, "_bearers", index)  # built once, on first use (frozen dataclass)
        return index.get(normalize(surname), ())

    def bearer_index(self) -> dict[str, tuple[str, ...]]:
        """Normalised surname -> the keys `bearers` gives for it (what `load_gazetteer` keeps compiled)."""
        built: dict[str, tuple[list[str], list[str]]] = {}
        for key, row in EntityTable.rows_of(self.entities).items():
            if row[1] == "Person":
                named = self.surnames.get(key)
                tiers = built.setdefault(normalize(named or row[0].split()[-1]), ([], []))
                tiers[0 if named else 1].append(key)
        return {name: tuple(sorted(first or rest)) for name, (first, rest) in built.items()}

    def is_media(self, key: str) -> bool:
        """True for news agencies and outlets (attribution sources, not actors)."""
        return self.types.get(key) == "media"

    def kind_of(self, key: str) -> str | None:
        """Kind (Country, Organization, Person, ArmedGroup, Location) of a known key."""
        entity = self.entities.get(key)
        return entity.kind if entity else None

    def patterns(self) -> list[dict[str, str]]:
        """spaCy entity-ruler patterns {label, pattern, id} for every name, sorted deterministically."""
        out: set[tuple[str, str, str]] = set()
        for key, forms in self.forms.items():
            kind = self.entities[key].kind
            for surface, role in forms:
                label = DEMONYM_LABEL if role == "demonym" else SPACY_LABEL[kind]
                for variant in _surface_variants(surface):
                    out.add((key, label, variant))
        return [{"label": label, "pattern": pattern, "id": key}
                for key, label, pattern in sorted(out)]


def _rebuild(rows: dict[str, tuple], *parts: Any) -> Gazetteer:
    """Unpickle a Gazetteer: entities from their rows, lazily, and the plain dicts read-only again."""
    return Gazetteer(EntityTable(rows), *(MappingProxyType(p) for p in parts[:-1]), parts[-1])


class EntityTable(Mapping[str, Entity]):
    """Entities kept as plain rows and made into `Entity` objects when first asked for.

    Unpickling 35,000 frozen dataclasses costs ten times as long as unpickling their rows, and
    a document asks for a few dozen of them: the compiled gazetteer loads in a tenth of the time.
    """

    __slots__ = ("_rows", "_made")

    def __init__(self, rows: dict[str, tuple]):
        self._rows = rows
        self._made: dict[str, Entity] = {}

    @staticmethod
    def rows_of(entities: Mapping[str, Entity]) -> dict[str, tuple]:
        """Plain rows of entities, key -> (label, kind, country, wikidata, aliases, sector, roles)."""
        if isinstance(entities, EntityTable):
            return entities._rows
        return {k: (e.label, e.kind, e.country, e.wikidata, e.aliases, e.sector,
                    tuple((r.country, r.sector, r.start, r.end) for r in e.roles)) for k, e in entities.items()}

    def __getitem__(self, key: str) -> Entity:
        made = self._made.get(key)
        if made is None:
            label, kind, country, wikidata, aliases, sector, roles = self._rows[key]
            made = self._made[key] = Entity(key, label, kind, country, wikidata, aliases, sector,
                                            tuple(Role(*r) for r in roles))
        return made

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def get(self, key: str, default: Entity | None = None) -> Entity | None:  # type: ignore[override]
        """The entity of a key, else `default`. Mapping's own `get` raises and catches a KeyError for every key
        not here, and the rules ask for every token's key, most of them none ("")."""
        return self[key] if key in self._rows else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __reduce__(self) -> tuple:
        return (EntityTable, (self._rows,))


def _surface_variants(surface: str) -> set[str]:
    """The surface as written plus its curly-apostrophe twin, which tokenises differently."""
    variants = {surface}
    if "'" in surface:
        variants.add(surface.replace("'", "\u2019"))
    if "\u2019" in surface:
        variants.add(surface.replace("\u2019", "'"))
    return variants


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Read and validate countries.yaml, actors.yaml and ambiguous.yaml (cached per directory)."""
    return _load_cached(Path(directory).resolve() if directory else resolved_ontology_dir())


DATA_FILES = (COUNTRIES_FILE, ACTORS_FILE, AMBIGUOUS_FILE, *GENERATED_FILES, SECTORS_FILE, OFFICES_FILE)
"""The files a gazetteer is built from: their bytes are part of its compiled cache's key."""


def gazetteer_key(directory: Path) -> str:
    """The compiled-cache key of the gazetteer of `directory`: its data files and the code that reads them."""
    from kg import compiled

    return compiled.digest([*compiled.file_parts(directory / name for name in DATA_FILES),
                            *compiled.code_parts("gazetteer", "agents", "roles", "model", "compiled")])


@lru_cache(maxsize=8)
def _load_cached(directory: Path) -> Gazetteer:
    from kg import compiled

    key = gazetteer_key(directory)
    gaz = compiled.cached("gazetteer", key, lambda: _build(directory))
    # the surname index too: building it normalises 13,000 names (70 ms) at every start, reading it back takes 5
    object.__setattr__(gaz, "_bearers", compiled.cached("bearers", key, gaz.bearer_index))
    return gaz


def _build(directory: Path) -> Gazetteer:
    """Read, merge and validate the gazetteer's files (what the compiled cache saves)."""
    sources, ambiguous, _ = load_sources(directory)
    gaz = build_gazetteer(sources, ambiguous)
    sectors = directory / SECTORS_FILE
    return with_sectors(gaz, read_sectors(sectors)) if sectors.exists() else gaz


def sector_key(country: str, sector: str) -> str:
    """Key of a country's agents in one sector: sector_key("TUR", "GOV") == "TUR-gov"."""
    return f"{country}-{sector.lower()}"


def with_sectors(gaz: Gazetteer, sectors: Mapping[str, Sector]) -> Gazetteer:
    """The gazetteer plus one entity per country and sector ("TUR-gov", "Turkey (government)"), nameless.

    They are what agent nouns resolve to ("Turkish authorities"); being gazetteer entities, they
    carry the sector's type (a MED sector is media, a source of claims), and the merge knows them.
    A key a gazetteer entry already has is left to that entry.
    """
    entities, types = dict(gaz.entities), dict(gaz.types)
    for country in [e for e in gaz.entities.values() if e.kind == "Country"]:
        for s in sectors.values():
            key = sector_key(country.key, s.code)
            if key not in entities:
                entities[key] = Entity(key, f"{country.label} ({s.name})", s.kind, country.key, sector=s.code)
                if s.type is not None:
                    types[key] = s.type
    return Gazetteer(MappingProxyType(entities), MappingProxyType(types), gaz.names, gaz.forms, gaz.surnames,
                     gaz.generics, gaz.ambiguous)


def load_sources(directory: Path) -> tuple[list[tuple[str, list[Any]]], frozenset[str], list[tuple[str, str, str]]]:
    """The gazetteer's sources once the generated tables are merged into the hand-made ones.

    Returns (file, entries) sources for `build_gazetteer`, the ambiguous names, and the merge
    report: rows (file, name, what happened) for every generated name not kept as it stands.
    """
    countries = _read_entries(directory / COUNTRIES_FILE)
    actors = _read_entries(directory / ACTORS_FILE, required=False)
    ambiguous = _read_ambiguous(directory / AMBIGUOUS_FILE)
    hand = [(COUNTRIES_FILE, countries), (ACTORS_FILE, actors)]
    generated = [(name, read_jsonl(directory / name)) for name in GENERATED_FILES if (directory / name).exists()]
    sources, report = merge_generated(hand, generated, ambiguous) if generated else (hand, [])
    offices = _read_entries(directory / OFFICES_FILE, required=False)
    return apply_offices(sources, offices), ambiguous, report


def apply_offices(sources: list[tuple[str, list[Any]]], offices: list[Any]) -> list[tuple[str, list[Any]]]:
    """Add the roles of office_holders.yaml to their entities (a key no source has makes a new Person).

    Those roles win from their first start on: an older role that starts then or later is dropped,
    one that runs past it ends the day before; undated roles stay. An entity of a generated table
    then acts, with no date, for its latest role; a hand-made one must already (build_gazetteer checks).
    """
    by_key = {e.get("key"): (n, i) for n, (_, entries) in enumerate(sources) for i, e in enumerate(entries)
              if isinstance(e, dict)}
    out = [(file, list(entries)) for file, entries in sources]
    fresh: list[Any] = []
    for i, office in enumerate(offices, 1):
        where = _where(OFFICES_FILE, i, office)
        if not isinstance(office, dict) or not isinstance(office.get("key"), str) or not office.get("roles"):
            raise RulesError(f"{where}: expected a mapping with a key and roles")
        roles = _roles(where, office)
        rows = [[r.country, r.sector, r.start, r.end] for r in roles]
        if office["key"] not in by_key:
            fresh.append({"key": office["key"], "label": office.get("label"), "kind": "Person",
                          "country": office.get("country"), "aliases": office.get("aliases"), "roles": rows})
            continue
        n, j = by_key[office["key"]]
        entry = dict(out[n][1][j])
        first = min(r.start for r in roles if r.start)
        day_before = (date.fromisoformat(first) - timedelta(days=1)).isoformat()
        kept = []
        for r in _roles(where, entry):
            if r.start is None and r.end is None:
                kept.append([r.country, r.sector, None, None])
            elif (r.start or "0000-00-00") < first:
                kept.append([r.country, r.sector, r.start, r.end if r.end and r.end < first else day_before])
        entry["roles"] = kept + rows
        if out[n][0] in GENERATED_FILES:
            latest = role_at(_roles(where, entry), None)
            if latest is not None and latest.country:
                entry["country"], entry["sector"] = latest.country, latest.sector
        out[n][1][j] = entry
    return out + ([(OFFICES_FILE, fresh)] if fresh else [])


_ACTING = {"Organization", "ArmedGroup"}


def _same_kind(hand: Entity, kind: str, country: str | None) -> bool:
    """Can a generated entry of this kind be the hand-made entity? Bodies and armed groups are one class
    (which a group is, is a judgment); a body or place acting for a country may be that country's metonym
    ("White House", a capital)."""
    if hand.kind == kind or (hand.kind in _ACTING and kind in _ACTING):
        return True
    return hand.kind == "Country" and kind in ("Location", "Organization") and country == hand.key


def merge_generated(hand: list[tuple[str, list[Any]]], generated: list[tuple[str, list[Any]]],
                    ambiguous: frozenset[str] = frozenset()) -> tuple[list[tuple[str, list[Any]]], list[tuple[str, str, str]]]:
    """Merge generated entries into the hand-made ones, which win; return the sources and a report.

    The rules, in order, for each generated entry:
    - it is a hand-made entity when it is the Country of the same key, or when its label (else its
      first alias that is) is a name of a hand-made entity of a compatible kind (`_same_kind`);
      then its other names become aliases of that entity if no entity has them yet (the
      unambiguous ones), and a hand-made person without roles takes its dated roles when they
      agree with the hand-made country;
    - otherwise it is a new entity, without the names the hand-made files give another entity or
      a surname, and without names listed in ambiguous.yaml; one whose key a hand-made entity has,
      or with no name left, is dropped.
    Report rows are (file, name, what happened).
    """
    hand_gaz = build_gazetteer(hand, ambiguous)
    taken = dict(hand_gaz.names)
    surnames = {normalize(s) for s in hand_gaz.surnames.values()}
    extended: dict[str, dict] = {}
    report: list[tuple[str, str, str]] = []
    new_sources: list[tuple[str, list[Any]]] = []
    for file, entries in generated:
        fresh: list[Any] = []
        for i, e in enumerate(entries, 1):
            if not (isinstance(e, dict) and all(isinstance(e.get(f), str) for f in ("key", "label", "kind"))):
                _check_entry(_where(file, i, e), e)  # raises, naming what is wrong; build_gazetteer checks the rest
            names = [e["label"], *(a for a in e.get("aliases") or [] if a != e["label"])]
            target = e["key"] if e["kind"] == "Country" and e["key"] in hand_gaz.entities else None
            for name in names if target is None else ():
                hit = hand_gaz._resolve(normalize(name))
                if hit and _same_kind(hand_gaz.entities[hit[0]], e["kind"], e["country"]) and (
                        name is names[0] or hand_gaz.entities[hit[0]].kind != "Country"):
                    # a place or body is its country's metonym by its own name only ("White House"),
                    # never because one of its other names is the capital's
                    target = hit[0]
                    break
            kept = []
            for name in names:
                norm = normalize(name)
                owner = taken.get(norm)
                if norm in ambiguous or (norm in surnames and (owner is None or owner[0] != target)):
                    report.append((file, name, "dropped: ambiguous or a hand-made surname"))
                elif owner is not None and owner[0] != (target or e["key"]):
                    report.append((file, name, f"dropped: a name of {owner[0]}"))
                else:
                    kept.append(name)
                    taken.setdefault(norm, (target or e["key"], "name"))
            if target is not None:
                _extend(extended, hand, target, e, kept, report, file)
            elif e["key"] in hand_gaz.entities:
                report.append((file, e["label"], f"dropped: its key {e['key']} is a hand-made entity's"))
            elif not kept:
                report.append((file, e["label"], "dropped: no name left"))
            else:
                fresh.append({**e, "label": kept[0], "aliases": kept})
        new_sources.append((file, fresh))
    merged_hand = [(file, [extended.get(e.get("key"), e) if isinstance(e, dict) else e for e in entries])
                   for file, entries in hand]
    return merged_hand + new_sources, report


def _extend(extended: dict[str, dict], hand: list[tuple[str, list[Any]]], key: str, e: dict, names: list[str],
            report: list[tuple[str, str, str]], file: str) -> None:
    """Add a generated entry's names (and, for a person with none, its roles and sector) to hand-made `key`."""
    entry = extended.get(key)
    if entry is None:
        entry = next(dict(x) for _, entries in hand for x in entries if isinstance(x, dict) and x.get("key") == key)
        extended[key] = entry
    known = {normalize(n) for n in [entry["label"], *(n for f in ("aliases", "capitals", "demonyms") for n in entry.get(f) or [])]}
    added = [n for n in names if normalize(n) not in known]
    if added:
        entry["aliases"] = [*(entry.get("aliases") or []), *added]
    if e.get("roles") and not entry.get("roles") and entry["kind"] == e["kind"] == "Person":
        default = role_at(_roles(file, e), None)
        if default is not None and default.country == entry["country"]:
            entry["roles"] = e["roles"]
            entry.setdefault("sector", e.get("sector"))
        else:
            report.append((file, e["label"], f"roles not taken: the hand-made {key} acts for {entry['country']}"))


def read_yaml(path: Path, required: bool = True) -> Any:
    """A YAML data file, read strictly (a key given twice is an error); None for a missing optional file."""
    if not path.exists():
        if required:
            raise RulesError(f"{path.name}: file not found in {path.parent}")
        return None
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise RulesError(f"{path.name}: not valid YAML: {getattr(e, 'problem', None) or e}{where}") from None


def _read_entries(path: Path, required: bool = True) -> list[Any]:
    data = read_yaml(path, required)
    if data is None:
        return []
    if not isinstance(data, list):
        raise RulesError(f"{path.name}: expected a list of entries, got {type(data).__name__}")
    return data


def read_jsonl(path: Path) -> list[Any]:
    """Entries of a generated table: one JSON object a line; lines starting with # are comments."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            out.append(json.loads(line))
        except ValueError as error:
            raise RulesError(f"{path.name}: line {number}: not valid JSON: {error}") from None
    return out


def _read_ambiguous(path: Path) -> frozenset[str]:
    data = read_yaml(path, required=False) or []
    if not isinstance(data, list):
        raise RulesError(f"{path.name}: expected a list of {{alias, reason}} entries")
    out = set()
    for i, item in enumerate(data, 1):
        alias = item.get("alias") if isinstance(item, dict) else item
        if not isinstance(alias, str) or not alias.strip():
            raise RulesError(f"{path.name}: entry {i}: 'alias' must be a non-empty string")
        out.add(normalize(alias))
    return frozenset(out)


@dataclass(frozen=True)
class Reading:
    """What an ambiguous name may denote: its `candidates` (gazetteer keys), the one news means by it
    when the text names none of them (`default`, or None), and whether it is a `demonym`."""

    candidates: tuple[str, ...]
    default: str | None = None
    demonym: bool = False
    place: str | None = None
    """The candidate the name is where, and only where, it names a scene's place ("protested in Brussels" is in
    Belgium's capital, where "Brussels imposed tariffs" may be the EU's institutions)."""


def load_readings(directory: Path | None = None) -> Mapping[str, Reading]:
    """Normalised ambiguous name -> its Reading, for the entries of ambiguous.yaml that list candidates.

    The canonicaliser picks the candidate the text itself names ("Congo" in a story that names Kinshasa
    or the DRC is the DRC); the candidates and default are checked against the gazetteer's keys here.
    """
    return _readings_cached(Path(directory).resolve() if directory else resolved_ontology_dir())


@lru_cache(maxsize=8)
def _readings_cached(directory: Path) -> Mapping[str, Reading]:
    path = directory / AMBIGUOUS_FILE
    known = load_gazetteer(directory).entities
    out: dict[str, Reading] = {}
    for i, item in enumerate(read_yaml(path, required=False) or [], 1):
        if not isinstance(item, dict) or "candidates" not in item:
            continue
        where = f"{path.name}: entry {i} ({item.get('alias')!r})"
        candidates = _str_list(where, item, "candidates")
        default = item.get("default")
        if len(candidates) < 2:
            raise RulesError(f"{where}: 'candidates' must list at least two keys")
        for key in [*candidates, *([default] if default is not None else []), *([item["place"]] if item.get("place") else [])]:
            if key not in known:
                raise RulesError(f"{where}: {key!r} is no gazetteer key")
        if default is not None and default not in candidates:
            raise RulesError(f"{where}: 'default' {default!r} is not one of its candidates")
        demonym = item.get("demonym", False)
        if not isinstance(demonym, bool):
            raise RulesError(f"{where}: 'demonym' must be true or false")
        place = item.get("place")
        if place is not None and place not in candidates:
            raise RulesError(f"{where}: 'place' {place!r} is not one of its candidates")
        out[normalize(item["alias"])] = Reading(tuple(candidates), default, demonym, place)
    return MappingProxyType(out)


def reading_patterns(directory: Path | None = None) -> list[dict[str, str]]:
    """Name-matcher patterns {label, pattern, id: ""} for the ambiguous names that list candidates, so that the
    canonicaliser sees them where the NER does not ("the Sudanese army accused the RSF"): no key of their own, the
    label of their first candidate's kind."""
    directory = Path(directory).resolve() if directory else resolved_ontology_dir()
    readings = load_readings(directory)  # (validated there)
    known = load_gazetteer(directory).entities
    out: set[tuple[str, str]] = set()
    for item in read_yaml(directory / AMBIGUOUS_FILE, required=False) or []:
        reading = readings.get(normalize(item["alias"])) if isinstance(item, dict) and "candidates" in item else None
        if reading is None:
            continue
        label = DEMONYM_LABEL if reading.demonym else SPACY_LABEL[known[reading.candidates[0]].kind]
        out.update((label, variant) for variant in _surface_variants(item["alias"]))
    return [{"label": label, "pattern": pattern, "id": ""} for label, pattern in sorted(out)]


def _where(file: str, index: int, entry: Any) -> str:
    key = entry.get("key") if isinstance(entry, dict) else None
    return f"{file}: entry {index}" + (f" (key {key!r})" if key is not None else "")


def _str_list(where: str, entry: dict, field: str) -> list[str]:
    value = entry.get(field)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RulesError(f"{where}: '{field}' must be a list of non-empty strings")
    return value


def _check_entry(where: str, entry: Any) -> None:
    """Raise RulesError naming file, entry and field for any malformed field of one entry."""
    if not isinstance(entry, dict):
        raise RulesError(f"{where}: expected a mapping with {', '.join(REQUIRED)}, got {type(entry).__name__}")
    unknown = sorted(set(entry) - set(FIELDS))
    if unknown:
        raise RulesError(f"{where}: unknown field {unknown[0]!r}; fields are {', '.join(FIELDS)}")
    for field in REQUIRED:
        if field == "country" and entry.get("kind") == "Location" and entry.get("country") is None:
            continue  # a region across borders ("Korean Peninsula") belongs to no one country
        if not isinstance(entry.get(field), str) or not entry[field].strip():
            raise RulesError(f"{where}: '{field}' is required and must be a non-empty string")
    key, kind = entry["key"], entry["kind"]
    if not _KEY_RE.match(key):
        raise RulesError(f"{where}: key {key!r} must be ASCII letters, digits and single hyphens")
    if kind not in ENTITY_KINDS:
        raise RulesError(f"{where}: kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
    if kind == "Country" and not _ISO3_RE.match(key):
        raise RulesError(f"{where}: a Country key must be an ISO 3166-1 alpha-3 code, got {key!r}")
    if entry.get("type") is not None and entry["type"] not in TYPES:
        raise RulesError(f"{where}: type {entry['type']!r} is not one of {', '.join(TYPES)} or null")
    if entry.get("wikidata") is not None and not (isinstance(entry["wikidata"], str)
                                                  and _QID_RE.match(entry["wikidata"])):
        raise RulesError(f"{where}: wikidata {entry['wikidata']!r} is not a Q-id like Q884")
    if entry.get("surname") is not None and not (isinstance(entry["surname"], str) and kind == "Person"):
        raise RulesError(f"{where}: 'surname' is a string and only for kind Person")
    for field in ("aliases", "capitals", "demonyms", "generic"):
        _str_list(where, entry, field)
    for field in ("capitals", "demonyms"):
        if entry.get(field) and kind != "Country":
            raise RulesError(f"{where}: '{field}' is only for kind Country, not {kind}")
    if entry.get("sector") is not None and not (isinstance(entry["sector"], str) and _SECTOR_RE.match(entry["sector"])):
        raise RulesError(f"{where}: sector {entry['sector']!r} is not a three-letter code of {SECTORS_FILE}")
    roles = _roles(where, entry)
    if roles:
        default = role_at(roles, None)
        if default is not None and default.country is not None and default.country != entry["country"]:
            raise RulesError(f"{where}: country {entry['country']!r} is not {default.country!r}, whom its latest role "
                             "acts for (an entity acts, with no date, for its latest role: kg/roles.py)")


def _roles(where: str, entry: dict) -> tuple[Role, ...]:
    """An entry's `roles`: [country, sector, start, end] lists, dates as YYYY-MM-DD or null."""
    value = entry.get("roles")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RulesError(f"{where}: 'roles' must be a list of [country, sector, start, end]")
    out = []
    for i, role in enumerate(value, 1):
        if not isinstance(role, list) or len(role) != 4:
            raise RulesError(f"{where}: role {i} must be [country, sector, start, end] (null for none)")
        country, sector, start, end = (v.isoformat() if hasattr(v, "isoformat") else v for v in role)
        if country is not None and not (isinstance(country, str) and country):
            raise RulesError(f"{where}: role {i}: country must be a key or null")
        if sector is not None and not (isinstance(sector, str) and _SECTOR_RE.match(sector)):
            raise RulesError(f"{where}: role {i}: sector {sector!r} is not a three-letter code")
        for value_ in (start, end):
            if value_ is not None and not (isinstance(value_, str) and _DATE_RE.match(value_)):
                raise RulesError(f"{where}: role {i}: date {value_!r} is not YYYY-MM-DD")
        if start and end and start > end:
            raise RulesError(f"{where}: role {i} ends ({end}) before it starts ({start})")
        out.append(Role(country, sector, start, end))
    return tuple(out)


def build_gazetteer(sources: Iterable[tuple[str, list[Any]]], ambiguous: frozenset[str] = frozenset()
                    ) -> Gazetteer:
    """Validate entries of each (file name, entries) source and index them; raise RulesError if bad."""
    origin: dict[str, str] = {}
    rows: list[tuple[str, dict]] = []
    for file, entries in sources:
        for i, entry in enumerate(entries, 1):
            where = _where(file, i, entry)
            _check_entry(where, entry)
            if entry["key"] in origin:
                raise RulesError(f"{where}: duplicate key, first defined at {origin[entry['key']]}")
            origin[entry["key"]] = where
            rows.append((where, entry))
    kinds = {e["key"]: e["kind"] for _, e in rows}
    entities: dict[str, Entity] = {}
    types: dict[str, str | None] = {}
    names: dict[str, tuple[str, str]] = {}
    name_origin: dict[str, str] = {}
    forms: dict[str, tuple[tuple[str, str], ...]] = {}
    surnames: dict[str, str] = {}
    generics: dict[tuple[str, str], str] = {}
    for where, e in rows:
        key, country = e["key"], e["country"]
        if country is not None and country != key \
                and kinds.get(country) not in ("Country", "Organization", "ArmedGroup"):
            raise RulesError(f"{where}: country {country!r} is not the key of a Country or organisation"
                             " in the gazetteer")
        if e["kind"] == "Country" and country != key:
            raise RulesError(f"{where}: a Country acts for itself: country must be {key!r}")
        own: dict[str, str] = {}
        entry_forms: list[tuple[str, str]] = []
        for role, field_values in (("name", [e["label"], *_str_list(where, e, "aliases")]),
                                   ("capital", _str_list(where, e, "capitals")),
                                   ("demonym", _str_list(where, e, "demonyms"))):
            for surface in field_values:
                norm = normalize(surface)
                if not norm:
                    raise RulesError(f"{where}: alias {surface!r} is empty once normalised")
                if norm in ambiguous:
                    if surface is e["label"]:
                        raise RulesError(f"{where}: label {surface!r} is listed in {AMBIGUOUS_FILE}; "
                                         "choose an unambiguous label")
                    continue
                if norm in names and names[norm][0] != key:
                    other = names[norm][0]
                    raise RulesError(f"{where}: alias {surface!r} is also a name of {other!r} "
                                     f"({name_origin[norm]}); list it in {AMBIGUOUS_FILE} to drop it "
                                     "deliberately, or remove one")
                if (surface, role) not in entry_forms and own.get(norm) in (None, role):
                    # every spelling is kept: the ruler matches surfaces, and "Yoon Suk-yeol"
                    # tokenises differently from "Yoon Suk Yeol"
                    entry_forms.append((surface, role))
                if norm not in own:  # first role wins: a name before a capital before a demonym
                    own[norm] = role
                    names[norm] = (key, role)
                    name_origin[norm] = where
        for generic in _str_list(where, e, "generic"):
            slot = (country, normalize(generic))
            if slot in generics and generics[slot] != key:
                raise RulesError(f"{where}: generic name {generic!r} of {country!r} already denotes "
                                 f"{generics[slot]!r}")
            generics[slot] = key
        if e.get("surname"):
            surnames[key] = e["surname"]
        surfaces = tuple(dict.fromkeys(s for s, _ in entry_forms))
        roles = _roles(where, e)
        for role in roles:
            if role.country is not None and role.country not in kinds:
                raise RulesError(f"{where}: a role acts for {role.country!r}, which is not a key of the gazetteer")
        entities[key] = Entity(key, e["label"], e["kind"], country, e.get("wikidata"), surfaces, e.get("sector"), roles)
        if e.get("type") is not None:  # most entries have none: `types.get` gives None for them
            types[key] = e["type"]
        forms[key] = tuple(entry_forms)
    return Gazetteer(MappingProxyType(entities), MappingProxyType(types), MappingProxyType(names),
                     MappingProxyType(forms), MappingProxyType(surnames), MappingProxyType(generics),
                     ambiguous)


# --- generation of countries.yaml (dev only: needs the `gazetteer` extra) -------------------------

_CODE_RE = re.compile(r"^(?:[A-Z]\.?){1,4}$")
_PLURAL_SAFE = ("an", "i", "er", "ot", "o")


def _is_latin(text: str) -> bool:
    """True if every letter is Latin script, IPA excluded (drops Cyrillic, Hangul, Han, phonetics)."""
    return all("LATIN" in unicodedata.name(c, "") and not 0x250 <= ord(c) <= 0x2AF
               for c in text if c.isalpha())


def _plural(demonym: str) -> str | None:
    """Plural of a demonym when adding "s" is safe (Hungarian -> Hungarians, not French -> Frenchs)."""
    return demonym + "s" if demonym.endswith(_PLURAL_SAFE) else None


def _countryinfo_by_alpha3() -> dict[str, dict]:
    """countryinfo records keyed by alpha-3; where two share a code, the most populous one."""
    from countryinfo import all_countries

    best: dict[str, dict] = {}
    for ci in all_countries():
        info = ci.info()
        code = (info.get("ISO") or {}).get("alpha3")
        if not code:
            continue
        old = best.get(code)
        if old is None or (info.get("population") or 0, info["name"]) > (old.get("population") or 0, old["name"]):
            best[code] = info
    return best


def _as_list(value: Any) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]


def generate_countries(overrides_path: Path | None = None) -> list[dict]:
    """Country entries from pycountry + countryinfo merged with overrides, sorted by key.

    Every ISO 3166-1 entry (territories included: they have their own codes and news names
    them as places with their own governments), plus the overrides' `extra` entries. The
    territories the overrides list under `sovereigns` are places (Location) of their state.
    """
    import pycountry

    overrides = read_yaml(Path(overrides_path or ontology_dir() / OVERRIDES_FILE)) or {}
    codes = set(overrides.get("codes") or [])
    dropped = {normalize(a) for a in overrides.get("drop") or []}
    per_country: dict[str, dict] = overrides.get("countries") or {}
    unknown = sorted(set(per_country) - {c.alpha_3 for c in pycountry.countries})
    if unknown:
        raise RulesError(f"{OVERRIDES_FILE}: countries: {unknown[0]!r} is not an ISO 3166-1 alpha-3 code "
                         "(put states outside ISO 3166-1 under 'extra')")
    sovereigns: dict[str, str] = overrides.get("sovereigns") or {}
    iso = {c.alpha_3 for c in pycountry.countries}
    for territory, state in sovereigns.items():
        if territory not in iso or state not in iso or state in sovereigns or territory == state:
            raise RulesError(f"{OVERRIDES_FILE}: sovereigns: {territory}: {state} must map an ISO 3166-1 alpha-3 "
                             "territory to another code that is a sovereign state")
    infos = _countryinfo_by_alpha3()
    entries: list[dict] = []
    for c in pycountry.countries:
        info = infos.get(c.alpha_3, {})
        fix = per_country.get(c.alpha_3) or {}
        label = fix.get("label") or getattr(c, "common_name", None) or info.get("name") or c.name
        library = {
            "aliases": [getattr(c, "common_name", None), info.get("name"), c.name,
                        getattr(c, "official_name", None), *_as_list(info.get("altSpellings"))],
            "capitals": [part for v in _as_list(info.get("capital")) for part in v.split(" / ")],
            "demonyms": [f for v in _as_list(info.get("demonym")) for d in v.split(",")
                         for f in (d.strip(), _plural(d.strip()))],
        }
        entry = _country_entry(c.alpha_3, label, fix, library, codes, dropped | {normalize(a) for a in fix.get("drop") or []})
        if c.alpha_3 in sovereigns:
            # a dependent territory: a place of its state, as a state's region is; its capital and its people's
            # name are names of the place (as Phoenix lists "Puerto Rican"), no metonyms of a state
            entry.update(kind="Location", country=sovereigns[c.alpha_3],
                         aliases=entry["aliases"] + entry.pop("capitals") + entry.pop("demonyms"))
        entries.append(entry)
    for extra in overrides.get("extra") or []:
        entries.append(_country_entry(extra["key"], extra["label"], extra, {}, codes, dropped))
    entries.sort(key=lambda e: e["key"])
    _check_cross_country_clashes(entries)
    return entries


def _country_entry(key: str, label: str, fix: dict, library: dict, codes: set[str],
                   dropped: set[str]) -> dict:
    """One countries.yaml entry: the overrides' names first (kept as written), then the libraries'
    names filtered (no codes, index forms, non-Latin scripts or dropped names).

    Every distinct spelling is kept ("Côte d'Ivoire" and "Cote d'Ivoire" tokenise differently
    for the ruler), but a form already used by an earlier field is not repeated: a capital that
    is also the country's name ("Singapore") stays a name.
    """
    field_of: dict[str, str] = {}
    entry: dict[str, Any] = {"key": key, "label": label, "kind": "Country", "type": None, "country": key,
                             "wikidata": fix.get("wikidata")}
    for field in ("aliases", "capitals", "demonyms"):
        out: list[str] = []

        def add(v: str) -> None:
            n = normalize(v)
            if v not in out and field_of.setdefault(n, field) == field:
                out.append(v)

        if field == "aliases":
            add(label)
        for v in fix.get(field) or []:
            add(v)
        for v in library.get(field) or []:
            if not v or not isinstance(v, str):
                continue
            v = " ".join(v.split())
            if normalize(v) in dropped or not _is_latin(v) or ", " in v:  # "Korea, Republic of"
                continue
            if _CODE_RE.match(v.replace(" ", "")) and v not in codes:
                continue
            add(v)
        entry[field] = out
    return entry


def _check_cross_country_clashes(entries: list[dict]) -> None:
    """Fail when two countries share a name: the maintainer must decide in the overrides' drop list."""
    owner: dict[str, str] = {}
    clashes = []
    for e in entries:
        for field in ("label", "aliases", "capitals", "demonyms"):
            for v in [e[field]] if field == "label" else e.get(field, []):
                n = normalize(v)
                if owner.setdefault(n, e["key"]) != e["key"]:
                    clashes.append(f"{v!r} ({owner[n]} and {e['key']})")
    if clashes:
        raise RulesError(f"{OVERRIDES_FILE}: names shared by two countries, add them to 'drop' or a "
                         f"country's 'drop': {'; '.join(clashes)}")


def dump_entries(entries: list[dict], header: str = "") -> str:
    """Deterministic YAML text of entries: fixed field order, flow-style lists, UTF-8."""
    lines = [header] if header else []
    for e in entries:
        first = True
        for field in FIELDS:
            if field not in e:
                continue
            value = yaml.safe_dump(e[field], default_flow_style=True, allow_unicode=True,
                                   width=10_000).strip()
            if value.endswith("\n...") or value.endswith("..."):
                value = value[: value.rfind("...")].strip()
            lines.append(f"{'- ' if first else '  '}{field}: {value}")
            first = False
    return "\n".join(lines) + "\n"


_HEADER = ("# GENERATED by `python -m kg.gazetteer` from pycountry + countryinfo and "
           "country_overrides.yaml; do not edit by hand.")


def main() -> int:
    """Rewrite ontology/countries.yaml from the libraries and the overrides."""
    target = ontology_dir() / COUNTRIES_FILE
    try:
        entries = generate_countries()
    except RulesError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    target.write_text(dump_entries(entries, _HEADER), encoding="utf-8")
    print(f"wrote {target} ({len(entries)} countries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
