"""Read input documents (.txt/.text/.md files, saved web pages, directories, .jsonl corpora, stdin) and mask boilerplate.

Only this module and `store` do input/output. Every problem a user can cause is
an `InputError` (exit code 2) with a one-line message naming the file (and the
line for .jsonl), or a one-line warning when the document can be skipped or
repaired without losing anything else:

- missing or unreadable path, unsupported file type, directory without any
  .txt/.text/.md/.jsonl file, `-` given twice, a `--date` that is not a date:
  `InputError`, raised by `read_documents` itself before anything is read;
- binary file (a NUL byte in its first 8 KiB), or a file in a directory that
  cannot be opened (dangling link, no permission): skipped with a warning;
- invalid UTF-8: decoded with U+FFFD replacement characters and a warning naming
  the file (and line) and the byte offset. Replacement keeps the rest of the
  article (usually a single Latin-1 quote or dash is at fault), and the warning
  says where to look;
- a UTF-8 byte order mark: stripped; a plain-text file that starts with a
  UTF-16 byte order mark (Windows Notepad's "Unicode") is decoded as UTF-16;
- empty or whitespace-only document, or a web page with no main text (or no
  HTML at all): skipped with a warning;
- a malformed .jsonl line (not JSON, not an object, no string `text`, a bad
  `date`, a field of the wrong type): `InputError` naming file:line, or with
  `skip_bad` a warning per line and a per-file summary of what was skipped
  (repeated warnings of one kind are shown ten times per file, then counted);
- the same id twice: with identical text the repeat is skipped with a warning;
  with different text the later document is renamed `<id>-2` (`-3`, ...) with a
  warning, so that no article is lost and no id names two texts;
- a directory whose files were all skipped: a warning naming it (each file
  already has its own); nothing readable at all: `InputError`.

Documents are yielded with their text exactly as read (offsets into it are the
evidence offsets); `mask_boilerplate` hides what the NLP stage must not see.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date as _date, datetime
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import IO, TextIO

import yaml

from kg.errors import InputError, RulesError
from kg.files import is_url, local_path
from kg.model import Document
from kg.paths import resolved_ontology_dir

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
BINARY_PROBE = 8192
"""A NUL byte within this many leading bytes marks a file as binary (as git and grep do)."""
MAX_LINE_WARNINGS = 10
"""Per-line warnings shown per file with `skip_bad`; the rest are only counted in the summary."""
STDIN = "-"
STDIN_NAME = "<stdin>"
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

Warn = Callable[[str], None]


def warn_stderr(message: str) -> None:
    """Default warning sink: one `Warning: ...` line on stderr."""
    print(f"Warning: {message}", file=sys.stderr)


# ---------------------------------------------------------------- dates and ids


def parse_date(value: str, *, what: str = "--date") -> str:
    """Validate a date given as YYYY-MM-DD or an ISO datetime and return YYYY-MM-DD.

    >>> parse_date("2024-11-14T08:30:00Z")
    '2024-11-14'
    """
    text = value.strip() if isinstance(value, str) else ""
    try:
        if _DATE_RE.fullmatch(text):
            return _date.fromisoformat(text).isoformat()
        if _DATE_RE.match(text) and text[10] in "T ":
            return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    raise InputError(f"{what}: {value!r} is not a date (expected YYYY-MM-DD)")


def derive_id(text: str) -> str:
    """A stable id for a document that has none: "doc-" and 12 hex digits of the text's SHA-1."""
    return "doc-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _digest(text: str) -> bytes:
    """SHA-1 of a text, to remember which texts were seen without keeping them."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()


def _decode(data: bytes, where: str, warn: Warn, unit: str = "") -> str:
    """Decode UTF-8, stripping a BOM; invalid bytes become U+FFFD with a warning naming `where`."""
    offset = 0
    if data.startswith(codecs.BOM_UTF8):
        data, offset = data[len(codecs.BOM_UTF8):], len(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        warn(f"{where}: invalid UTF-8 at byte {error.start + offset}{unit}; decoded with replacement characters (U+FFFD)")
        return data.decode("utf-8", "replace")


def _decode_utf16(data: bytes, where: str, warn: Warn) -> str:
    """Decode a UTF-16 text file that starts with its byte order mark (the BOM is dropped)."""
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as error:
        warn(f"{where}: invalid UTF-16 at byte {error.start}; decoded with replacement characters (U+FFFD)")
        return data.decode("utf-16", "replace")


# ---------------------------------------------------------------- planning (eager checks)


@dataclasses.dataclass(frozen=True)
class _Source:
    """One thing to read: a text file, a .jsonl file, stdin, or a directory's files."""

    kind: str  # "text" | "jsonl" | "stdin" | "dir"
    path: Path | None = None
    files: tuple[Path, ...] = ()


