"""The Phoenix actor and agent dictionaries (PETRARCH-2) -> kg's gazetteer and agent tables.

Reads vendor/petrarch2/Phoenix.{Countries,International,MilNonState}.actors.txt and
Phoenix.agents.txt (syntax: the files' headers and PETRARCH-2's dictionaries.rst) and writes,
under ontology/:

- phoenix_countries.jsonl, phoenix_international.jsonl, phoenix_nonstate.jsonl: gazetteer entries
  (the fields of actors.yaml, plus `sector` and dated `roles`), one JSON object a line after a
  `#` comment header (JSON parses ten times faster than YAML, and a line is an entry, so the
  tables diff well), merged at load time into the hand-made actors.yaml and countries.yaml,
  which win (see kg/gazetteer.py);
- agents.tsv: agent nouns ("riot police", "militiamen") and the sector each gives;
- phoenix_dropped.tsv: everything upstream that the rules below leave out, and why.

Upstream syntax converted: an actor's primary phrase and `+synonym` lines; its codes, undated
(`[AFGGOV]`, `[ELI]`), dated (`[USAGOV 450703-470121]`), open-ended (`[AFGGOV >011222]`,
`[X <950101]`); YYMMDD dates read as 20YY up to 30, else 19YY (PETRARCH's rule); agents with
their code (`[~GOV]`, `[NGO~]`), regular and `{}` irregular plurals, `!PERSON!` substitution sets.

Written rules for upstream problems (each drop is a row of phoenix_dropped.tsv):
1. A name (normalised) that two different Phoenix actors carry is ambiguous: dropped from both;
   records with the same name and the same acting country are one actor (upstream repeats some).
2. A one-word name of a person that begins other people's full names ("Hassan": Hassan Rouhani,
   Hassan Nasrallah) is a given name, not theirs alone: dropped. A one-word name that is an
   ordinary English word is dropped as well: title-cased at a sentence start
   it would match ("Bush", "Rice", "Ban"). Ordinary means that two independent dictionaries list
   its lowercase form: Webster's Second (english-words' web2 list, where proper nouns are
   capitalised) and WordNet (spaCy's English lemmatizer index).
3. A country block's synonyms that are not names of that country in countries.yaml are either
   spellings of the state (they share a word stem of four letters with one of its names:
   "AFGANISTAN") or places in it (provinces, cities: "+HELMAND"): Locations acting for the country.
4. A role whose date is not a calendar date, or whose country code is unknown (not ISO, not in
   phoenix_codes.yaml), is dropped; an actor left with no role that acts for anyone is dropped.
5. Companies (MNC) are out of scope; names with commas are index forms ("KOREA,_NORTH"); a
   parenthesis names an acronym ("(AAIA)": kept as a name) or a disambiguating place ("(BOLIVIA)":
   dropped from the name).
6. A title before a name ("+PRESIDENT_KARZAI_", "+RUSSIAN_PRESIDENT_PUTIN") is not a name: such a
   synonym is dropped (the NER finds the name inside); a primary phrase is kept ("DEAN_BARROW"
   starts with a first name).
7. A country and an agent noun of the actor's own state sector ("US_PRESIDENT_ [USAGOV]",
   "PRESIDENT_OF_THE_UNITED_STATES_") name an office that the agents table gives in any text
   (the country in that sector): not a name of its own. With another sector the name stays
   ("SYRIAN_NATIONAL_COUNCIL_ [SYROPP]" is not Syria's government; "KOSOVO_LIBERATION_ARMY" is a
   group of its own, not any Kosovar rebels).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kg.dictionaries import header
from kg.paths import ontology_dir
from kg.errors import RulesError
from kg.gazetteer import COUNTRIES_FILE, normalize
from kg.model import Role
from kg.roles import role_at

COMMAND = "python -m kg.dictionaries"
UPSTREAM = "petrarch2"
COUNTRIES_SRC = "Phoenix.Countries.actors.txt"
INTERNATIONAL_SRC = "Phoenix.International.actors.txt"
NONSTATE_SRC = "Phoenix.MilNonState.actors.txt"
AGENTS_SRC = "Phoenix.agents.txt"

COUNTRIES_OUT = "phoenix_countries.jsonl"
INTERNATIONAL_OUT = "phoenix_international.jsonl"
NONSTATE_OUT = "phoenix_nonstate.jsonl"
AGENTS_OUT = "agents.tsv"
DROPPED_OUT = "phoenix_dropped.tsv"
GENERATED = (COUNTRIES_OUT, INTERNATIONAL_OUT, NONSTATE_OUT)
"""The gazetteer tables this converter writes, in the order the gazetteer loads them."""

CODES_FILE = Path(__file__).with_name("phoenix_codes.yaml")
SECTORS_FILE = "sectors.yaml"

MIT = "Licence: MIT (vendor/petrarch2/LICENSE), Copyright (c) 2014 Open Event Data Alliance; Philip A. Schrodt."
LICENCES = {
    COUNTRIES_SRC: MIT + "\nThe countries file was generated upstream from CountryInfo.140130.txt, licensed CC BY-SA 3.0\n"
                         "(attribution: Philip A. Schrodt, CountryInfo): this table is shared under CC BY-SA 3.0 as well.",
    INTERNATIONAL_SRC: MIT,
    NONSTATE_SRC: MIT + "\nOrganisation names derive from the START TOPS database (University of Maryland).",
    AGENTS_SRC: MIT,
}

# ------------------------------------------------------------------ parsing the upstream syntax

_COMMENT = re.compile(r"<!--.*?-->|#.*$")
_RESTRICTION = re.compile(r"\[([^\]]*)\]")
_CODE = re.compile(r"^[A-Z0-9~-]+$")


@dataclass(frozen=True)
class Restriction:
    """One `[CODE DATES]` of an actor: its CAMEO code and the ISO dates it holds between (None: open)."""

    code: str
    start: str | None = None
    end: str | None = None


@dataclass
class Record:
    """One actor as written upstream: its phrases (primary first) and restrictions, with its line."""

    line: int
    names: list[str] = field(default_factory=list)
    restrictions: list[Restriction] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_date(text: str) -> str:
    """ISO date of an upstream YYMMDD or YYYYMMDD date; YY up to 30 is 20YY (as KEDS/TABARI/PETRARCH).

    >>> parse_date("450703"), parse_date("011222"), parse_date("20041207")
    ('1945-07-03', '2001-12-22', '2004-12-07')
    """
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"not a YYMMDD or YYYYMMDD date: {text!r}")
    if len(text) == 6:
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    return date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()


def parse_restriction(body: str) -> Restriction:
    """A restriction's inside: `CODE`, `CODE date-date`, `CODE >date` or `CODE <date`; ValueError if malformed."""
    parts = body.split(None, 1)
    if not parts or not _CODE.match(parts[0]):
        raise ValueError(f"not a code: [{body}]")
    code = parts[0]
    if len(parts) == 1:
        return Restriction(code)
    spec = parts[1].replace(" ", "")
    if spec[0] == ">":
        return Restriction(code, start=parse_date(spec[1:]))
    if spec[0] == "<":
        return Restriction(code, end=parse_date(spec[1:]))
    first, sep, last = spec.partition("-")
    if not sep:
        raise ValueError(f"not a date range: [{body}]")
    start, end = parse_date(first), parse_date(last)
    if start > end:
        raise ValueError(f"ends before it starts: [{body}]")
    return Restriction(code, start, end)


