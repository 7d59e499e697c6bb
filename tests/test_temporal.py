"""Temporal normalisation: each row is (expression, document date, expected value)."""

import pytest

from kg.temporal import normalise

ROWS = [
    ("on Thursday", "2024-11-14", "2024-11-14"),  # the anchor day itself when it is that weekday
    ("on Tuesday", "2024-11-01", "2024-10-29"),  # latest Tuesday on or before the anchor
    ("last month", "2024-11-14", "2024-10"),
    ("last month", "2024-01-10", "2023-12"),  # crosses a year boundary
    ("in late October", "2024-11-14", "2024-10"),
    ("in mid-October", "2024-11-14", "2024-10"),
    ("In early October", "2024-11-14", "2024-10"),
    ("in June", "2024-11-14", "2024-06"),
    ("in December", "2024-11-14", "2023-12"),  # a month after the anchor's month is last year's
    ("on Oct. 18", "2024-11-14", "2024-10-18"),
    ("On Nov. 4", "2024-11-14", "2024-11-04"),
    ("October 18, 2024", None, "2024-10-18"),
    ("18 October 2023", None, "2023-10-18"),
    ("in 2022", "2024-10-25", "2022"),
    ("This week", "2024-11-14", "2024-11"),
    ("yesterday", "2024-11-01", "2024-10-31"),
    ("last year", "2024-11-01", "2023"),
    ("as of Thursday", "2024-11-14", "2024-11-14"),
    ("2024-03-05", None, "2024-03-05"),
    ("September 2023", None, "2023-09"),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), ROWS)
def test_normalise(text: str, anchor: str | None, expected: str) -> None:
    assert normalise(text, anchor) == expected


@pytest.mark.parametrize("text", ["for years", "recently", "the past two years", "", "decades"])
def test_no_point_in_time_gives_none(text: str) -> None:
    assert normalise(text, "2024-11-14") is None


def test_relative_expression_without_anchor_gives_none() -> None:
    assert normalise("last month", None) is None
    assert normalise("on Tuesday", None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024", "2024"), ("2024-10", "2024-10"), ("2024-10-14", "2024-10-14"), ("Oct 2024", "2024-10"),
     ("October 2024", "2024-10"), ("14 October 2024", "2024-10-14"), ("Nov. 14, 2024", "2024-11-14"),
     ("Oct", None), ("last month", None), ("yesterday", None), ("2024-13", None), ("2023-02-29", None),
     ("2024-10-14T08:00", None), ("soon", None), ("", None)],
)
def test_as_date_reads_what_a_user_types_and_nothing_it_would_have_to_guess(text: str, expected: str | None) -> None:
    from kg.temporal import as_date

    assert as_date(text) == expected