def _kind_of(path: Path) -> str | None:
    """The reader for a file by its suffix, or None when kg does not read that type."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    return None


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _is_readme(name: str) -> bool:
    """README.md and the like describe a corpus folder; they are not articles (name one to read it)."""
    return name.lower().split(".")[0] == "readme"


def _is_page_assets(name: str, files: list[str]) -> bool:
    """True for the folder a browser saves beside a web page ("Page_files" beside "Page.html"): its scripts,
    images and embedded frames (ads, widgets) are parts of that page, not articles."""
    stem = name[: -len("_files")] if name.endswith("_files") else None
    return stem is not None and any(f"{stem}{suffix}" in files for suffix in HTML_SUFFIXES)


def _walk(root: Path) -> tuple[Path, ...]:
    """Readable files under `root`, recursively, hidden ones skipped, sorted by relative path, a folder's
    corpus files before its text files: a corpus line carries a date and a title that a bare copy of the
    same article lacks, and the copy read second is the one skipped."""
    found: list[tuple[tuple[tuple[str, ...], bool, str], Path]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not _is_hidden(d) and not _is_page_assets(d, files)]
        for name in files:
            path = Path(folder, name)
            # only regular files: a FIFO or socket named *.txt would block the read forever
            if not _is_hidden(name) and not _is_readme(name) and _kind_of(path) is not None \
                    and (path.is_file() or not path.exists()):  # a dangling link is reported when read
                parts = path.relative_to(root).parts
                found.append(((parts[:-1], _kind_of(path) != "jsonl", parts[-1]), path))
    return tuple(path for _, path in sorted(found))


def _plan(source: str | Path) -> _Source:
    """Check one source exists and is of a readable type; list a directory's files."""
    if str(source) == STDIN:
        return _Source("stdin")
    path = Path(source)
    if path.is_dir():
        files = _walk(path)
        if not files:
            raise InputError(f"{path}: no readable documents in this directory (expected {_expected()} files)")
        return _Source("dir", path, files)
    if not path.exists():
        if is_url(str(source)):
            local_path(str(source))  # refused, and named as given: Path() would turn "https://" into "https:/"
        raise InputError(f"{source}: no such file or directory")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file or directory")
    if not os.access(path, os.R_OK):
        raise InputError(f"{path}: permission denied")
    kind = _kind_of(path)
    if kind is None:
        if path.suffix:
            raise InputError(f"{path}: unsupported file type {path.suffix!r} (expected {_expected()})")
        kind = "text"  # a name without extension is taken as plain text
    return _Source(kind, path)


def _expected() -> str:
    return ", ".join((*TEXT_SUFFIXES, *HTML_SUFFIXES, *JSONL_SUFFIXES))


def count_documents(sources: Sequence[str | Path]) -> int | None:
    """How many documents `read_documents` will read from `sources`, for a progress bar: one per file and one per
    non-blank .jsonl line (those it will skip included); None when stdin is among them. Checks them as it does."""
    plan = [_plan(source) for source in sources]
    if any(p.kind == "stdin" for p in plan):
        return None
    files = [(f, _kind_of(f)) for p in plan for f in p.files] + [(p.path, p.kind) for p in plan if p.kind != "dir"]
    return sum(_lines(path) if kind == "jsonl" else 1 for path, kind in files if path is not None)


def _lines(path: Path) -> int:
    """Non-blank lines of a file (0 when it cannot be read: reading it will say why)."""
    try:
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0


# ---------------------------------------------------------------- reading