def parse_actors(text: str) -> list[Record]:
    """Records of an actor file: a phrase line, then `+synonym` lines, then indented restrictions.

    Restrictions may also stand on the phrase line itself (`UN_ [IGOUNO]`, `X  [A 1-2] [B]`).
    A malformed restriction is noted in the record's `problems` and left out.
    """
    records: list[Record] = []
    current: Record | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", raw).rstrip()
        if not line.strip():
            continue
        phrase = _RESTRICTION.sub(" ", line).strip()
        if line.lstrip().startswith("+"):
            if current is None:
                continue  # a synonym before any actor: nothing to attach it to
            current.names.append(phrase[1:].strip())
        elif phrase:
            current = Record(number, [phrase])
            records.append(current)
        if current is None:
            continue
        for body in _RESTRICTION.findall(line):
            try:
                current.restrictions.append(parse_restriction(body.strip()))
            except ValueError as error:
                current.problems.append(f"line {number}: {error}")
    return records


@dataclass(frozen=True)
class Agent:
    """One agent noun phrase (lowercase words), the code it adds and whether the code goes before the actor's."""

    phrase: str
    code: str
    line: int


_SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
_AGENT = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]")


def plural(word: str) -> str:
    """Regular English plural of a noun: -es after s/x/z/ch/sh, -ies after a consonant and y, else -s.

    Upstream's own rule adds -ies after any y ("attornies"); a vowel before y keeps it: "attorneys".
    """
    lower = word.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _phrase(text: str) -> str:
    """Upstream phrase -> lowercase words separated by one space ("RIOT_POLICE_" -> "riot police")."""
    return " ".join(re.split(r"[_\s]+", text.strip().strip("_"))).lower()


