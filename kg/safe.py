"""Text made safe for where it goes: XML 1.0 files, spreadsheet cells, terminals and error messages.

Article text can hold anything (control characters, escape sequences, a cell
that reads `=HYPERLINK(...)`), and so can a server's error page. Every output
kg writes for another program or a person passes through one of these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import InputError

_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 does not allow anywhere in a document, escaped or not (its `Char` production)."""


def xml_text(text: str) -> str:
    """The text with every character XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates,
    U+FFFE/U+FFFF) replaced by U+FFFD, so a parser reads it back; "A\\x01B" -> "A\\ufffdB"."""
    return _XML_FORBIDDEN.sub("\ufffd", text)


def xml_safe_network(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the network with `xml_text` applied to node ids, edge keys and every text attribute, for
    GEXF/GraphML: whatever the articles held, XML parsers read the file back."""
    def clean(value: Any) -> Any:
        return xml_text(value) if isinstance(value, str) else value

    out = nx.MultiDiGraph()
    out.graph.update({k: clean(v) for k, v in g.graph.items()})
    for node, data in g.nodes(data=True):
        out.add_node(clean(node), **{k: clean(v) for k, v in data.items()})
    for u, v, key, data in g.edges(keys=True, data=True):
        out.add_edge(clean(u), clean(v), key=clean(key), **{k: clean(x) for k, x in data.items()})
    return out


_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""


def spreadsheet_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: one starting with = + - @ tab or CR gets a leading `'`
    (OWASP's advice), unless it is a plain number such as -3 or +1.5, which no spreadsheet runs."""
    if text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


_TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
"""Controls (escape sequences start with ESC or CSI), line and paragraph separators, and the marks that
reorder text on screen (bidirectional overrides and isolates): each could make a line show what it does not hold."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str) -> str:
    """The text with terminal controls written as escapes: "\\x1b[31m" prints as `\\x1b[31m`, not in red."""
    return _TERMINAL_UNSAFE.sub(_escape, text)


MESSAGE_CHARS = 200
"""How much of a server's error body a message shows."""

_SECRET_PATTERNS = (
    # a header echoed back: "Authorization: Basic YWxp..." (any auth scheme), cookies
    re.compile(r"(?i)\b((?:proxy-)?authorization|cookie|set-cookie|x-api-key)(\s*[:=]\s*)(\"?)[^\r\n\"]*"),
    # a credential on its own: "Bearer eyJ...", "Basic YWxp..."
    re.compile(r"(?i)\b(basic|bearer|digest|token)(\s+)()[A-Za-z0-9+/=._~-]{6,}"),
    # a URL or form field: password=..., token=..., api_key=...
    re.compile(r"(?i)\b(password|passwd|pwd|token|access_token|api[_-]?key|secret)(\s*[=:]\s*)(\"?)[^&\s\"',;}]+"),
)


def scrub(text: str, secrets: Iterable[str] = (), limit: int = MESSAGE_CHARS) -> str:
    """A server's text fit for a one-line message: known secrets and credential-looking values replaced by
    `***`, whitespace runs (line breaks too) made one space, cut at `limit` characters, controls escaped."""
    for secret in sorted({s for s in secrets if s and len(s) >= 3}, key=len, reverse=True):
        text = text.replace(secret, "***")
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}***", text)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return terminal_text(text)


def render_file(source: Any, target: Path, *, format: str = "html", **options: Any) -> Any:
    """Draw the network of `source` (a graph, or what else `kg.render.render` draws) to `target` as that does,
    but all-or-nothing: a failure keeps the previous file."""
    from kg.files import write_all
    from kg.render import render

    drawn: list[Any] = []

    def draw(path: Path) -> None:
        try:
            drawn.append(render(source, path, format=format, **options))
        except InputError as error:
            if isinstance(error.__cause__, OSError):  # a disk error: let write_all name the target, not the temporary
                raise error.__cause__ from None
            raise

    write_all({Path(target): draw})
    return drawn[0]