def read_documents(
    sources: Sequence[str | Path],
    *,
    date: str | None = None,
    skip_bad: bool = False,
    stdin: TextIO | IO[bytes] | None = None,
    warn: Warn | None = None,
) -> Iterator[Document]:
    """Yield the documents of files, directories, .jsonl corpora and `-` (stdin), one at a time.

    Args:
        sources: paths, or "-" for stdin. Directories are read recursively in
            sorted order (.txt/.text/.md/.html/.htm/.jsonl; hidden files, README.*
            and the `X_files` folder a browser saves beside `X.html` skipped).
        date: YYYY-MM-DD for plain-text documents, and for .jsonl records and
            web pages without a date of their own.
        skip_bad: skip malformed .jsonl lines with a warning instead of failing.
        stdin: stream read for "-" (default `sys.stdin`); JSON Lines when its
            first non-blank character is `{`, a web page when it starts with
            `<!DOCTYPE html` or `<html`, otherwise one plain-text document.
        warn: receives one-line warnings (default: `Warning: ...` on stderr).

    Returns:
        An iterator of `Document`s; a .jsonl corpus is streamed line by line.

    Raises:
        InputError: at once for a missing path, unsupported file type, empty
            directory, bad `date` or "-" twice; while reading for a malformed
            .jsonl line (without `skip_bad`) or when nothing readable was found.

    Example: `list(read_documents(["articles/"], date="2024-11-14"))`.
    """
    doc_date = parse_date(date) if date is not None else None
    if not sources:
        raise InputError("no input documents given")
    plan = [_plan(source) for source in sources]
    if sum(1 for p in plan if p.kind == "stdin") > 1:
        raise InputError("'-' (stdin) can be given only once")
    return _read(plan, doc_date, skip_bad, stdin, warn or warn_stderr)


def _read(plan: list[_Source], date: str | None, skip_bad: bool, stdin, warn: Warn) -> Iterator[Document]:
    """Read the planned sources in order, dropping or renaming duplicate ids."""
    admit = _Dedup(warn)
    total = 0
    for source in plan:
        count = 0
        for where, doc in _read_source(source, date, skip_bad, stdin, warn):
            doc = admit(doc, where)
            if doc is not None:
                count += 1
                yield doc
        if count == 0 and source.kind == "dir":
            warn(f"{source.path}: no readable documents in this directory")
        total += count
    admit.warn.summarise("duplicate ids")
    if total == 0:
        names = ", ".join(STDIN_NAME if p.kind == "stdin" else str(p.path) for p in plan)
        raise InputError(f"no readable documents in {names}")


def _read_source(source: _Source, date: str | None, skip_bad: bool, stdin, warn: Warn) -> Iterator[tuple[str, Document]]:
    """(where, document) pairs of one planned source; `where` names the file (and line) for messages."""
    if source.kind == "stdin":
        yield from _read_stdin(stdin, date, skip_bad, warn)
    elif source.kind == "dir":
        for path in source.files:
            yield from _read_file(path, _kind_of(path) or "text", date, skip_bad, warn)
    else:
        assert source.path is not None
        yield from _read_file(source.path, source.kind, date, skip_bad, warn)


class _Capped:
    """Pass on the first few warnings of one kind and count the rest, so a huge corpus cannot flood stderr."""

    def __init__(self, warn: Warn, limit: int = MAX_LINE_WARNINGS) -> None:
        self.warn, self.limit, self.count = warn, limit, 0

    def __call__(self, message: str) -> None:
        self.count += 1
        if self.count <= self.limit:
            self.warn(message)

    def summarise(self, what: str) -> None:
        """One closing line for the warnings that were counted but not shown."""
        hidden = self.count - self.limit
        if hidden > 0:
            self.warn(f"{what}: {hidden} more not shown ({self.count} in all)")


class _Dedup:
    """Skip a repeated (id, text); rename a reused id with different text to `<id>-2`, `-3`, ...

    Memory per document is one id and one 64-bit digest, so millions of documents fit.
    """

    def __init__(self, warn: Warn) -> None:
        self.warn = _Capped(warn)
        self.used: set[str] = set()
        self.seen: dict[int, str] = {}
        self.suffix: dict[str, int] = {}

    def __call__(self, doc: Document, where: str) -> Document | None:
        key = int.from_bytes(_digest(doc.id + "\0" + doc.text)[:8], "big")
        earlier = self.seen.get(key)
        if earlier is not None:
            self.warn(f"{where}: skipped: same id and text as document {earlier!r} read before")
            return None
        new_id = doc.id
        if new_id in self.used:
            n = self.suffix.get(doc.id, 2)
            while f"{doc.id}-{n}" in self.used:
                n += 1
            self.suffix[doc.id] = n + 1
            new_id = f"{doc.id}-{n}"
            self.warn(f"{where}: id {doc.id!r} already names a different text; renamed {new_id!r}")
        self.used.add(new_id)
        self.seen[key] = new_id
        return doc if new_id == doc.id else dataclasses.replace(doc, id=new_id)


