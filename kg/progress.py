"""Progress of long runs: library functions report their steps through a callback, and `bar` draws them.

A function that takes a while (`kg.pipeline.build`, `kg.store.load`) accepts
`progress`, a `Report`, and calls it as it goes: `report("parsing documents",
12, 260)`. It prints nothing itself; the command line passes the callback of
`bar`, which draws one line per task with its count, total and time left on
stderr when that is a terminal, and Python callers pass their own or none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Protocol, TypeVar

from rich.console import Console
from rich.filesize import decimal
from rich.progress import (BarColumn, Progress, ProgressColumn, Task, TaskID, TaskProgressColumn, TextColumn,
                           TimeRemainingColumn)
from rich.text import Text

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
    with Progress(*columns, console=console) as display:
        ids: dict[str, TaskID] = {}

        def report(task: str, done: int, total: int | None, unit: str = "") -> None:
            if task not in ids:
                for earlier in display.tasks:  # a task starts when the ones before it have ended: show them full
                    display.update(earlier.id, total=earlier.completed)
                ids[task] = display.add_task(task, total=total, unit=unit)
            display.update(ids[task], completed=done, total=total)

        yield report