def parse_agents(text: str) -> tuple[list[Agent], list[tuple[int, str, str]]]:
    """Agents (every singular and plural form) and the lines left out, as (line, text, reason).

    `X {}`: no plural; `X {A B}`: the irregular plurals A and B; otherwise the regular plural of
    the last word. `!SET!` markers expand to every member of the set, with no plural formed.
    """
    sets: dict[str, list[str]] = {}
    agents: list[Agent] = []
    skipped: list[tuple[int, str, str]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", raw).strip()
        if not line:
            continue
        sub = _SUBSTITUTION.match(line)
        if sub:
            sets[sub.group(1)] = [m.strip() for m in sub.group(2).split(",") if m.strip()]
            continue
        m = _AGENT.match(line)
        if not m or not m.group("code").strip("~ "):
            skipped.append((number, line, "no agent code"))
            continue
        code = m.group("code").strip().replace(" ", "")
        phrase = m.group("phrase")
        markers = re.findall(r"!(\w+)!", phrase)
        if markers:
            unknown = [k for k in markers if k not in sets]
            if unknown:
                skipped.append((number, line, f"unknown substitution set !{unknown[0]}!"))
                continue
            forms = [phrase]
            for marker in dict.fromkeys(markers):
                forms = [f.replace(f"!{marker}!", member) for f in forms for member in sets[marker]]
            # "POLICE!PERSON!" is one word, "FOREIGN_!MINIST!" two: the marker joins as written
        else:
            singular = _phrase(phrase)
            if m.group("plural") is None:
                words = singular.split(" ")
                forms = [singular, " ".join([*words[:-1], plural(words[-1])])]
            else:
                forms = [singular, *(_phrase(p) for p in m.group("plural").split())]
        for form in forms:
            form = _phrase(form)
            if not form or not form.replace(" ", "").replace("-", "").replace("'", "").replace(".", "").isalnum():
                skipped.append((number, line, f"not a noun phrase: {form!r}"))
                continue
            agents.append(Agent(form, code, number))
    return agents, skipped


IDENTITY_SECTORS = frozenset({"MUS", "CHR", "JEW", "HIN", "BUD", "REL", "ETH", "ETN"})
"""Agent codes that say what faith or people someone is of, not what they do."""


def agent_sector(code: str) -> str:
    """The primary sector of an agent code: `~GOVMED` -> GOV, `NGO~` -> NGO; a faith or a people first and a
    function after is the function (`~MUSUAF`, "Islamic militants", -> UAF; `~MUSRAD` -> RAD): what the agents
    do is what an event needs, and a faith alone places no one in a country."""
    codes = code.strip("~")
    first, second = codes[:3], codes[3:6]
    # (a denomination after a faith is still a faith: `~CHRMAR`, Maronites)
    return second if first in IDENTITY_SECTORS and second in _FUNCTION_SECTORS else first


# ------------------------------------------------------------------ names

_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "at", "a", "an", "by", "with", "against"})
_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "ar", "az", "bin", "ibn", "bint", "de", "del", "della",
                        "der", "den", "di", "da", "dos", "das", "du", "la", "le", "van", "von", "y", "e"})


def _cap(part: str) -> str:
    """One name part capitalised: "KARZAI" -> "Karzai", "MCCAIN" -> "McCain", "O'KENNEDY" -> "O'Kennedy"."""
    p = part.lower()
    p = p[:1].upper() + p[1:]
    if p.startswith("Mc") and len(p) > 2:
        p = "Mc" + p[2].upper() + p[3:]
    if len(p) > 2 and p[1] == "'" and p[0] in "OD":
        p = p[:2] + p[2].upper() + p[3:]
    return p


def name_forms(words: list[str]) -> list[str]:
    """Written forms of an upstream name (words in capitals): title case, and the variants news uses.

    Title case keeps two-letter non-particles ("UN", "US") and dotted initials ("U.N.") in capitals
    and function words in lowercase; variants lowercase particles ("Bashar al-Assad") and hyphenated
    second parts ("Ban Ki-moon"). A one-word name also keeps its capitals: an acronym or a surname.
    """
    def word(w: str, i: int, lower_particles: bool, lower_after_hyphen: bool) -> str:
        lw = w.lower()
        if "." in w or any(c.isdigit() for c in w):
            return w
        if i > 0 and lw in _FUNCTION_WORDS:
            return lw
        if len(w) == 2 and lw not in _PARTICLES and lw not in _FUNCTION_WORDS and w.isalpha():
            return w
        parts = w.split("-")
        out = []
        for j, part in enumerate(parts):
            lp = part.lower()
            if lower_particles and lp in _PARTICLES and (i > 0 or j > 0):
                out.append(lp)
            elif lower_after_hyphen and j > 0 and not (lower_particles and parts[j - 1].lower() in _PARTICLES):
                out.append(lp)
            else:
                out.append(_cap(part))
        return "-".join(out)

    forms = []
    for particles, hyphen in ((False, False), (True, False), (False, True)):
        forms.append(" ".join(word(w, i, particles, hyphen) for i, w in enumerate(words)))
    if len(words) == 1 and words[0].isalpha() and words[0].isupper() and len(words[0]) <= 5:
        forms.append(words[0])  # an acronym ("IAEA", "ANSF") as written
    return list(dict.fromkeys(forms))


def split_name(raw: str, place_names: frozenset[str]) -> tuple[list[list[str]], str | None]:
    """Upstream phrase -> the names it gives (each a list of words in capitals), or a reason to drop it.

    "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" gives the name and the acronym AAIA; in
    "NATIONAL_LIBERATION_ARMY_(BOLIVIA)_" the parenthesis only says where, and is dropped.
    """
    text = raw.strip()
    if "," in text:
        return [], "an index form with a comma"
    names: list[list[str]] = []
    for inside in re.findall(r"\(([^)]*)\)", text):
        words = [w for w in re.split(r"[_\s]+", inside) if w]
        if len(words) == 1 and len(words[0]) <= 6 and normalize(words[0]) not in place_names:
            names.append(words)
    text = re.sub(r"\([^)]*\)", " ", text)
    words = [w for w in re.split(r"[_\s]+", text) if w and w != "-"]
    while words and words[0].upper() == "THE":
        words = words[1:]
    if not words:
        return names, None if names else "no name"
    if not any(c.isalpha() for w in words for c in w):
        return names, "no letters"
    return [words, *names], None


# ------------------------------------------------------------------ codes