def _read_file(path: Path, kind: str, date: str | None, skip_bad: bool, warn: Warn) -> Iterator[tuple[str, Document]]:
    """Yield (where, document) from one file, skipping binary files with a warning."""
    where = str(path)
    try:
        handle = open(path, "rb")
    except OSError as error:  # a dangling link or unreadable file met in a directory walk
        warn(f"{where}: skipped: cannot read ({error.strerror or error})")
        return
    with handle:
        head = handle.read(BINARY_PROBE)
        if kind == "text" and head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = _decode_utf16(head + handle.read(), where, warn)  # Notepad's "Unicode"; its NULs are not binary
        elif b"\0" in head:
            warn(f"{where}: skipped: binary file (NUL byte in the first {BINARY_PROBE // 1024} KiB)")
            return
        elif kind == "jsonl":
            yield from _read_jsonl(_first_lines(head, handle), where, date, skip_bad, warn)
            return
        elif kind == "html":
            doc = _html_document(path.stem, head + handle.read(), date, where, warn)
            if doc is not None:
                yield where, doc
            return
        else:
            text = _decode(head + handle.read(), where, warn)
    doc = _text_document(path.stem, text, date, where, warn)
    if doc is not None:
        yield where, doc


def _first_lines(head: bytes, handle: IO[bytes]) -> Iterator[bytes]:
    """The lines (split at b"\\n", as file iteration does) of a binary file whose first bytes were read."""
    first = head + handle.readline()  # `head` may end mid-line; readline completes it
    *complete, last = first.split(b"\n")
    for line in complete:
        yield line + b"\n"
    if last:
        yield last
    yield from handle


def _text_document(doc_id: str, text: str, date: str | None, where: str, warn: Warn) -> Document | None:
    """A plain-text document, or None (with a warning) when it is empty."""
    if not text.strip():
        warn(f"{where}: skipped: empty document")
        return None
    return Document(doc_id, text, date)


_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


