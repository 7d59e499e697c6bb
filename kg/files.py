"""All-or-nothing file output: every file is written beside its target, then all are renamed into place.

`kg build` writes four outputs and `kg export` one; either way a failure (an exception, a full
disk, Ctrl-C, SIGTERM) leaves every previous file as it was and no temporary behind: the renames
run with those signals held back and are undone if one of them fails, so the files are published
as a set. A disk error is one `OutputError` naming the file. One build at a time writes to a
folder (`output_lock`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from kg.errors import InputError, KgError, OutputError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]

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


_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(text: str) -> bool:
    """True for "https://...", "file://..." and the like: not a path kg reads (it fetches nothing)."""
    return bool(_URL.match(text))


def local_path(value: str | Path) -> Path:
    """A path argument as a Path; a URL is refused, named as given (Path() would make "https://" "https:/")."""
    if isinstance(value, Path):
        return value
    if is_url(value):
        raise InputError(f"{value}: kg reads local files and fetches nothing; download it first")
    return Path(value)


def cannot_write(path: Path | str, error: OSError) -> OutputError:
    """The one-line error for an OSError while writing `path`: "out/graph.ttl: cannot write: No space left on device"."""
    return OutputError(f"{path}: cannot write: {error.strerror or error}")


def check_target(target: Path) -> None:
    """Fail early, with one line, when `target` cannot be written as a file: a folder, a missing,
    read-only or full folder, no permission. Tried by creating and removing a file beside it."""
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; cannot write the output there")
    if not target.parent.is_dir():
        raise OutputError(f"{target}: cannot write: no folder {target.parent}")
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise cannot_write(target, error) from error


SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
"""The signals that end kg early: they wait while a set of outputs is renamed into place."""


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP while the block runs, then act on the first that came.

    Only the main thread can change signal handlers; elsewhere the block runs as is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {sig: signal.signal(sig, lambda number, frame: caught.append(number)) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if caught:
            signal.raise_signal(caught[0])


def _publish(staged: list[tuple[str, Path]]) -> None:
    """Rename every staged file onto its target: all of them, or (when a rename fails) none.

    Each previous target is hard-linked aside first, so a failed rename can put back the ones already done."""
    backups: dict[Path, str] = {}
    done: list[Path] = []
    try:
        for tmp, target in staged:
            if target.is_file():
                backup = tmp + ".prev"
                with suppress(OSError):  # a file system without hard links: that file cannot be put back
                    os.link(target, backup)
                    backups[target] = backup
            os.replace(tmp, target)
            done.append(target)
    except BaseException:
        for target in reversed(done):
            with suppress(OSError):
                if target in backups:
                    os.replace(backups.pop(target), target)
                else:
                    target.unlink()
        raise
    finally:
        for backup in backups.values():
            with suppress(OSError):
                os.unlink(backup)


def write_all(outputs: Mapping[Path, Writer]) -> tuple[Path, ...]:
    """Write every output to a temporary file beside its target, then rename them all into place as a set.

    A disk error (no space, read-only, permission, a folder in the way) is an `OutputError` naming the file."""
    for target in outputs:
        if target.is_dir():
            raise OutputError(f"{target}: is a directory; cannot write the output there")
    staged: list[tuple[str, Path]] = []
    current: Path | None = None
    try:
        for target, write in outputs.items():
            current = target
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix, dir=target.parent)
            os.close(fd)
            staged.append((tmp, target))  # before writing, so a full disk does not leave it behind
            write(Path(tmp))
        mode = 0o666 & ~_umask()  # mkstemp makes 0600 files; outputs get the usual permissions
        for tmp, target in staged:
            current = target
            os.chmod(tmp, mode)
        with signals_held():  # Ctrl-C or SIGTERM now would leave some old files and some new
            _publish(staged)
    except OSError as error:
        _discard(staged)
        raise cannot_write(current or error.filename, error) from error
    except BaseException:
        _discard(staged)
        raise
    return tuple(target for _, target in staged)


def _discard(staged: list[tuple[str, Path]]) -> None:
    for tmp, _ in staged:
        Path(tmp).unlink(missing_ok=True)


LOCK_NAME = ".kg-build.lock"
"""The lock file a build holds in its output folder while it runs."""


def _lock_holder(fd: int) -> str:
    with suppress(OSError, ValueError):
        text = os.pread(fd, 100, 0).decode("ascii", "replace").strip()
        if text.isdigit():
            return text
    return ""


@contextmanager
def output_lock(out_dir: Path, warn: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold `out_dir`/.kg-build.lock while the block runs, so two builds never write one folder at once.

    The lock is the operating system's (flock): it ends with the process however that ends, so a
    lock file left by a killed build is stale and is taken over (with a warning naming the
    build's process id). The folder is made if needed, and removed again if the block fails and
    leaves it empty. Without fcntl (Windows) the block runs unlocked."""
    made = not out_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"{out_dir}: cannot write the outputs: {error.strerror or error}") from None
    path = out_dir / LOCK_NAME
    fd = -1
    try:
        if fcntl is not None:
            fd = _acquire(path, out_dir)
            previous = _lock_holder(fd)
            if previous and warn is not None:
                warn(f"{path}: left by a build that was killed (process {previous}); taking it over")
            with suppress(OSError):  # the process id only names the holder; a full disk must not stop the build here
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    except BaseException:
        _release(path, fd)
        fd = -1
        if made:
            with suppress(OSError):
                out_dir.rmdir()  # only if empty
        raise
    finally:
        _release(path, fd)


def _acquire(path: Path, out_dir: Path) -> int:
    """An open, exclusively locked descriptor of the lock file; OutputError when another process holds it."""
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise InputError(f"{out_dir}: cannot write the outputs: {error.strerror or error}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _lock_holder(fd)
            os.close(fd)
            who = f"another kg build (process {holder})" if holder else "another kg build"
            raise OutputError(f"{out_dir}: {who} is writing here; wait for it to finish, or build into another folder") from None
        try:  # the build that held it may have removed the file meanwhile: lock the file that is there
            if os.path.samestat(os.fstat(fd), os.stat(path)):
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


def _release(path: Path, fd: int) -> None:
    """Remove the lock file, then unlock it (in that order, so no one locks a file that is going away)."""
    if fd < 0:
        return
    with suppress(OSError):
        path.unlink()
    os.close(fd)


@contextmanager
def disk_errors(path: Path, what: str) -> Iterator[None]:
    """Inside the block, an OSError or a SQLite disk error (a full disk, a read-only one) is one OutputError:
    "PATH: WHAT: No space left on device". SQLite's sort files go to $SQLITE_TMPDIR, $TMPDIR or /var/tmp."""
    try:
        yield
    except BrokenPipeError:
        raise  # the reader of stdout went away (`| head`): not a disk error
    except OSError as error:
        raise OutputError(f"{path}: {what}: {error.strerror or error}") from error
    except sqlite3.OperationalError as error:  # "database or disk is full", "disk I/O error", ...
        raise OutputError(f"{path}: {what}: {error} (SQLite sorts in $SQLITE_TMPDIR, $TMPDIR or /var/tmp)") from error


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
    db.executescript(f"PRAGMA page_size=65536; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE; PRAGMA cache_size=-{cache_mb * 1024};")
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
        except ValueError:  # an integer longer than Python reads from text
            raise error(f"{label}: line {n}: not JSON here (a number of more than {sys.get_int_max_str_digits()} digits)") from None
        if not isinstance(record, dict):
            raise error(f"{label}: line {n}: expected a JSON object")
        yield n, record