@dataclass(frozen=True)
class Codes:
    """How to read CAMEO actor codes: countries (ISO keys and exceptions), IGOs, sectors."""

    iso: frozenset[str]
    countries: dict[str, str]
    transnational: frozenset[str]
    igos: dict[str, str]
    out_of_scope: frozenset[str]
    sectors: frozenset[str]

    def read(self, code: str) -> tuple[str | None, str | None, str | None]:
        """(country or organisation key, sector, reason it is unusable) of one code.

        "AFGGOVJUD" -> (AFG, GOV); "USAASMGOV" -> (ASM, GOV) (a territory with its own ISO code);
        "IGOUNOKID" -> (UNICEF, None); "ELI" -> (None, ELI); "IMGMUSALQ" -> (None, IMG).
        """
        triplets = [code[i:i + 3] for i in range(0, len(code), 3)]
        head, rest = triplets[0], triplets[1:]
        if code == "---":
            return None, None, None  # the null code: acts for no one
        if head in self.out_of_scope:
            return None, None, "out of scope"
        if head in self.sectors and head not in ("IGO", "NGO", "IMG"):
            return None, head, None
        if head == "IGO":
            key = None
            for t in rest:
                key = self.igos.get(t, key)
            sector = next((t for t in rest if t in self.sectors), None)
            return key, sector, None
        if head in ("NGO", "IMG") or head in self.transnational:
            return None, head if head in ("NGO", "IMG") else next((t for t in rest if t in self.sectors), None), None
        country = self.countries.get(head, head if head in self.iso else None)
        if country is None:
            return None, None, f"unknown country code {head}"
        if rest and rest[0] not in self.sectors and rest[0] in self.iso:
            country, rest = rest[0], rest[1:]  # USAASM: American Samoa, ISO code ASM
        return country, next((t for t in rest if t in self.sectors), None), None


def load_codes(ontology: Path) -> Codes:
    """The code tables: phoenix_codes.yaml, the keys of countries.yaml and the sectors of sectors.yaml."""
    data = yaml.safe_load(CODES_FILE.read_text(encoding="utf-8"))
    countries = yaml.load((ontology / COUNTRIES_FILE).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    sectors = yaml.safe_load((ontology / SECTORS_FILE).read_text(encoding="utf-8"))
    return Codes(frozenset(e["key"] for e in countries), dict(data["countries"]), frozenset(data["transnational"]),
                 dict(data["igos"]), frozenset(data["out_of_scope"]), frozenset(s["code"] for s in sectors))


# ------------------------------------------------------------------ ordinary words


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[frozenset[str], frozenset[str]]:
    """Webster's Second as listed (proper nouns capitalised) and WordNet's lemmas (lowercase)."""
    try:
        from english_words import get_english_words_set
    except ImportError as error:
        raise RulesError("regenerating the Phoenix tables needs english-words: pip install -e '.[dictionaries]'") from error
    from spacy.lookups import load_lookups

    web2 = frozenset(w for w in get_english_words_set(["web2"]) if w.islower())
    try:
        index = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
    except Exception:  # spacy-lookups-data not installed: the model's lemmatizer carries the table
        import spacy

        from kg.nlp import model_name

        nlp = spacy.load(model_name(), exclude=["tok2vec", "tagger", "parser", "ner", "senter", "attribute_ruler"])
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    wordnet = frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index[pos])
    return web2, wordnet


def is_ordinary_word(word: str) -> bool:
    """True when both dictionaries list the word in lowercase and Webster's does not list it capitalised.

    "Bush", "Rice", "Dawn", "Guardian" are ordinary; "Karzai", "Hamas" are in neither; "Boston",
    "Geneva", "Baku" are capitalised in Webster's (a proper noun first, whatever else they mean).
    """
    web2, wordnet = _dictionaries()
    lower = word.lower()
    return lower in web2 and lower in wordnet and lower.capitalize() not in _capitalised()


@lru_cache(maxsize=1)
def _capitalised() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"]) if w[:1].isupper())


# ------------------------------------------------------------------ conversion


@dataclass
class Actor:
    """One actor on its way to a gazetteer entry."""

    source: str
    line: int
    kind: str
    names: list[str]
    roles: list[Role]
    type: str | None = None
    key: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class Report:
    """What the conversion left out, as rows (source, line, name, reason)."""

    rows: list[tuple[str, int, str, str]] = field(default_factory=list)

    def drop(self, source: str, line: int, name: str, reason: str) -> None:
        self.rows.append((source, line, name, reason))


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded))[:60].strip("-") or "x"


def _roles(record: Record, codes: Codes, source: str, report: Report) -> list[tuple[Role, str]]:
    """Each restriction as a Role with the upstream code, the unusable ones reported and left out."""
    for problem in record.problems:
        report.drop(source, record.line, record.names[0], f"role dropped: {problem}")
    out = []
    for r in record.restrictions:
        country, sector, problem = codes.read(r.code)
        if problem == "out of scope":
            continue  # the whole record is reported once
        if problem:
            report.drop(source, record.line, record.names[0], f"role [{r.code}] dropped: {problem}")
            continue
        out.append((Role(country, sector, r.start, r.end), r.code))
    return out


