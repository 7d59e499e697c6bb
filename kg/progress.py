"""Progress of long runs: library functions report their steps through a callback, and `bar` draws them.

A function that takes a while (`kg.pipeline.build`, `kg.store.load`) accepts
`progress`, a `Report`, and calls it as it goes: `report("parsing documents",
12, 260)`. It prints nothing itself; the command line passes the callback of
`bar`, which draws one line per task with its count, total and time left on
stderr when that is a terminal, and Python callers pass their own or none.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Protocol, TypeVar

from rich.console import Console
from rich.filesize import decimal
from rich.progress import (BarColumn, Progress, ProgressColumn, Task, TaskID, TaskProgressColumn, TextColumn,
                           TimeRemainingColumn)
from rich.text import Text

REDRAW_SECONDS = 0.1
"""Least time between two redraws of the bars (a report may come per document)."""


class Report(Protocol):
    """Told how a task goes: `done` of `total` (None: not known) steps of the task named, counted in `unit`
    ("" for things, "bytes" for bytes). A task is reported again with a growing `done`."""

    def __call__(self, task: str, done: int, total: int | None, unit: str = "") -> None: ...

T = TypeVar("T")


def counted(items: Iterable[T], report: Report | None, task: str, total: int | None = None) -> Iterator[T]:
    """The items, one at a time, reporting how many have been taken (nothing to report: the items as they are)."""
    if report is None:
        yield from items
        return
    report(task, 0, total)
    done = 0
    for item in items:
        yield item
        done += 1
        report(task, done, total)


class _Count(ProgressColumn):
    """`12/260`, or `3.2/140.0 MB` for bytes; `12` while the total is not known."""

    def render(self, task: Task) -> Text:
        show = decimal if task.fields.get("unit") == "bytes" else (lambda n: f"{int(n):,}")
        done = show(int(task.completed))
        return Text(done if task.total is None else f"{done}/{show(int(task.total))}", style="progress.download")


@contextmanager
def bar(enabled: bool = True, console: Console | None = None) -> Iterator[Report | None]:
    """A Report that draws each task as a line with a bar, count, total, percentage and time left, on stderr
    (or `console`); None, and nothing drawn, when not `enabled` or the console is not a terminal, so that
    output piped to a file or read by a script stays as it was. Warnings printed meanwhile show above the bars."""
    console = console or Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), _Count(), TaskProgressColumn(), TimeRemainingColumn())
    # Redrawn by `report` itself, not by rich's refresh thread: kg forks its worker processes only while
    # this process has no other thread (a fork copies locks that other threads hold), and forked workers
    # inherit the loaded model instead of each loading spaCy again.
    with Progress(*columns, console=console, auto_refresh=False) as display:
        ids: dict[str, TaskID] = {}
        drawn = [0.0]

        def report(task: str, done: int, total: int | None, unit: str = "") -> None:
            new = task not in ids
            if new:
                for earlier in display.tasks:  # a task starts when the ones before it have ended: show them full
                    display.update(earlier.id, total=earlier.completed)
                ids[task] = display.add_task(task, total=total, unit=unit)
            display.update(ids[task], completed=done, total=total)
            now = time.monotonic()
            if new or done == total or now - drawn[0] >= REDRAW_SECONDS:
                display.refresh()
                drawn[0] = now

        yield report
