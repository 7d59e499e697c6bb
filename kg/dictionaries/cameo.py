"""Convert PETRARCH-2's CAMEO verb dictionary and the CAMEO-to-PLOVER table into kg's rule tables.

Reads `vendor/petrarch2/CAMEO.2.0.txt` and `vendor/plover/CAMEO2PLOVER-2021.txt`
(never at run time) and writes two generated tables under `ontology/`:

- `cameo_verbs.jsonl`: the synonym sets, and each verb block with its verbs (phrasal
  verbs as word sequences) and its patterns parsed into elements (words, synonym sets,
  noun phrases `{...}`, prepositional phrases `(...)`, source `$`, target `+` and skip
  `^` slots), each with its CAMEO code for the active and the passive voice;
- `cameo_codes.jsonl`: every CAMEO code the dictionary uses, with its PLOVER type, mode
  and context and the kg action type it becomes.

`kg/lexicon.py` compiles these tables into the matcher the event rules use.

Upstream problems are resolved by written rules, each counted in the converter's
summary (see `Conversion.dropped`):

1. A verb listed in several blocks belongs to the block named after it, else to the
   first block that lists it, which gives its own code; the patterns of its other blocks
   whose comment names it were written for it and apply to it too (`also`: "REOPEN" is in
   RE_ESTABLISH, with "* RELATIONS", and in START, whose "* EMBASSY  # OPEN , REOPEN"
   opens an embassy; not START's patterns written for other verbs). PETRARCH keeps
   whichever listing it reads last, so its codes depended on file order.
2. A code that is not two to four digits or `---` (`[080!]`) drops its pattern.
3. A pattern naming an undefined synonym set is dropped, as PETRARCH does.
4. The compound-actor marker `%` and the verb-on-verb transformations (`~` lines) are
   not converted: kg's attribution rules cover what the transformations code.
5. `[a:b]` means code `a` in the active voice and `b` in the passive (PETRARCH's
   reading); an empty side (`[:110]`) codes nothing in that voice; `[---]` is a
   negative rule: the pattern matches, and no event is coded.
6. Words are matched as complete words against a token's lemma or lower-case form,
   so PETRARCH's generated plurals are not needed: `_` marks (no plural, or words that
   must be consecutive) only keep their second meaning.
7. A pattern coding intent to meet (036) on a verb that performs the meeting ("met with
   leaders", "made a visit") takes the meeting's code (`MEETINGS_CODED_AS_INTENT`).
8. Signing a law or a decree enacts it (`ENACTMENTS`): kg codes what the instrument does
   ("signed a decree banning ..."), not an agreement (057) or a demand (100) with whatever it names;
   appointing a minister fills one's own office (`APPOINTMENTS`), no cooperation (060) with it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import RulesError

VERBS_FILE = "cameo_verbs.jsonl"
CODES_FILE = "cameo_codes.jsonl"
DROPPED_FILE = "cameo_dropped.tsv"
SOURCE = "petrarch2/CAMEO.2.0.txt"
PLOVER_SOURCE = "plover/CAMEO2PLOVER-2021.txt"

_CODE = re.compile(r"^(?:\d{2,4}|---)$")
_COMMENT = re.compile(r"[#;].*$")  # "#" and the legacy ";" start a comment anywhere: no dictionary word holds them

REVERSED_PATTERNS = frozenset({("APPEAR", "* (IN COURT)")})
"""Patterns whose active code makes the one acted on its source: "X appeared in court" would have X arrest
(173) someone; its siblings "(BEFORE COURT)", "(AT HEARING)" are coded for the passive only. Left out."""

ENACTMENTS = frozenset({("SIGN", "* LAW"), ("SIGN", "* DECREE")})
"""Patterns that code signing one's own law or decree as signing an agreement (057) or as a demand (100) with
whoever the instrument names: "signed a decree dissolving parliament" demanded nothing of parliament. kg's rules
give the signer what the instrument does (`instrument_nouns` in rules.yaml). Left out."""

APPOINTMENTS = frozenset({("NAME", "* MINISTER"), ("NAME", "* (AS MINISTER)")})
"""Patterns that code appointing a minister as material cooperation (060) with the government appointed to:
"Haiti's transitional council appointed a new prime minister" cooperated with no one. Left out."""

MEETINGS_CODED_AS_INTENT = {
    ("MEET_PEOPLE", "* (WITH LEADERS)"): "040", ("MEET_PEOPLE", "* (FOR TALKS)"): "040", ("MEET_PEOPLE", "* (AT)"): "040",
    ("MAKE", "* STOP (IN)"): "042", ("MAKE", "* VISIT"): "042", ("MAKE", "* TRIP"): "042",
    ("START", "* TRIP"): "042", ("GO_SOMEWHERE", "* (ON TOUR) (TO) +"): "042",
    ("OVERSEE_MANAGE", "* DELEGATION"): "042", ("SEND", "* {FOREIGN MINISTER}"): "040",
    ("HOST", "* SUMMIT (WITH)"): "043",
}
"""Patterns upstream codes 036 (express intent to meet) on a verb that performs the meeting or the trip: "Modi met
with opposition leaders", "made a visit to Japan", "led a delegation to Pyongyang", "hosted a summit with ASEAN".
An intent is told by the clause around the verb, which kg reads ("plans to meet" is planned), so these take the
code of the meeting itself: 040 (consult), 042 (make a visit), 043 (host a visit). (A team or a mission sent or
led is left as it is: "a police mission to Haiti" is no visit.)"""

# The action vocabulary (docs: actions.md) names these CAMEO codes for its subtypes and
# keeps sanctions under SANCTION, where PLOVER 2021 moved code 163 to COERCE.
SUBTYPE_CODES = {"057": "SignAgreement", "072": "SupplyWeapons", "09": "Investigate"}
VOCABULARY_CODES = {"163": "Sanction"}
PLOVER_ACTIONS = {
    "AGREE": "Agree", "CONSULT": "Consult", "SUPPORT": "Support", "COOPERATE": "Cooperate", "AID": "Aid",
    "CONCEDE": "Concede", "RETREAT": "Retreat", "ACCUSE": "Accuse", "REQUEST": "Request", "REJECT": "Reject",
    "THREATEN": "Threaten", "PROTEST": "Protest", "MOBILIZE": "Mobilize", "SANCTION": "Sanction",
    "COERCE": "Coerce", "ASSAULT": "Assault",
}
"""PLOVER type -> kg action type (the top-level types of the action vocabulary)."""
APPEAL_ROOT = "02"
"""CAMEO 02 (appeal) has no row in CAMEO2PLOVER; the vocabulary codes it as REQUEST, with 10."""
STATEMENT_ROOT = "01"
"""CAMEO 01 (public statements) is no PLOVER event: such codes give no event."""


@dataclass
class Conversion:
    """What one conversion produced, with the upstream entries it dropped and why."""

    synsets: dict[str, list[list[str]]] = field(default_factory=dict)
    blocks: list[dict[str, Any]] = field(default_factory=list)
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    dropped: dict[str, list[str]] = field(default_factory=dict)

    def drop(self, reason: str, what: str) -> None:
        """Record an upstream entry left out (or recoded), under the written rule that changes it."""
        self.dropped.setdefault(reason, []).append(what)


# ------------------------------------------------------------------ lines


def _clean(line: str) -> str:
    """A line without its comment (`#`, or the legacy `;`) and surrounding blanks."""
    return _COMMENT.sub("", line.rstrip("\n")).strip()


def _words(text: str) -> list[str]:
    """Upstream words of a phrase ("IS_TO", "KRONE_") as lower-case words; `_` and blanks both separate."""
    return [w.lower() for w in re.split(r"[_\s]+", text.strip()) if w]


def _codes(text: str) -> tuple[str | None, str | None, bool]:
    """`[a]` -> (a, None, False); `[a:b]` -> (a or None, b or None, True). Raises ValueError if malformed."""
    active, colon, passive = text.partition(":")
    active, passive = active.strip(), passive.strip()
    for code in (active, passive):
        if code and not _CODE.match(code):
            raise ValueError(code)
    if not colon:
        if not active:
            raise ValueError(text)
        return active, None, False
    return active or None, passive or None, True


# ------------------------------------------------------------------ patterns

_TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


def _term(word: str, synsets: dict[str, list[list[str]]]) -> dict[str, Any]:
    """One pattern word: a synonym set reference, or alternatives (`A/B`) of words or `_`-joined phrases."""
    if word.startswith("&"):
        name = word[1:].rstrip("_")
        if name not in synsets:
            raise KeyError(name)
        return {"syn": name}
    return {"any": [_words(alt) for alt in word.split("/") if _words(alt)]}


PREPOSITIONS = frozenset({"to", "from", "against", "with", "on", "in", "into", "toward", "towards", "by", "at",
                          "for", "of", "over", "onto", "upon", "across", "through", "inside", "near", "within"})


def _elements(tokens: Iterable[str], synsets: dict[str, list[list[str]]]) -> list[Any]:
    """Pattern tokens -> elements: "$", "+", "^", {"syn"|"any": ...}, {"np": [terms]}, {"pp": [...], "in": [...]}.

    Rule 7: a bare preposition before a slot, in the older linear style ("* FROM $ TO +"),
    is that slot's prepositional phrase, as the bracketed style writes "(FROM $) (TO +)".
    """
    out: list[Any] = []
    for tok in tokens:
        if tok in ("$", "+", "^"):
            last = out[-1] if out else None
            if isinstance(last, dict) and "any" in last and all(len(a) == 1 and a[0] in PREPOSITIONS for a in last["any"]):
                out[-1] = {"pp": [a[0] for a in last["any"]], "in": [tok]}
                continue
            out.append(tok)
        elif tok == "%":
            raise NotImplementedError("%")
        elif tok.startswith("{"):
            inner = tok[1:-1].split()
            if not inner:
                continue
            out.append({"np": [_term(w, synsets) for w in inner]})
        elif tok.startswith("("):
            inner = tok[1:-1].split()
            if not inner:
                continue
            prep = [w.lower() for w in inner[0].split("/")]
            # "(IN &DETENTION)", "(OF {BANNED PARTIES})": braces inside a phrase are a noun phrase too
            rest = " ".join(inner[1:])
            out.append({"pp": prep, "in": _elements(_TOKEN.findall(rest), synsets)})
        else:
            out.append(_term(tok, synsets))
    return out


def parse_pattern(text: str, synsets: dict[str, list[list[str]]]) -> dict[str, Any]:
    """A pattern line's body ("$ TROOP * TOWARD + [154]") -> {before, after, code, passive, voiced}.

    Raises ValueError for a malformed code, KeyError for an undefined synonym set and
    NotImplementedError for the unsupported `%` marker.
    """
    body, _, code = text.rpartition("[")
    if not _ or "]" not in code:
        raise ValueError("no code")
    active, passive, voiced = _codes(code[: code.index("]")])
    before, star, after = body.partition("*")
    if not star:
        raise ValueError("no verb marker *")
    return {
        "before": _elements(_TOKEN.findall(before), synsets),
        "after": _elements(_TOKEN.findall(after), synsets),
        "code": active,
        "passive": passive,
        "voiced": voiced,
    }


# ------------------------------------------------------------------ the dictionary


def parse_dictionary(text: str, conversion: Conversion | None = None) -> Conversion:
    """Parse the whole CAMEO verb dictionary text into synonym sets and blocks (rules 1-6 above)."""
    conv = conversion or Conversion()
    lines = text.splitlines()
    section = "header"
    synset: str | None = None
    block: dict[str, Any] | None = None
    for n, raw in enumerate(lines, 1):
        if raw.startswith("####### SYNONYM SETS"):
            section = "synsets"
            continue
        if raw.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            section = "transformations"
            continue
        line = _clean(raw)
        if not line or section == "header":
            continue
        if section == "transformations":
            if line.startswith("~"):
                conv.drop("transformation (not converted)", f"line {n}: {line}")
            continue
        if line.startswith("&"):
            synset = line[1:].rstrip("_")
            conv.synsets[synset] = []
            continue
        if line.startswith("+") and synset is not None and block is None:
            phrase = _words(line[1:])
            if phrase and phrase not in conv.synsets[synset]:
                conv.synsets[synset].append(phrase)
            continue
        synset = None
        if line.startswith("---"):
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)  # "[110]---  ---" occurs upstream
            if not m:
                raise RulesError(f"{SOURCE}: line {n}: malformed verb block header {line!r}")
            try:
                active, passive, voiced = _codes(m.group(2).strip())
            except ValueError:
                raise RulesError(f"{SOURCE}: line {n}: malformed code in verb block header {line!r}") from None
            block = {"name": m.group(1), "line": n, "code": active, "passive": passive, "voiced": voiced,
                     "verbs": [], "patterns": []}
            conv.blocks.append(block)
            continue
        if block is None:
            raise RulesError(f"{SOURCE}: line {n}: {line!r} outside a verb block")
        if line.startswith("-"):
            key = (block["name"], line[1:].strip().split("[")[0].strip())
            if key in REVERSED_PATTERNS:
                conv.drop("source and target reversed upstream", f"line {n}: {line}")
                continue
            if key in ENACTMENTS:
                conv.drop("signing a law or a decree enacts it: coded by what it does", f"line {n}: {line}")
                continue
            if key in APPOINTMENTS:
                conv.drop("appointing a minister fills one's own office: no cooperation", f"line {n}: {line}")
                continue
            recode = MEETINGS_CODED_AS_INTENT.get(key)
            try:
                pattern = parse_pattern(line[1:].strip(), conv.synsets)
            except KeyError as exc:
                conv.drop("undefined synonym set", f"line {n}: {line} (&{exc.args[0]})")
                continue
            except NotImplementedError:
                conv.drop("compound actor % (not converted)", f"line {n}: {line}")
                continue
            except ValueError:
                conv.drop("malformed code or pattern", f"line {n}: {line}")
                continue
            if recode and pattern["code"] == "036":  # (a block may list a pattern twice: "START * TRIP [042:043]")
                pattern.update(code=recode, passive=recode if pattern["voiced"] else None)
                conv.drop("intent to meet (036) on a verb that performs the meeting: recoded", f"line {n}: {line} -> {recode}")
            block["patterns"].append({"line": n, **pattern, "for": _written_for(raw)})
            continue
        verb, code = _verb_line(line)
        if verb is None:
            conv.drop("malformed verb line", f"line {n}: {line}")
            continue
        try:
            active, passive, voiced = _codes(code) if code is not None else (None, None, False)
        except ValueError:
            conv.drop("malformed code or pattern", f"line {n}: {line}")
            continue
        block["verbs"].append({"words": verb, "line": n, "code": active, "passive": passive, "voiced": voiced})
    _assign_verbs(conv)
    return conv


def _written_for(raw: str) -> frozenset[tuple[str, ...]]:
    """The verbs a pattern line's comment names ("[054]  # OPEN , REOPEN" -> open, reopen): whom it was written for."""
    m = re.search(r"#(.*)$", raw)
    names = (part.strip().split(" ")[0] for part in m.group(1).split(",")) if m else ()
    return frozenset(tuple(_words(name.lstrip("+"))) for name in names if re.fullmatch(r"\+?[A-Z][A-Z_-]*", name))