def _titled(name: str, titles: frozenset[str], owners: frozenset[str]) -> bool:
    """Rule 6: a title before a name ("President Karzai", "Russian President Putin") is not a name.

    A title is an agent noun phrase, after an optional country, capital or demonym; it must be
    followed by more words ("US Secretary of Defense" names an office and stays).
    """
    words = normalize(name).split()
    start = 0
    for n in (2, 1):
        if len(words) > n and " ".join(words[:n]) in owners:
            start = n
            break
    return any(" ".join(words[start:end]) in titles for end in range(start + 1, len(words)))


def _office(name: str, agents: dict[str, str], owners: frozenset[str]) -> str | None:
    """Rule 7: the sector of the agent noun in a country + agent name ("US President", "President of the
    United States"), which the agents table resolves in any text as that country's sector; else None."""
    words = normalize(name).split()
    for n in (1, 2, 3):
        if len(words) > n and " ".join(words[:n]) in owners and " ".join(words[n:]) in agents:
            return agents[" ".join(words[n:])]
        if len(words) > n + 1 and " ".join(words[-n:]) in owners and words[-n - 1] in ("of", "the"):
            head = " ".join(w for w in words[:-n] if w not in ("of", "the"))
            if head in agents:
                return agents[head]
    return None


def convert_records(records: list[Record], source: str, codes: Codes, agents: frozenset[str],
                    countries: dict[str, dict], report: Report, titles: frozenset[str] = frozenset(),
                    agent_sectors: dict[str, str] | None = None) -> list[Actor]:
    """Upstream records of one file -> actors with kind, roles and names (before the cross-file rules)."""
    place_names = frozenset(normalize(n) for e in countries.values()
                            for n in [e["label"], *e.get("aliases", []), *e.get("capitals", [])])
    owners = place_names | {normalize(n) for e in countries.values() for n in e.get("demonyms", [])}
    agent_sectors = agent_sectors or {}
    actors: list[Actor] = []
    for record in records:
        roles_codes = _roles(record, codes, source, report)
        codes_used = [r.code for r in record.restrictions]
        if any(c[:3] in codes.out_of_scope for c in codes_used):
            report.drop(source, record.line, record.names[0], "a company: out of scope")
            continue
        if not record.restrictions:
            report.drop(source, record.line, record.names[0], "no code: a null actor upstream")
            continue
        names: list[str] = []
        for raw in record.names:
            parts, reason = split_name(raw, place_names)
            if reason:
                report.drop(source, record.line, raw, f"name dropped: {reason}")
            for words in parts:
                names.extend(name_forms(words))
        names = list(dict.fromkeys(names))
        roles = [role for role, _ in roles_codes]
        if not names:
            continue
        # a country block: codes that name one country and no sector, dated or not ("[AFG]"; "[USAASM]",
        # American Samoa; "[IRQ <20030320] [IRQ >20060520]"): people and bodies always have a sector
        is_block = source == COUNTRIES_SRC and bool(roles) and len({r.country for r in roles}) == 1 \
            and roles[0].country is not None and not any(r.sector for r in roles)
        if not is_block:
            # only synonyms: a primary phrase that starts like a title may be a first name ("Dean Barrow")
            titled = [n for n in names[1:] if _titled(n, titles, owners) and normalize(n) != normalize(names[0])]
            for name in titled:
                report.drop(source, record.line, name, "name dropped: a title before a name")
            default = role_at(roles, None)
            sector = default.sector if default else None
            offices = [n for n in names if sector in _STATE_SECTORS and _office(n, agent_sectors, owners) == sector]
            for name in offices:
                report.drop(source, record.line, name, "name dropped: a country's office, which the agents table gives")
            names = [n for n in names if n not in titled and n not in offices]
            if not names:
                continue
        if is_block:
            actors.extend(_country_block(record, names, roles[0].country, countries, source, report))
            continue
        roles = [_of_state(role, countries) for role in roles]
        actors.append(_actor(record, source, names, roles, codes_used, codes, agents))
    return actors


def _of_state(role: Role, countries: dict[str, dict]) -> Role:
    """The role as its state holds it: a territory's code ("USAPRIGOV") acts for the state that
    countries.yaml makes it a place of (CAMEO's own convention for the codes it spells so)."""
    entry = countries.get(role.country or "")
    if entry is None or entry.get("kind", "Country") == "Country" or entry.get("country", role.country) == role.country:
        return role
    return Role(entry["country"], role.sector, role.start, role.end)


