"""All-or-nothing file output: every file is written beside its target, then all are renamed into place.

`kg build` writes four outputs and `kg export` one; either way a failure (an exception, a full
disk, Ctrl-C) before the renames leaves every previous file as it was and no temporary behind.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from kg.errors import InputError, KgError

Writer = Callable[[Path], None]
"""Writes one output's content to the path it is given."""


def text_writer(text: str) -> Writer:
    """A writer of UTF-8 text with "\\n" line ends."""

    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)

    return write


def stream_writer(write: Callable[[TextIO], None]) -> Writer:
    """A writer that streams UTF-8 text with "\\n" line ends into the file as `write` produces it."""

    def run(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            write(handle)

    return run


def binary_writer(write: Callable[[BinaryIO], None]) -> Writer:
    """A writer that streams bytes into the file as `write` produces them."""

    def run(path: Path) -> None:
        with open(path, "wb") as handle:
            write(handle)

    return run


def _umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_all(outputs: Mapping[Path, Writer]) -> tuple[Path, ...]:
    """Write every output to a temporary file beside its target, then rename them all into place."""
    staged: list[tuple[str, Path]] = []
    try:
        for target, write in outputs.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix, dir=target.parent)
            os.close(fd)
            staged.append((tmp, target))  # before writing, so a full disk does not leave it behind
            write(Path(tmp))
        mode = 0o666 & ~_umask()  # mkstemp makes 0600 files; outputs get the usual permissions
        for tmp, _ in staged:
            os.chmod(tmp, mode)
        for tmp, target in staged:
            os.replace(tmp, target)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    return tuple(target for _, target in staged)


@contextmanager
def work_dir(out_dir: Path) -> Iterator[Path]:
    """A temporary folder inside `out_dir` (the outputs' disk, not a RAM-backed /tmp), removed after;
    `out_dir` itself too if this made it and the run failed."""
    made = not out_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        work = tempfile.mkdtemp(prefix=".kg-work-", dir=out_dir)
    except OSError as error:
        raise InputError(f"{out_dir}: cannot write the outputs: {error.strerror or error}") from None
    try:
        yield Path(work)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        if made:
            with suppress(OSError):
                out_dir.rmdir()  # only if empty: never a file someone put there meanwhile
        raise
    shutil.rmtree(work, ignore_errors=True)


def spool_db(path: str | Path | None, cache_mb: int = 16) -> sqlite3.Connection:
    """A SQLite database for intermediate results (None: in memory): no journal, no fsync, sorts in temporary
    files, a bounded page cache, autocommit mode so the caller opens its own transaction.

    Nothing in it must survive a crash: a failed build starts over, so durability is only cost."""
    db = sqlite3.connect(":memory:" if path is None else str(path), isolation_level=None)
    db.executescript(f"PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE; PRAGMA cache_size=-{cache_mb * 1024};")
    return db


def json_objects(lines: list[str], label: str, error: type[KgError]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each line of a JSON Lines text but blank and `#` comment lines; `error`
    names `label` and the line of a fault."""
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{label}: line {n}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise error(f"{label}: line {n}: expected a JSON object")
        yield n, record