def _verb_line(line: str) -> tuple[list[str] | None, str | None]:
    """ "+ASK_FOR {+ASKED_FOR ...} [020]" -> (["ask", "for"], "020"); irregular forms are left to the lemmatizer."""
    code = None
    m = re.search(r"\[([^\]]*)\]\s*$", line)
    if m:
        code = m.group(1).strip()
        line = line[: m.start()].strip()
    line = re.sub(r"\{[^}]*\}", "", line).strip()
    if not line or " " in line:
        return None, None
    if line.startswith("+"):
        line = line[1:]
    elif "+" in line:
        return None, None  # the verb word is not first: not used upstream
    words = _words(line)
    return (words or None), code


def _assign_verbs(conv: Conversion) -> None:
    """Rule 1: every verb in exactly one block (its own-name block, else the first that lists it), with the
    lines of its other blocks' patterns written for it, which apply to it too.

    A verb listed twice in one block keeps its first line (and its own code there).
    """
    listings: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for block in conv.blocks:
        for verb in block["verbs"]:
            blocks = listings.setdefault(tuple(verb["words"]), [])
            if not any(b is block for b in blocks):
                blocks.append(block)
    for words, blocks in listings.items():
        own = [b for b in blocks if _words(b["name"]) == list(words)]
        keep = (own or blocks)[0]
        also = [p["line"] for b in blocks if b is not keep for p in b["patterns"] if words in p["for"]]
        if also:
            next(v for v in keep["verbs"] if tuple(v["words"]) == words)["also"] = also
        for block in blocks:
            mine = [v for v in block["verbs"] if tuple(v["words"]) == words]
            for v in mine[1:] if block is keep else mine:
                block["verbs"].remove(v)
                if block is not keep:
                    conv.drop("verb listed in several blocks (kept in the block named after it, else the first, "
                              "with the other blocks' patterns written for it)",
                              f"line {v['line']}: {' '.join(words)} in {block['name']}, kept in {keep['name']}")