def _actor(record: Record, source: str, names: list[str], roles: list[Role], codes_used: list[str], codes: Codes,
           agents: frozenset[str]) -> Actor:
    """An actor that is not a country: a person, a body, an armed group, an IGO or an NGO."""
    dated = any(r.start or r.end for r in roles)
    words = names[0].lower().split()
    # a body or an office: an institution word anywhere ("Communist Party of China"), or, undated, a head
    # noun that is an agent of an institutional sector ("US Secretary of Defense", "Assad Forces");
    # a surname that is an agent of another sector ("Bishop", "Man") does not make a person a body
    institution = any(w in _INSTITUTION_WORDS for w in words) or (not dated and any(
        " ".join(words[-n:]) in agents for n in (1, 2, 3)))
    leading = codes_used[0][:3] if codes_used else ""
    if source == NONSTATE_SRC:
        kind = "ArmedGroup"
    elif institution or (source == INTERNATIONAL_SRC and not dated and leading in ("IGO", "NGO", "MED")):
        kind = "Organization"
    else:
        kind = "Person"
    if kind != "Person" and " " not in names[0] and names[0].upper() in names:
        names = [names[0].upper(), *(n for n in names if n != names[0].upper())]  # "ASEAN", not "Asean"
    actor = Actor(source, record.line, kind, names, roles)
    if kind != "Person":
        # a body acts for the organisation or country of its code; one coded IGO/NGO/IMG with no known
        # parent, or transnational, acts for itself
        role = role_at(roles, None)
        actor.sector = role.sector if role else None
        if leading == "NGO":
            actor.type = "ngo"
        elif leading == "IGO":
            actor.type = "igo"
        elif actor.sector == "MED" or leading == "MED":
            actor.type = "media"
        elif kind == "Organization" and actor.sector in ("GOV", "COP", "JUD", "LEG", "SPY"):
            actor.type = "government"
        elif kind == "Organization" and actor.sector == "MIL":
            actor.type = "military"
        elif actor.sector == "PTY":
            actor.type = "party"
        actor.country = role.country if role else None
        actor.roles = []  # a body's code is what it is, not a dated office
    else:
        role = role_at(roles, None)
        actor.country = role.country if role else None
        actor.sector = role.sector if role else None
    return actor


_INSTITUTION_WORDS = frozenset({
    "organization", "organisation", "agency", "front", "group", "party", "movement", "army", "brigade", "brigades",
    "council", "committee", "union", "association", "federation", "network", "foundation", "institute", "fund",
    "bank", "commission", "court", "office", "programme", "program", "forces", "force", "league", "alliance",
    "corps", "guard", "guards", "service", "ministry", "department", "parliament", "assembly", "government",
    "university", "police", "navy", "secretariat", "tribunal", "mission", "coalition", "authority", "bureau",
    "administration", "regime", "cabinet", "junta", "family", "clan", "dynasty", "loyalists", "supporters"})
"""Words that make a name a body's, wherever they stand."""

_GENERIC_STEMS = frozenset({"repu", "demo", "unit", "king", "isla", "peop", "stat", "nort", "sout", "east", "west",
                            "new", "sain", "fede", "cent", "arab", "comm", "grea", "terr", "prin", "sult", "emir",
                            "unio", "soci", "coun", "free", "auto", "regi"})
"""Stems of generic words in country names ("Republic", "Islands", "North"): no evidence of a spelling."""


def _stems(names: Iterable[str]) -> set[str]:
    return {w[:4] for n in names for w in normalize(n).replace("'", " ").split() if len(w) >= 4} - _GENERIC_STEMS


def _country_block(record: Record, names: list[str], key: str, countries: dict[str, dict], source: str,
                   report: Report) -> list[Actor]:
    """A country and its synonyms: spellings of the state stay names of the country; places become Locations.

    A dependent territory (a place of its state in countries.yaml) stays that place, and its other places
    are its state's."""
    entry = countries.get(key)
    if entry is None:
        report.drop(source, record.line, record.names[0], f"country {key} is not in {COUNTRIES_FILE}")
        return []
    known = {normalize(n) for n in [entry["label"], *entry.get("aliases", []), *entry.get("capitals", []),
                                    *entry.get("demonyms", [])]}
    own = {normalize(n) for n in [entry["label"], *entry.get("aliases", []), names[0]]}  # names, not capitals
    stems = _stems([entry["label"], *entry.get("aliases", []), *entry.get("demonyms", []), names[0]])
    state: list[str] = []
    places: list[Actor] = []
    for name in names:
        norm = normalize(name)
        if norm in known or (_stems([name]) & stems) or name is names[0] or _similar(norm, own):
            state.append(name)
        elif normalize(name) not in {normalize(n) for p in places for n in p.names}:
            places.append(Actor(source, record.line, "Location", [name], [], country=entry.get("country", key)))
    # a place named in several spellings upstream stays one place per spelling: they cannot be told apart
    return [Actor(source, record.line, entry.get("kind", "Country"), state, [], key=key, country=entry.get("country", key)),
            *places]


def _similar(norm: str, known: Iterable[str]) -> bool:
    """A misspelling of a known name ("afgjanistan"): difflib's ratio of at least 0.8 with one of them."""
    return any(SequenceMatcher(None, norm, k).ratio() >= 0.8 for k in known if abs(len(k) - len(norm)) <= 3)


def _compatible(a: Actor, b: Actor) -> bool:
    """Two records of one name can be one actor: the same kind, and never acting for two countries at once.

    Catherine Ashton is British until 2009 in the countries file and the EU's from 2009 in the
    international one: one person. Two namesakes with undated roles in two countries are not.
    """
    if a.kind != b.kind:
        return False
    if a.kind != "Person":
        return a.country == b.country
    for r in a.roles:
        for q in b.roles:
            if r.country == q.country:
                continue
            if not (r.start or r.end) and not (q.start or q.end):
                return False
            if (r.start or r.end) and (q.start or q.end) and (r.start or "0000") <= (q.end or "9999") \
                    and (q.start or "0000") <= (r.end or "9999"):
                return False
    return True


