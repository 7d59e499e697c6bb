"""The first-level subdivisions of every country (ISO 3166-2 states, provinces, regions) as gazetteer places.

News names a country's regions far more often than the Phoenix files list them: "Wisconsin
Governor Tony Evers", "protests in Catalonia", "a court in Punjab". Each first-level
subdivision of pycountry's ISO 3166-2 table becomes a Location acting for its country, keyed
by its ISO 3166-2 code ("US-WI"), so a governor, a court or a protest there is coded by the
country, as the countries' capitals already are.

Written rules of the conversion:

1. First-level subdivisions only (no parent): districts and municipalities are too many, and
   their names collide with the world's towns.
2. Latin-script names only; a bracketed part is dropped ("Guerrero (state)") and an index form
   keeps the name before its comma ("Dagestan, Respublika" is Dagestan).
3. A name that is an ordinary English word is dropped (the Phoenix conversion's test: both
   Webster's and WordNet list it in lowercase, "Central", "Western", "Centre"), as is a name of
   two letters or fewer, and a name that is a word of direction or of a kind of place
   (`GENERIC_NAMES`: "Eastern", "South", "Gulf", "Delta", "Lakes"), which the test keeps because
   Webster's also lists them capitalised ("the Gulf", "the South"): in news they name no one
   province of Papua New Guinea or Uganda.
4. A name with accents also gets its unaccented spelling ("Ile-de-France" beside "Île-de-France"),
   as news often writes it.
5. At load time the hand-made gazetteer and the Phoenix tables win: a name another entity has
   ("Georgia" the country, "Victoria" the capital of the Seychelles) is not a subdivision's
   (`kg.gazetteer.merge_generated` drops it and reports it).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from kg.errors import RulesError
from kg.gazetteer import COUNTRIES_FILE, read_yaml
from kg.paths import ontology_dir

TABLE = "subdivisions.jsonl"
# words of direction and of kinds of place, in English and in the French names ISO uses
GENERIC_NAMES = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
    "est", "ouest", "nord", "sud", "gulf", "delta", "lakes", "coast", "maritime", "cascades", "highlands", "islands",
    "capital", "interior", "littoral", "plateau", "plateaux", "savannah", "savanes", "mountains", "valley",
})
_BRACKET = re.compile(r"\s*\([^)]*\)\s*")


def _is_latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") for c in text if c.isalpha())


def entries(states: dict[str, str] | None = None) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """(gazetteer entries, dropped (name, reason)) for every first-level subdivision, sorted by key.

    `states` maps a country key to the state it acts for (countries.yaml's `country`): a dependent
    territory's subdivisions (Greenland's municipalities) are places of its sovereign, as it is."""
    states = states or {}
    try:
        import pycountry
    except ImportError as error:
        raise RulesError("regenerating the subdivisions needs pycountry: pip install -e '.[gazetteer]'") from error
    from kg.dictionaries.phoenix import is_ordinary_word

    out: list[dict[str, Any]] = []
    dropped: list[tuple[str, str]] = []
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            dropped.append((sub.name, "no country of that code"))
            continue
        name = " ".join(_BRACKET.sub(" ", sub.name).split(",")[0].split())
        if not name or not _is_latin(name) or "(" in name:
            dropped.append((sub.name, "not a Latin-script name"))
            continue
        if len(name) <= 2 or (" " not in name and is_ordinary_word(name)):
            dropped.append((sub.name, "an ordinary English word"))
            continue
        if name.lower() in GENERIC_NAMES:
            dropped.append((sub.name, "a word of direction or of a kind of place"))
            continue
        plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        out.append({"key": sub.code, "label": name, "kind": "Location", "country": states.get(country.alpha_3, country.alpha_3),
                    "aliases": list(dict.fromkeys([name, plain]))})
    out.sort(key=lambda e: e["key"])
    return out, sorted(set(dropped))


def convert(vendor: Path, out: Path) -> list[Path]:
    """Write ontology/subdivisions.jsonl from pycountry (`vendor` is not read: pycountry is the source) and the
    states ontology/countries.yaml makes territories act for."""
    import pycountry

    countries = read_yaml(ontology_dir() / COUNTRIES_FILE)
    rows, dropped = entries({e["key"]: e["country"] for e in countries})
    head = "\n".join([
        "# GENERATED by `python -m kg.dictionaries`: do not edit by hand (edit the converter: kg/dictionaries/subdivisions.py).",
        f"# Source: pycountry {getattr(pycountry, '__version__', '')}, the ISO 3166-2 subdivisions of Debian's iso-codes",
        "#   (licence LGPL-2.1-or-later), first level only. Merged at load time after the hand-made and Phoenix tables,",
        f"#   which win (kg/gazetteer.py). {len(rows)} entries; {len(dropped)} names left out by the rules of the converter.",
        "#   A dependent territory's subdivisions act for its state, as ontology/countries.yaml has the territory.",
    ]) + "\n"
    path = out / TABLE
    path.write_text(head + "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in rows), encoding="utf-8")
    return [path]