# ------------------------------------------------------------------ CAMEO -> PLOVER -> kg action


def parse_plover_table(text: str) -> dict[str, tuple[str, str, str] | None]:
    """CAMEO2PLOVER lines "0231: AGREE, , economic # ..." -> {code: (PLOVER type, mode, context)}.

    Root rows ("04: CONSULT") are kept too. A code listed twice with different types is
    ambiguous and maps to None (root 08 is both CONCEDE and RETREAT): never guessed.
    """
    table: dict[str, tuple[str, str, str] | None] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")] + ["", ""]
        row = (parts[0], parts[1], parts[2])
        if not parts[0]:
            continue
        if m.group(1) in table and (table[m.group(1)] or row)[0] != parts[0]:
            table[m.group(1)] = None
        else:
            table.setdefault(m.group(1), row)
    return table


def code_row(code: str, table: dict[str, tuple[str, str, str] | None]) -> dict[str, Any] | None:
    """The table row of a CAMEO code: its own, else its parent's (3 digits, then the root); None for 01 codes
    and for codes whose nearest row is ambiguous.

    CAMEO 02 (appeals) has no row: it is REQUEST, as the action vocabulary says.
    """
    if code.startswith(STATEMENT_ROOT):
        return None
    key = next((k for k in (code, code[:3], code[:2]) if k in table), None)
    if key is not None:
        if table[key] is None:
            return None
        plover, mode, context = table[key]
    elif code.startswith(APPEAL_ROOT):
        plover, mode, context = "REQUEST", "", ""
    else:
        return None
    action = VOCABULARY_CODES.get(code)
    if action is None:
        action = next((a for prefix, a in SUBTYPE_CODES.items() if code.startswith(prefix)), None)
    if action is None:
        action = PLOVER_ACTIONS.get(plover)
    if action is None:
        return None
    return {"plover": plover, "mode": mode or None, "context": context or None, "action": action}