def _merge_duplicates(actors: list[Actor], report: Report) -> list[Actor]:
    """Rule 1, first half: records of one first name that can be one actor (`_compatible`) are merged."""
    by_name: dict[str, list[Actor]] = defaultdict(list)
    out = []
    for actor in actors:
        if actor.kind in ("Country", "Location"):
            out.append(actor)
            continue
        same = by_name[normalize(actor.names[0])]
        first = next((a for a in same if _compatible(a, actor)), None)
        if first is None:
            same.append(actor)
            out.append(actor)
            continue
        first.names.extend(n for n in actor.names if n not in first.names)
        first.roles.extend(r for r in actor.roles if r not in first.roles)
        if first.kind == "Person":
            role = role_at(first.roles, None)
            first.country, first.sector = (role.country, role.sector) if role else (None, None)
        report.drop(actor.source, actor.line, actor.names[0], f"repeats the actor of {first.source} line {first.line}")
    return out


def _drop_names(actors: list[Actor], report: Report) -> list[Actor]:
    """Rules 1 (a name of two actors) and 2 (an ordinary word); an actor left without names is dropped."""
    owners: dict[str, set[int]] = defaultdict(set)
    given: set[str] = set()  # first words of people's full names: "Hassan" of "Hassan Rouhani"
    for n, actor in enumerate(actors):
        for name in actor.names:
            owners[normalize(name)].add(n)
            if actor.kind == "Person" and " " in normalize(name):
                given.add(normalize(name).split()[0])
    out = []
    for n, actor in enumerate(actors):
        kept = []
        for name in actor.names:
            norm = normalize(name)
            if len(owners[norm]) > 1 and actor.kind != "Country":
                others = sorted({f"{actors[m].source} line {actors[m].line}" for m in owners[norm] if m != n})
                report.drop(actor.source, actor.line, name, f"ambiguous: also a name of {others[0]}"
                            + (f" and {len(others) - 1} more" if len(others) > 1 else ""))
            elif actor.kind == "Person" and " " not in norm and norm in given:
                report.drop(actor.source, actor.line, name, "a lone name that is other people's given name")
            elif " " not in norm and "-" not in name and not name.isupper() and is_ordinary_word(norm) \
                    and actor.kind != "Country":
                # an all-capitals form ("DAWN") matches only capitals, never a sentence's first word
                report.drop(actor.source, actor.line, name, "an ordinary English word")
            else:
                kept.append(name)
        # upstream writes a plural possessive without its apostrophe ("TIGRAY_PEOPLES_LIBERATION_FRONT"): news
        # writes "Tigray People's Liberation Front"; added where no other actor has the name
        for name in list(kept):
            variant = _POSSESSIVE.sub(lambda m: POSSESSIVES[m.group(0).lower()], name)
            if variant != name and not owners.get(normalize(variant)) and variant not in kept:
                kept.append(variant)
        actor.names = kept
        if kept:
            out.append(actor)
        elif actor.kind != "Country":
            report.drop(actor.source, actor.line, "", "no name left")
    return out


POSSESSIVES = {"peoples": "People's", "workers": "Workers'", "womens": "Women's", "childrens": "Children's"}
"""Plural possessives the upstream tables write without an apostrophe, as news writes them."""
_POSSESSIVE = re.compile(r"\b(?:Peoples|Workers|Womens|Childrens)\b(?= [A-Z])", re.IGNORECASE)