def _html_document(doc_id: str | None, data: bytes, date: str | None, where: str, warn: Warn) -> Document | None:
    """A saved web page as a document: its main text (navigation, footers, comments left out) with the title as its
    first line, and the page's title, date, URL and site name where it gives them; None, with a warning, for a page
    with no text; `doc_id` None: derived from the text. trafilatura extracts them from the bytes read, decoded by the page's own charset; it is given a
    parsed tree, so nothing on the way sees a string it could take for a URL (htmldate, its date finder, downloads one)."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        warn(f"{where}: skipped: not an HTML page")
        return None
    page = bare_extraction(tree, with_metadata=True, include_comments=False,
                           date_extraction_params={"extensive_search": False, "original_date": True})
    body = [line.strip() for line in (page.text if page is not None and page.text else "").splitlines() if line.strip()]
    if not body:
        warn(f"{where}: skipped: no article text found in the page")
        return None
    title = " ".join(page.title.split()) if page.title else None
    if title and body[0] != title:
        body.insert(0, title)  # the headline is read as the first line of a text file is
    try:
        page_date = parse_date(page.date) if page.date else date
    except InputError:
        page_date = date
    # one paragraph a line, blank lines between, as articles saved as text are
    text = "\n\n".join(body)
    return Document(doc_id or derive_id(text), text, page_date, title=title, url=page.url or None, source=page.sitename or None)


def _read_stdin(stdin, date: str | None, skip_bad: bool, warn: Warn) -> Iterator[tuple[str, Document]]:
    """Stdin as JSON Lines when its first non-blank character is `{`, else as one plain-text document."""
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
    buffered = []
    for line in stream:
        buffered.append(line)
        stripped = _strip_bom(line).strip()
        if stripped:
            break
    if not buffered or not _strip_bom(buffered[-1]).strip():
        warn(f"{STDIN_NAME}: skipped: empty document")
        return
    first = _strip_bom(buffered[-1]).lstrip()
    if first[:1] in ("{", b"{"):
        yield from _read_jsonl(chain(buffered, stream), STDIN_NAME, date, skip_bad, warn)
        return
    rest = stream.read()
    if isinstance(rest, bytes):
        data = b"".join(buffered) + rest
        if b"\0" in data[:BINARY_PROBE]:
            warn(f"{STDIN_NAME}: skipped: binary input (NUL byte in the first {BINARY_PROBE // 1024} KiB)")
            return
        if _HTML_START.match(_strip_bom(data[:BINARY_PROBE])):  # type: ignore[arg-type]
            doc = _html_document(None, data, date, STDIN_NAME, warn)
            if doc is not None:
                yield STDIN_NAME, doc
            return
        text = _decode(data, STDIN_NAME, warn)
    else:
        text = "".join(buffered) + rest
        text = text[1:] if text.startswith("\ufeff") else text
    doc = _text_document(derive_id(text), text, date, STDIN_NAME, warn)
    if doc is not None:
        yield STDIN_NAME, doc


def _strip_bom(line: str | bytes) -> str | bytes:
    if isinstance(line, bytes):
        return line[3:] if line.startswith(codecs.BOM_UTF8) else line
    return line[1:] if line.startswith("\ufeff") else line


class _BadRecord(Exception):
    """A .jsonl line that cannot become a document; the message says why."""


def _read_jsonl(lines: Iterable[str | bytes], where: str, date: str | None, skip_bad: bool, warn: Warn) -> Iterator[tuple[str, Document]]:
    """Stream a JSON Lines corpus: one document per non-blank line, never the whole file in memory."""
    bad, bad_lines = _Capped(warn), []
    invalid_utf8, empty = _Capped(warn), _Capped(warn)
    for number, raw in enumerate(lines, start=1):
        here = f"{where}:{number}"
        if number == 1:
            raw = _strip_bom(raw)
        line = _decode(raw, here, invalid_utf8, " of the line") if isinstance(raw, bytes) else raw
        if not line.strip():
            continue
        try:
            doc = _record(line, date)
        except _BadRecord as error:
            if not skip_bad:
                raise InputError(f"{here}: {error} (use --skip-bad to skip bad lines)") from None
            bad(f"{here}: skipped: {error}")
            if len(bad_lines) < MAX_LINE_WARNINGS:
                bad_lines.append(number)
            continue
        if not doc.text.strip():
            empty(f"{here}: skipped: empty text")
            continue
        yield here, doc
    invalid_utf8.summarise(f"{where}: lines with invalid UTF-8")
    empty.summarise(f"{where}: lines with empty text")
    if bad.count:
        shown = ", ".join(map(str, bad_lines)) + (", ..." if bad.count > len(bad_lines) else "")
        warn(f"{where}: skipped {bad.count} bad line{'s' if bad.count != 1 else ''} (line {shown})")


_OPTIONAL_FIELDS = ("title", "url", "source")


def _record(line: str, default_date: str | None) -> Document:
    """Turn one JSON line into a Document, or raise _BadRecord saying what is wrong."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        raise _BadRecord(f"not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise _BadRecord("not valid JSON (nested too deeply)") from None
    except ValueError:  # the only other error json raises: an integer longer than Python reads from text
        raise _BadRecord(f"not valid JSON here (a number of more than {sys.get_int_max_str_digits()} digits)") from None
    if not isinstance(obj, dict):
        raise _BadRecord(f"expected a JSON object, got {_json_type(obj)}")
    if "text" not in obj:
        raise _BadRecord('missing "text"')
    text = obj["text"]
    if not isinstance(text, str):
        raise _BadRecord(f'"text" must be a string, got {_json_type(text)}')
    doc_id = obj.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if doc_id is not None and not isinstance(doc_id, str):
        raise _BadRecord(f'"id" must be a string, got {_json_type(doc_id)}')
    if doc_id is None or not doc_id.strip():
        doc_id = derive_id(text)
    raw_date = obj.get("date")
    if raw_date is None or raw_date == "":  # scrapers write "" for an unknown date
        doc_date = default_date
    elif isinstance(raw_date, str):
        try:
            doc_date = parse_date(raw_date, what='"date"')
        except InputError as error:
            raise _BadRecord(str(error)) from None
    else:
        raise _BadRecord(f'"date" must be a string (YYYY-MM-DD), got {_json_type(raw_date)}')
    extra = {}
    for name in _OPTIONAL_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise _BadRecord(f'"{name}" must be a string, got {_json_type(value)}')
        extra[name] = value
    return Document(doc_id.strip(), text, doc_date, **extra)