def code_table(conv: Conversion, table: dict[str, tuple[str, str, str] | None]) -> dict[str, dict[str, Any] | None]:
    """Every code the dictionary uses -> its row (None: codes no event)."""
    used: set[str] = set()
    for block in conv.blocks:
        for entry in [block] + block["verbs"] + block["patterns"]:
            used.update(c for c in (entry["code"], entry["passive"]) if c)
    return {code: code_row(code, table) for code in sorted(used - {"---"})}


# ------------------------------------------------------------------ writing

LICENCE = ("Licence: MIT (vendor/petrarch2/LICENSE), Open Event Data Alliance. CAMEO codes mapped through\n"
           "CAMEO2PLOVER-2021 (github.com/openeventdata/PLOVER commit 5e0c24fb), Open Event Data Alliance,\n"
           "licence CC BY-SA 4.0: this table is shared under the same licence.")


def _header(sources: list[str], notes: list[str]) -> str:
    from kg.dictionaries import header

    return header("python -m kg.dictionaries", sources, LICENCE, notes)


def _line(record: dict[str, Any]) -> str:
    """One JSON Lines record: codes like "090" stay strings, and the bytes are the same on every run."""
    return json.dumps(record, ensure_ascii=False)


def render_verbs(conv: Conversion) -> str:
    """The text of cameo_verbs.jsonl: provenance, synonym sets, then each block, its verbs and its patterns.

    Elements of a pattern: "$" source, "+" target, "^" any noun phrase; {"syn": NAME};
    {"any": [[word, ...], ...]} (alternatives, each a word or consecutive words);
    {"np": [modifier terms..., head term]}; {"pp": [prepositions], "in": [elements]}.
    `code` applies to the active voice, and to both voices unless `voiced`; a voiced entry
    codes `passive` in the passive voice (`[a:b]` upstream). A null code codes no event.
    A verb's `also` gives the lines of patterns of other blocks that list it, written for it, which apply to it too.
    """
    notes = (render_verbs.__doc__ or "").split("\n\n", 1)[1].strip().splitlines()
    lines = [_header(["vendor/" + SOURCE], [n.strip() for n in notes]).rstrip("\n")]
    lines += [_line({"synset": name, "phrases": phrases}) for name, phrases in conv.synsets.items()]
    for block in conv.blocks:
        head = {k: block[k] for k in ("line", "code", "passive", "voiced")}
        lines.append(_line({"block": block["name"], **head}))
        lines += [_line({"verb": v["words"], "block": block["name"], **{k: v[k] for k in ("line", "code", "passive", "voiced")},
                         **({"also": v["also"]} if v.get("also") else {})})
                  for v in block["verbs"]]
        lines += [_line({"pattern": {"before": p["before"], "after": p["after"]}, "block": block["name"],
                         **{k: p[k] for k in ("line", "code", "passive", "voiced")}}) for p in block["patterns"]]
    return "\n".join(lines) + "\n"