def _assign_keys(actors: list[Actor]) -> None:
    """Keys: countries keep ISO codes, places COUNTRY-slug, people slugs, IGOs their acronym, others slugs.

    Two actors wanting one key both take their country code as a suffix, then a short hash of
    their first name and line: keys depend on the data, never on the order of processing.
    """
    def wanted(actor: Actor) -> str:
        if actor.kind == "Location":
            return f"{actor.country}-{_slug(actor.names[0])}"
        acronym = next((n for n in actor.names if re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", n)), None)
        return acronym if actor.type == "igo" and acronym else _slug(actor.names[0])

    keys = {id(a): a.key or wanted(a) for a in actors}
    fixed = {id(a) for a in actors if a.key}
    for suffix in (lambda a: a.country.lower() if a.country else None,
                   lambda a: hashlib.sha1(f"{a.names[0]}|{a.source}|{a.line}".encode()).hexdigest()[:6]):
        counts = Counter(keys.values())
        for actor in actors:
            key = keys[id(actor)]
            if counts[key] > 1 and id(actor) not in fixed and (end := suffix(actor)) and not key.endswith(f"-{end}"):
                keys[id(actor)] = f"{key}-{end}"
    for actor in actors:
        actor.key = keys[id(actor)]


def _entry(actor: Actor) -> dict[str, Any]:
    """A gazetteer entry (the fields of actors.yaml, sector and roles) in a fixed field order."""
    entry: dict[str, Any] = {"key": actor.key, "label": actor.names[0], "kind": actor.kind, "type": actor.type,
                             "country": actor.country if actor.country is not None else actor.key}
    if actor.sector:
        entry["sector"] = actor.sector
    entry["aliases"] = list(actor.names)
    if actor.roles:
        entry["roles"] = [[r.country, r.sector, r.start, r.end] for r in actor.roles]
    return entry


def convert(vendor: Path, out: Path) -> list[Path]:
    """Write the Phoenix tables from `vendor`/petrarch2 into `out`; return the paths written."""
    folder = vendor / UPSTREAM
    ontology = ontology_dir()
    codes = load_codes(ontology)
    countries = {e["key"]: e for e in yaml.load((ontology / COUNTRIES_FILE).read_text(encoding="utf-8"),
                                                Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))}
    report = Report()
    agents, skipped = parse_agents(_read(folder / AGENTS_SRC))
    for line, text, reason in skipped:
        report.drop(AGENTS_SRC, line, text, reason)
    agent_rows = _agent_rows(agents, report)
    agent_forms = frozenset(form for form, sector, _ in agent_rows if sector in _INSTITUTIONAL_SECTORS)
    titles = agent_forms | frozenset(form for form, sector, _ in agent_rows if sector == "ELI")
    actors: list[Actor] = []
    for source in (COUNTRIES_SRC, INTERNATIONAL_SRC, NONSTATE_SRC):
        actors.extend(convert_records(parse_actors(_read(folder / source)), source, codes, agent_forms, countries, report,
                                      titles, {form: sector for form, sector, _ in agent_rows}))
    actors = [a for a in actors if _acts(a, report)]
    actors = _drop_names(_merge_duplicates(actors, report), report)
    _assign_keys(actors)
    written = []
    for source, name in ((COUNTRIES_SRC, COUNTRIES_OUT), (INTERNATIONAL_SRC, INTERNATIONAL_OUT), (NONSTATE_SRC, NONSTATE_OUT)):
        entries = [_entry(a) for a in actors if a.source == source]
        entries.sort(key=lambda e: e["key"])
        head = header(COMMAND, [f"vendor/petrarch2/{source}", f"ontology/{COUNTRIES_FILE}", "ontology/sectors.yaml",
                                "kg/dictionaries/phoenix_codes.yaml"], LICENCES[source],
                      [f"{len(entries)} entries; merged at load time into the hand-made actors.yaml and countries.yaml,",
                       "which win (kg/gazetteer.py). What the conversion left out is in phoenix_dropped.tsv."])
        written.append(_write(out / name, head + "".join(_json_line(e) for e in entries)))
    head = header(COMMAND, [f"vendor/petrarch2/{AGENTS_SRC}"], LICENCES[AGENTS_SRC],
                  ["Columns: agent (lowercase words, singular and plural forms), sector (ontology/sectors.yaml),",
                   "code (the upstream agent code). One row per form; a form listed under two sectors keeps the first."])
    rows = [f"{form}\t{sector}\t{code}" for form, sector, code in agent_rows]
    written.append(_write(out / AGENTS_OUT, head + "agent\tsector\tcode\n" + "\n".join(rows) + "\n"))
    head = header(COMMAND, [f"vendor/petrarch2/{s}" for s in (COUNTRIES_SRC, INTERNATIONAL_SRC, NONSTATE_SRC, AGENTS_SRC)],
                  MIT, ["What the conversion of the Phoenix dictionaries leaves out, and why (kg/dictionaries/phoenix.py)."])
    dropped = sorted(set(report.rows))
    lines = ["\t".join((source, str(line), name.replace("\t", " "), reason)) for source, line, name, reason in dropped]
    written.append(_write(out / DROPPED_OUT, head + "source\tline\tname\treason\n" + "\n".join(lines) + "\n"))
    return written


_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
"""Sectors of a state's own organs: rule 7 applies to them, not to named groups ("Kosovo Liberation Army")."""

_INSTITUTIONAL_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB", "UAF", "OPP", "PTY", "MED", "BUS",
                                    "NGO", "IGO", "EDU", "HLH", "LAB", "DEV", "ENV", "HRI", "REF", "AGR"})
"""Sectors whose agent nouns name bodies and offices (not people's kinds: religion, elites, civilians)."""
_FUNCTION_SECTORS = _INSTITUTIONAL_SECTORS | {"RAD", "INS", "CRM"}
"""Sectors of what agents do, in institutions or outside them (radicals, insurgents, criminals): what a code
gives after a faith (`agent_sector`)."""


def _json_line(entry: dict[str, Any]) -> str:
    """One entry as one line of JSON, fields in the gazetteer's order, UTF-8 as is."""
    return json.dumps(entry, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def _acts(actor: Actor, report: Report) -> bool:
    """Rule 4's end: an actor that acts for no one at any date (and is no organisation of its own) is dropped."""
    if actor.kind in ("Country", "Location"):
        return True
    if actor.kind == "Person" and not any(r.country for r in actor.roles):
        report.drop(actor.source, actor.line, actor.names[0], "acts for no country or organisation")
        return False
    return True


def _agent_rows(agents: list[Agent], report: Report) -> list[tuple[str, str, str]]:
    """(form, sector, code) rows, sorted; a form listed twice keeps its first sector (rule in the header)."""
    first: dict[str, Agent] = {}
    for agent in agents:
        seen = first.get(agent.phrase)
        if seen is None:
            first[agent.phrase] = agent
        elif agent_sector(seen.code) != agent_sector(agent.code):
            report.drop(AGENTS_SRC, agent.line, agent.phrase,
                        f"also listed under {agent_sector(seen.code)} at line {seen.line}: the first is kept")
    return sorted((a.phrase, agent_sector(a.code), a.code) for a in first.values())


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RulesError(f"{path}: cannot read the upstream dictionary: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # a few upstream lines are Latin-1


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
