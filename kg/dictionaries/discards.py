"""Convert PETRARCH-2's discard list (vendor/petrarch2/Phoenix.discards.txt) into ontology/discards.yaml.

Upstream, a phrase marked `+` makes the whole story uncoded (sports, entertainment) and an
unmarked phrase its sentence. Written rules for what is converted:

1. Story-level phrases are kept as they are: they name sports competitions, clubs and
   players ("+CHAMPIONS LEAGUE", "+GOALKEEPER"), and a story naming one is not political news.
2. Sentence-level phrases that are years, dates or spans of time ("1914", "APRIL 1942",
   "YEARS AGO", "MONTHS LATER") are dropped: they kept TABARI from coding historical
   chronologies, which kg dates instead; a sentence saying "In 1979, revolutionaries seized
   the embassy" tells an event.
3. The other sentence-level phrases are kept; kg applies them to what the CAMEO dictionary
   codes only (its broad verbs, such as "hit" or "beat", code sports and storms as attacks),
   not to the hand-written rules.
4. A trailing `_` (a whole word, upstream) is dropped: every phrase is matched as whole words.
"""

from __future__ import annotations

import re
from pathlib import Path
from kg.errors import RulesError

SOURCE = "petrarch2/Phoenix.discards.txt"
TABLE = "discards.yaml"
MONTHS = ("JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER")
_TIME = re.compile(rf"^(?:\d+|(?:{MONTHS}) \d{{4}}|(?:\w+ )?(?:DAYS|WEEKS|MONTHS|YEARS) (?:AGO|LATER))$")


def parse_discards(text: str) -> tuple[dict[str, list[str]], list[str]]:
    """({"story": [...], "sentence": [...]}, dropped) from the upstream text, in file order, each once."""
    kept: dict[str, list[str]] = {"story": [], "sentence": []}
    dropped: list[str] = []
    for raw in text.splitlines():
        line = re.split(r"[#;]", raw, maxsplit=1)[0].strip()
        if not line:
            continue
        scope = "story" if line.startswith("+") else "sentence"
        phrase = " ".join(line.lstrip("+").split()).rstrip("_").strip()
        if not phrase:
            continue
        if scope == "sentence" and _TIME.match(phrase.upper()):
            dropped.append(phrase)  # rule 2
            continue
        phrase = phrase.lower()
        if phrase not in kept[scope]:
            kept[scope].append(phrase)
    return kept, dropped


def render(kept: dict[str, list[str]], dropped: int = 0) -> str:
    """The YAML text: one phrase a line, quoted, in upstream order, under the GENERATED header."""
    from kg.dictionaries import header

    lines = [header("python -m kg.dictionaries", ["vendor/" + SOURCE], "Open Event Data Alliance; licence MIT (vendor/petrarch2/LICENSE).",
                    ["Rules of the conversion: kg/dictionaries/discards.py "
                     f"({dropped} years and spans of time dropped).",
                     "story: a document naming one of these is no political news (no events at all);",
                     "sentence: a sentence naming one of these is not coded by the CAMEO verb dictionary."]).rstrip("\n")]
    for scope in ("story", "sentence"):
        lines.append(f"{scope}:")
        lines += [f"  - {_quote(p)}" for p in kept[scope]]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def convert(vendor: Path, ontology: Path) -> list[Path]:
    """Write ontology/discards.yaml from the vendored list."""
    try:
        text = (vendor / SOURCE).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise RulesError(f"{exc.filename}: cannot read the vendored discard list: {exc.strerror}") from exc
    kept, dropped = parse_discards(text)
    path = ontology / TABLE
    path.write_text(render(kept, len(dropped)), encoding="utf-8")
    return [path]