def _json_type(value: object) -> str:
    """The JSON name of a decoded value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


# ---------------------------------------------------------------- boilerplate


@dataclasses.dataclass(frozen=True)
class Boilerplate:
    """Compiled boilerplate rules from ontology/boilerplate.yaml."""

    lines: tuple[re.Pattern[str], ...]
    teasers: tuple[re.Pattern[str], ...]
    datelines: tuple[re.Pattern[str], ...] = ()
    """What opens a paragraph to say where a story was filed ("KYIV (Reuters) - "), matched case-sensitively."""
    teaser_max_lines: int = 3
    caption_max_words: int = 20
    headline_max_words: int = 20
    max_line_chars: int = 300


def load_boilerplate(path: Path | None = None) -> Boilerplate:
    """Load and validate the boilerplate rules (cached); a bad entry raises RulesError naming it."""
    return _load_boilerplate(path or resolved_ontology_dir() / "boilerplate.yaml")


@lru_cache(maxsize=8)
def _load_boilerplate(path: Path) -> Boilerplate:
    name = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RulesError(f"{name}: cannot read: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise RulesError(f"{name}: not valid YAML: {' '.join(str(error).split())}") from None
    if not isinstance(data, dict):
        raise RulesError(f"{name}: expected a mapping with 'lines' and 'teasers'")
    unknown = set(data) - {"lines", "teasers", "datelines", "teaser", "max_line_chars"}
    if unknown:
        raise RulesError(f"{name}: unknown key {sorted(unknown)[0]!r}; expected lines, teasers, datelines, teaser, "
                         "max_line_chars")
    teaser = data.get("teaser") or {}
    if not isinstance(teaser, dict):
        raise RulesError(f"{name}: 'teaser' must be a mapping")
    numbers = {
        "teaser_max_lines": teaser.get("max_lines", 3),
        "caption_max_words": teaser.get("caption_max_words", 20),
        "headline_max_words": teaser.get("headline_max_words", 20),
        "max_line_chars": data.get("max_line_chars", 300),
    }
    for key, value in numbers.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise RulesError(f"{name}: {key} must be a non-negative integer, got {value!r}")
    return Boilerplate(_patterns(data, "lines", name), _patterns(data, "teasers", name),
                       _patterns(data, "datelines", name, flags=0), **numbers)


def _patterns(data: dict, key: str, name: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    """Compile one list of `{pattern, comment}` entries, naming the bad entry on error."""
    entries = data.get(key) or []
    if not isinstance(entries, list):
        raise RulesError(f"{name}: '{key}' must be a list of {{pattern, comment}} entries")
    compiled = []
    for index, entry in enumerate(entries):
        label = f"{name}: {key}[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
            raise RulesError(f"{label}: expected a mapping with a string 'pattern'")
        if not isinstance(entry.get("comment"), str) or not entry["comment"].strip():
            raise RulesError(f"{label}: {entry['pattern']!r} has no 'comment' saying what it matches")
        try:
            compiled.append(re.compile(entry["pattern"], flags))
        except re.error as error:
            raise RulesError(f"{label}: bad regex {entry['pattern']!r}: {error}") from None
    return tuple(compiled)


DATELINE_CHARS = 120
"""How far into a paragraph a dateline may reach (a 50 MB one-line text stays fast)."""


def datelines(text: str, rules: Boilerplate | None = None) -> list[tuple[int, int]]:
    """(start, end) character spans of the datelines opening the paragraphs of `text` ("JOHANNESBURG (Reuters) - ").

    The parser reads them as news prints them, so the text keeps them; the city and the agency in one are where
    the story was filed and who filed it, never actors of its first sentence (see `kg.entities.entity_spans`).
    """
    patterns = (rules or load_boilerplate()).datelines
    found: list[tuple[int, int]] = []
    if not patterns:
        return found
    start = 0
    for line in text.split("\n"):
        head = line[:DATELINE_CHARS]
        indent = len(head) - len(head.lstrip())
        for pattern in patterns:
            match = pattern.match(head, indent)
            if match and match.end() > indent:
                found.append((start + indent, start + match.end()))
                break
        start += len(line) + 1
    return found


_WS = re.compile(r"\s+")
_DECORATION = " \t-–—•·|»›«‹<>*_#=~[]"
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]\s]*$")


def _normalise_space(line: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space, stripped; fast on huge lines."""
    line = line.strip()
    # str methods scan in C; the regex runs only when some odd whitespace is present
    return _WS.sub(" ", line) if "  " in line or not line.isprintable() else line


