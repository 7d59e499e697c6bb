"""Compiled tables cached on disk: the validated gazetteer and its name table, built once per data and code.

Validating some 35,000 gazetteer entries and tokenising their 35,000 names costs seconds;
every `kg build`, test run and Dask worker would pay it. The results are pickled under
`$KG_CACHE_DIR/compiled/` (else `$XDG_CACHE_HOME/kg/compiled/`, else `~/.cache/kg/compiled/`),
one file per kind, named by the sha256 of everything they are computed from: the data
files' bytes, the code that reads them, the Python and spaCy versions and, for the name
table, the model. A change of any of those gives a new name, so a stale file is never read.

Writes go to a temporary file renamed into place, so concurrent builds never read half a
file (the last writer wins, with identical content). A file that cannot be read or
unpickled is rebuilt and rewritten; an unwritable cache only costs the time. The files are
pickles: only a cache directory you trust should be used, as for any cache of Python objects.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

FORMAT = 1
"""Version of the cached layout: bump when what is pickled changes shape."""

CACHE_DIR_ENV = "KG_CACHE_DIR"
_MAGIC = b"kg-compiled\n"

T = TypeVar("T")


def cache_dir() -> Path:
    """$KG_CACHE_DIR/compiled, else the user cache dir's kg/compiled."""
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV]) / "compiled"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg" / "compiled"


def digest(parts: Iterable[str | bytes]) -> str:
    """sha256 of the parts, each length-prefixed so that no two lists of parts give one stream."""
    h = hashlib.sha256(f"format={FORMAT};python={sys.version_info[:2]}".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def file_parts(paths: Iterable[Path]) -> list[bytes]:
    """Name and bytes of each existing file, for `digest`."""
    return [p.name.encode() + b"\0" + p.read_bytes() for p in sorted(paths) if p.exists()]


def code_parts(*modules: str) -> list[bytes]:
    """Source of kg modules (by name, "gazetteer"), for `digest`: editing one recompiles."""
    here = Path(__file__).resolve().parent
    return file_parts(here / f"{name}.py" for name in modules)


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """The object cached as `kind` under `key`, or `build()` stored there (see the module docstring)."""
    path = cache_dir() / f"{kind}-{key[:32]}.pickle"
    try:
        with path.open("rb") as handle:
            if handle.read(len(_MAGIC)) == _MAGIC and handle.readline().strip() == key.encode():
                return pickle.load(handle)
    except Exception:  # missing, truncated, corrupt or from another version: rebuild
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + key.encode() + b"\n")
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or full disk: the build still works, only slower next time
    return value
