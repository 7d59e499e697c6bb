"""kg.progress: the callback library functions report through, and the bar the command line draws with it."""

from __future__ import annotations

import io

from rich.console import Console

from kg.progress import bar, counted


def test_counted_reports_each_item_taken():
    calls: list[tuple] = []
    assert list(counted("abc", lambda *args: calls.append(args), "letters", 3)) == ["a", "b", "c"]
    assert calls == [("letters", 0, 3), ("letters", 1, 3), ("letters", 2, 3), ("letters", 3, 3)]
    assert list(counted("abc", None, "letters")) == ["a", "b", "c"]


def test_the_bar_shows_each_task_with_its_count_and_total_on_a_terminal():
    screen = io.StringIO()
    with bar(console=Console(file=screen, force_terminal=True, width=100, color_system=None)) as report:
        assert report is not None
        for done in range(4):
            report("parsing documents", done, 3)
        report("loading graph.trig", 1_500_000, 3_000_000, "bytes")
        report("loading graph.trig", 3_000_000, 3_000_000, "bytes")
    last = screen.getvalue().split("\r")[-1]  # the display as it was left
    assert "parsing documents" in last and "3/3" in last and "100%" in last
    assert "loading graph.trig" in last and "3.0 MB/3.0 MB" in last


def test_no_bar_when_not_a_terminal_or_not_wanted():
    screen = io.StringIO()
    with bar(console=Console(file=screen)) as report:
        assert report is None
    with bar(enabled=False, console=Console(file=screen, force_terminal=True)) as report:
        assert report is None
    assert screen.getvalue() == ""


def test_the_bar_runs_no_thread_of_its_own():
    """Worker processes are forked (inheriting the loaded model) only while no other thread runs."""
    import threading

    before = threading.active_count()
    screen = io.StringIO()
    with bar(console=Console(file=screen, force_terminal=True, width=100, color_system=None)) as report:
        assert report is not None
        report("parsing documents", 1, 3)
        assert threading.active_count() == before
    assert "1/3" in screen.getvalue()