def _shape(line: str, rules: Boilerplate) -> str:
    """ "headline" (no sentence-ending punctuation), "caption" (a short sentence) or "" (blank or body text)."""
    if not line:
        return ""
    words = len(line.split())
    if _SENTENCE_END.search(line):
        return "caption" if words <= rules.caption_max_words else ""
    return "headline" if words <= rules.headline_max_words else ""


def _teaser(marker: int, keys: list[str], bare: list[str], rules: Boilerplate, is_marker: Callable[[int], bool]) -> Iterator[int]:
    """Indices of the teaser lines around a "Read more"-style marker line.

    Above it: headlines in the same block (a boxed teaser "Headline\\nOther
    Topics of Interest"). Below it, after blank lines: captions, then headlines,
    at most `teaser_max_lines`, stopping at a blank line, body text, another
    marker, or a sentence after a headline.
    """
    above = marker - 1
    while above >= 0 and marker - above <= rules.teaser_max_lines and _shape(bare[above], rules) == "headline":
        yield above
        above -= 1
    below = marker + 1
    while below < len(keys) and not keys[below].strip(_DECORATION):  # blank or a "* * *" rule
        below += 1
    headline_seen = False
    for j in range(below, min(below + rules.teaser_max_lines, len(bare))):
        shape = _shape(bare[j], rules)
        if not shape or is_marker(j) or (headline_seen and shape == "caption"):
            return  # captions come before the headline; a sentence after it is body text
        headline_seen = headline_seen or shape == "headline"
        yield j


def mask_boilerplate(text: str, rules: Boilerplate | None = None) -> str:
    """Blank out boilerplate lines and repeated paragraphs, keeping length and every offset.

    Masked characters become spaces; newlines stay, so a character offset into
    the result is the same offset into `text`. A line is a paragraph (scraped
    articles put one per line; hard-wrapped text repeats line by line too).
    Masked are:

    - lines matching a `lines` pattern of ontology/boilerplate.yaml (the whole
      line, ignoring case, surrounding whitespace and decoration like "»", "•");
    - "Read more"-style teaser markers (`teasers`), the headline-like lines right
      above a marker in the same block (a boxed teaser: "Headline\\nOther Topics
      of Interest"), and the teaser that follows: after blank lines, up to
      `teaser.max_lines` lines that are headlines (no sentence-ending
      punctuation) or short captions (at most `caption_max_words` words) before
      the headline, ending at the next blank line, body paragraph, or sentence
      after a headline. In a one-paragraph-per-line article a short body
      sentence right after a bare "Read more" line is masked as a caption;
    - a line that repeats an earlier line of the same text verbatim after
      whitespace normalisation (so a headline repeated as the body's first line,
      or a whole paragraph printed twice, is read once: the first occurrence
      stays).

    >>> mask_boilerplate("Hi there.\\nAdvertisement\\nHi there.")
    'Hi there.\\n             \\n         '
    """
    rules = rules or load_boilerplate()
    lines = text.split("\n")
    keys = [_normalise_space(line) for line in lines]
    # decoration stripped for matching; long lines are body text and never matched
    bare = [k.strip(_DECORATION) if len(k) <= rules.max_line_chars else "" for k in keys]
    masked = [False] * len(lines)

    def matches(patterns: tuple[re.Pattern[str], ...], i: int) -> bool:
        return bool(bare[i]) and any(p.fullmatch(bare[i]) for p in patterns)

    for i in range(len(lines)):
        if matches(rules.lines, i):
            masked[i] = True
        elif matches(rules.teasers, i):
            masked[i] = True
            for j in _teaser(i, keys, bare, rules, lambda j: matches(rules.teasers, j)):
                masked[j] = True

    seen: set[str] = set()
    for i, key in enumerate(keys):
        if key and key in seen:
            masked[i] = True
        seen.add(key)

    return "\n".join(" " * len(line) if m else line for line, m in zip(lines, masked))