def render_codes(codes: dict[str, dict[str, Any] | None]) -> str:
    """The text of cameo_codes.jsonl: provenance, then one code a line (a null action codes no event: CAMEO 01)."""
    lines = [_header(["vendor/" + SOURCE, "vendor/" + PLOVER_SOURCE],
                     ["A null action codes no event (CAMEO 01, public statements)."]).rstrip("\n")]
    lines += [_line({"code": code, **(row or {"plover": None, "mode": None, "context": None, "action": None})})
              for code, row in codes.items()]
    return "\n".join(lines) + "\n"


def convert(vendor: Path, ontology: Path) -> list[Path]:
    """Read the vendored files; write cameo_verbs.jsonl, cameo_codes.jsonl and cameo_dropped.tsv into `ontology`."""
    conv = convert_tables(vendor)
    paths = [ontology / VERBS_FILE, ontology / CODES_FILE, ontology / DROPPED_FILE]
    paths[0].write_text(render_verbs(conv), encoding="utf-8")
    paths[1].write_text(render_codes(conv.codes), encoding="utf-8")
    paths[2].write_text(render_dropped(conv), encoding="utf-8")
    return paths


def convert_tables(vendor: Path) -> Conversion:
    """The parsed dictionary and its code table, from the vendored files."""
    try:
        text = (vendor / SOURCE).read_text(encoding="utf-8")
        plover = (vendor / PLOVER_SOURCE).read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(f"{exc.filename}: cannot read the vendored dictionary: {exc.strerror}") from exc
    conv = parse_dictionary(text)
    conv.codes = code_table(conv, parse_plover_table(plover))
    return conv


def render_dropped(conv: Conversion) -> str:
    """What the written rules left out of the upstream dictionary, a row per entry: reason, upstream entry."""
    lines = [_header(["vendor/" + SOURCE], ["What the written rules of kg/dictionaries/cameo.py leave out, and why."]).rstrip("\n"),
             "reason\tentry"]
    lines += [f"{reason}\t{' '.join(item.split())}" for reason, items in sorted(conv.dropped.items()) for item in items]
    return "\n".join(lines) + "\n"
